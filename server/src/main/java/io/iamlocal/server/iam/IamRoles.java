package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Role;

/**
 * Finds the role an operation is about, and guards service-linked roles against customer writes.
 */
public final class IamRoles {
  private IamRoles() {}

  public static Role require(AccountState account, String roleName) {
    Role role = account.roles().get(roleName);
    if (role == null) {
      throw AwsServiceException.noSuchEntity(
          "The role with name " + roleName + " cannot be found.");
    }
    return role;
  }

  /** The named role, refused with {@code UnmodifiableEntity} when only AWS may change it. */
  public static Role requireModifiable(AccountState account, String roleName) {
    Role role = require(account, roleName);
    checkModifiable(role);
    return role;
  }

  /** Service-linked roles are changed by their service only (AWS's text has no final period). */
  public static void checkModifiable(Role role) {
    if (role.isServiceLinked()) {
      throw new AwsServiceException(
          AwsErrorCode.UNMODIFIABLE_ENTITY,
          "Cannot perform the operation on the protected role '"
              + role.roleName()
              + "' - this role is only modifiable by AWS");
    }
  }
}
