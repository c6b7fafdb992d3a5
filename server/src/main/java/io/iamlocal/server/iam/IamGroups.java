package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Group;

/** Finds the group an operation is about, or fails as AWS does. */
public final class IamGroups {
  private IamGroups() {}

  public static Group require(AccountState account, String groupName) {
    Group group = account.groups().get(groupName);
    if (group == null) {
      throw AwsServiceException.noSuchEntity(
          "The group with name " + groupName + " cannot be found.");
    }
    return group;
  }
}
