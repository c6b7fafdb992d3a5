package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.User;

/**
 * DeleteUser's preconditions: AWS refuses while the user still owns anything
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html).
 */
final class UserDeletion {
  private UserDeletion() {}

  static void checkNoDependents(AccountState account, User user) {
    if (!user.accessKeys().isEmpty()) {
      throw AwsServiceException.deleteConflict("Cannot delete entity, must delete access keys first.");
    }
  }
}
