package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyStore;
import java.util.Map;

/**
 * Finds the managed policy an operation names by ARN, with AWS's error for each way it can fail.
 */
final class ManagedPolicies {
  /** AWS's own refusals of writes to AWS managed policies (recorded from AWS). */
  private static final Map<String, String> OUTSIDE_THE_ACCOUNT =
      Map.of(
          "DeletePolicy", "Cannot delete policies outside your own account.",
          "DeletePolicyVersion",
              "Cannot delete policy versions for policies outside your own account.",
          "SetDefaultPolicyVersion", "Cannot update policies outside your own account.");

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
   * For writes to the policy itself (delete, versions, tags): AWS managed policies belong to AWS's
   * account, so the caller is refused as for any resource of another account.
   */
  static ManagedPolicy requireCustomer(OperationCall call, String arn) {
    refuseAwsManaged(call, arn);
    return require(call.account(), arn);
  }

  /**
   * The policy a policy-version operation names; an unknown policy is reported as an unknown
   * version of it (recorded from AWS). {@code write}: AWS managed policies are refused first.
   */
  static ManagedPolicy requireForVersion(
      OperationCall call, String arn, String versionId, boolean write) {
    if (write) {
      refuseAwsManaged(call, arn);
    }
    ManagedPolicy policy = PolicyStore.of(call.account()).find(arn);
    if (policy == null) {
      throw AwsServiceException.noSuchEntity(
          "Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
    }
    return policy;
  }

  private static void refuseAwsManaged(OperationCall call, String arn) {
    if (arn.startsWith(Arns.iamPrefix(call.account().partition(), "aws"))) {
      String refusal = OUTSIDE_THE_ACCOUNT.get(call.operation());
      if (refusal != null) {
        throw AwsServiceException.accessDenied(refusal);
      }
      String action = "iam:" + call.operation();
      throw AwsServiceException.accessDenied(
          "User: "
              + call.caller().arn()
              + " is not authorized to perform: "
              + action
              + " on resource: policy "
              + arn
              + " because no resource-based policy allows the "
              + action
              + " action");
    }
  }

  /** For attachments and boundaries; {@link PolicyStore#retain} it once the use is certain. */
  static ManagedPolicy requireAttachable(AccountState account, String arn) {
    ManagedPolicy policy = PolicyStore.of(account).find(arn);
    if (policy == null) {
      throw AwsServiceException.noSuchEntity(
          "Policy " + arn + " does not exist or is not attachable.");
    }
    return policy;
  }

  /** Service-linked role policies live under this path and attach to service-linked roles only. */
  static boolean isServiceRolePolicy(ManagedPolicy policy) {
    return policy.path().startsWith("/aws-service-role/");
  }
}
