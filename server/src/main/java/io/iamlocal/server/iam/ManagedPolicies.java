package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyStore;

/** Finds the managed policy an operation names by ARN, with AWS's error for each way it can fail. */
final class ManagedPolicies {
  private static final String AWS_ACCOUNT_ARN_PREFIX = "arn:aws:iam::aws:";

  private ManagedPolicies() {}

  /** For reads: the policy, customer or AWS managed. */
  static ManagedPolicy require(AccountState account, String arn) {
    ManagedPolicy policy = PolicyStore.of(account).find(arn);
    if (policy == null) {
      throw AwsServiceException.noSuchEntity("Policy " + arn + " was not found.");
    }
    return policy;
  }

  /**
   * For writes to the policy itself (delete, versions, tags): AWS managed policies belong to
   * AWS's account, so the caller is refused as for any resource of another account.
   */
  static ManagedPolicy requireCustomer(OperationCall call, String arn) {
    if (arn.startsWith(AWS_ACCOUNT_ARN_PREFIX)) {
      String action = "iam:" + call.operation();
      throw AwsServiceException.accessDenied("User: " + call.caller().arn() + " is not authorized to perform: " + action
          + " on resource: policy " + arn + " because no resource-based policy allows the " + action + " action");
    }
    return require(call.account(), arn);
  }

  /** For attachments and boundaries; {@link PolicyStore#retain} it once the use is certain. */
  static ManagedPolicy requireAttachable(AccountState account, String arn) {
    ManagedPolicy policy = PolicyStore.of(account).find(arn);
    if (policy == null) {
      throw AwsServiceException.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
    }
    return policy;
  }

  /** Service-linked role policies live under this path and attach to service-linked roles only. */
  static boolean isServiceRolePolicy(ManagedPolicy policy) {
    return policy.path().startsWith("/aws-service-role/");
  }
}
