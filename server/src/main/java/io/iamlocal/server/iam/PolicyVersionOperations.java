package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.ManagedPolicy;
import java.time.Instant;
import java.util.Map;

/**
 * Versions of customer managed policies: at most five, IDs v1, v2… never reused, the default one in
 * force. AWS managed policies can be read (their default version) but not changed.
 */
public final class PolicyVersionOperations implements Operations {
  /** Stored versions per managed policy (IAM quotas page). */
  static final int VERSIONS_PER_POLICY = 5;

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "CreatePolicyVersion", this::createPolicyVersion);
    registry.register("iam", "GetPolicyVersion", this::getPolicyVersion);
    registry.register("iam", "ListPolicyVersions", this::listPolicyVersions);
    registry.register("iam", "DeletePolicyVersion", this::deletePolicyVersion);
    registry.register("iam", "SetDefaultPolicyVersion", this::setDefaultPolicyVersion);
  }

  private Map<String, ?> createPolicyVersion(OperationCall call) {
    Params p = call.params();
    ManagedPolicy policy = ManagedPolicies.requireCustomer(call, p.string("PolicyArn"));
    if (policy.versions().size() >= VERSIONS_PER_POLICY) {
      throw AwsServiceException.limitExceeded(
          "A managed policy can have up to "
              + VERSIONS_PER_POLICY
              + " versions. Before you create a new version, you must delete an existing version.");
    }
    String document = p.string("PolicyDocument");
    ManagedPolicyOperations.checkDocument(call.account(), document);
    Instant now = call.now();
    String versionId = policy.nextVersionId();
    ManagedPolicy.PolicyVersion version = new ManagedPolicy.PolicyVersion(versionId, document, now);
    policy.versions().put(versionId, version);
    // API_Policy: UpdateDate is when the most recent version was created, default or not.
    policy.setUpdateDate(now);
    if (p.bool("SetAsDefault", false)) {
      policy.setDefaultVersionId(versionId);
    }
    return Struct.of("PolicyVersion", PolicyViews.version(policy, version, false));
  }

  private Map<String, ?> getPolicyVersion(OperationCall call) {
    ManagedPolicy policy = versioned(call, false);
    return Struct.of(
        "PolicyVersion", PolicyViews.version(policy, requireVersion(call, policy), true));
  }

  private Map<String, ?> listPolicyVersions(OperationCall call) {
    ManagedPolicy policy =
        ManagedPolicies.require(call.account(), call.params().string("PolicyArn"));
    return Pagination.page(
        call,
        PolicyViews.newestFirst(policy),
        "Versions",
        v -> PolicyViews.version(policy, v, false));
  }

  private Map<String, ?> deletePolicyVersion(OperationCall call) {
    ManagedPolicy policy = versioned(call, true);
    ManagedPolicy.PolicyVersion version = requireVersion(call, policy);
    if (version.versionId().equals(policy.defaultVersionId())) {
      throw AwsServiceException.deleteConflict("Cannot delete the default version of a policy.");
    }
    policy.versions().remove(version.versionId());
    policy.setUpdateDate(
        policy.versions().values().stream()
            .map(ManagedPolicy.PolicyVersion::createDate)
            .max(Instant::compareTo)
            .orElse(policy.createDate()));
    return null;
  }

  private Map<String, ?> setDefaultPolicyVersion(OperationCall call) {
    ManagedPolicy policy = versioned(call, true);
    policy.setDefaultVersionId(requireVersion(call, policy).versionId());
    return null;
  }

  private static ManagedPolicy versioned(OperationCall call, boolean write) {
    return ManagedPolicies.requireForVersion(
        call, call.params().string("PolicyArn"), call.params().string("VersionId"), write);
  }

  private static ManagedPolicy.PolicyVersion requireVersion(
      OperationCall call, ManagedPolicy policy) {
    String versionId = call.params().string("VersionId");
    ManagedPolicy.PolicyVersion version = policy.versions().get(versionId);
    if (version == null) {
      throw AwsServiceException.noSuchEntity(
          "Policy "
              + policy.arn()
              + " version "
              + versionId
              + " does not exist or is not attachable.");
    }
    return version;
  }
}
