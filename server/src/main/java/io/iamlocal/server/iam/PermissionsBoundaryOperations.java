package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.conditionKeys;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.User;
import java.util.Map;

/**
 * Put/Delete{User,Role}PermissionsBoundary. Replacing a boundary moves the policy's
 * PermissionsBoundaryUsageCount from the old policy to the new one; deleting an absent boundary
 * changes nothing.
 */
public final class PermissionsBoundaryOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "PutUserPermissionsBoundary",
        this::putUserPermissionsBoundary,
        conditionKeys("iam:PermissionsBoundary"));
    registry.register(
        "iam",
        "DeleteUserPermissionsBoundary",
        this::deleteUserPermissionsBoundary,
        conditionKeys("iam:PermissionsBoundary"));
    registry.register(
        "iam",
        "PutRolePermissionsBoundary",
        this::putRolePermissionsBoundary,
        conditionKeys("iam:PermissionsBoundary"));
    registry.register(
        "iam",
        "DeleteRolePermissionsBoundary",
        this::deleteRolePermissionsBoundary,
        conditionKeys("iam:PermissionsBoundary"));
  }

  private Map<String, ?> putUserPermissionsBoundary(OperationCall call) {
    AccountState account = call.account();
    User user = IamUsers.require(account, call.params().string("UserName"));
    String arn = call.params().string("PermissionsBoundary");
    PermissionsBoundaries.check(account, arn);
    if (!arn.equals(user.permissionsBoundaryArn())) {
      PermissionsBoundaries.detached(account, user.permissionsBoundaryArn());
      user.setPermissionsBoundaryArn(arn);
      PermissionsBoundaries.attached(account, arn);
    }
    return null;
  }

  private Map<String, ?> deleteUserPermissionsBoundary(OperationCall call) {
    AccountState account = call.account();
    User user = IamUsers.require(account, call.params().string("UserName"));
    PermissionsBoundaries.detached(account, user.permissionsBoundaryArn());
    user.setPermissionsBoundaryArn(null);
    return null;
  }

  private Map<String, ?> putRolePermissionsBoundary(OperationCall call) {
    AccountState account = call.account();
    Role role = IamRoles.requireModifiable(account, call.params().string("RoleName"));
    String arn = call.params().string("PermissionsBoundary");
    PermissionsBoundaries.check(account, arn);
    ManagedPolicy policy = ManagedPolicies.requireAttachable(account, arn);
    if (ManagedPolicies.isServiceRolePolicy(policy)) {
      throw new AwsServiceException(
          AwsErrorCode.POLICY_NOT_ATTACHABLE,
          "Cannot attach a Service Role Policy to a Customer Role.");
    }
    if (!arn.equals(role.permissionsBoundaryArn())) {
      PermissionsBoundaries.detached(account, role.permissionsBoundaryArn());
      role.setPermissionsBoundaryArn(arn);
      PermissionsBoundaries.attached(account, arn);
    }
    return null;
  }

  private Map<String, ?> deleteRolePermissionsBoundary(OperationCall call) {
    AccountState account = call.account();
    Role role = IamRoles.requireModifiable(account, call.params().string("RoleName"));
    PermissionsBoundaries.detached(account, role.permissionsBoundaryArn());
    role.setPermissionsBoundaryArn(null);
    return null;
  }
}
