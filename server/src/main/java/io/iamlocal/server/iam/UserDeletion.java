package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.LoginProfiles;
import io.iamlocal.server.state.MfaDevices;
import io.iamlocal.server.state.ServiceSpecificCredentials;
import io.iamlocal.server.state.SigningCertificates;
import io.iamlocal.server.state.SshPublicKeys;
import io.iamlocal.server.state.User;

/**
 * DeleteUser's preconditions: AWS refuses while the user still owns anything
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html).
 */
final class UserDeletion {
  private UserDeletion() {}

  static void checkNoDependents(AccountState account, User user) {
    if (LoginProfiles.of(account).get(user) != null) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must delete login profile first.");
    }
    if (MfaDevices.of(account).hasAssigned(user)) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must delete MFA device first.");
    }
    if (!user.accessKeys().isEmpty()) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must delete access keys first.");
    }
    if (!user.policies().inline().isEmpty()) {
      throw AwsServiceException.deleteConflict("Cannot delete entity, must delete policies first.");
    }
    if (!user.policies().attached().isEmpty()) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must detach all policies first.");
    }
    // AWS uses the group-side wording for a user that is still a member of a group.
    if (!user.groups().isEmpty()) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must remove users from group first.");
    }
    if (SigningCertificates.of(account).hasAny(user)) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must delete signing certificates first.");
    }
    // No AWS text is known for these two; a real DeleteUser conflict shows this generic one.
    if (SshPublicKeys.of(account).hasAny(user)
        || ServiceSpecificCredentials.of(account).hasAny(user)) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must remove referenced objects first.");
    }
  }
}
