package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.InstanceProfile;

/** Finds the instance profile an operation is about, or fails as AWS does. */
public final class IamInstanceProfiles {
  private IamInstanceProfiles() {}

  public static InstanceProfile require(AccountState account, String name) {
    InstanceProfile profile = account.instanceProfiles().get(name);
    if (profile == null) {
      throw AwsServiceException.noSuchEntity("Instance Profile " + name + " cannot be found.");
    }
    return profile;
  }
}
