package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AwsManagedPolicyCatalog;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * The managed policy output structures: {@code Policy}, {@code PolicyVersion}, {@code
 * ManagedPolicyDetail} and {@code AttachedPolicy}. Documents always go out URL-encoded.
 */
final class PolicyViews {
  private PolicyViews() {}

  /** ListPolicies: no Description and no Tags (documented on API_ListPolicies and API_Policy). */
  static Struct listed(ManagedPolicy policy) {
    return new Struct()
        .with("PolicyName", policy.policyName())
        .with("PolicyId", policy.policyId())
        .with("Arn", policy.arn())
        .with("Path", policy.path())
        .with("DefaultVersionId", policy.defaultVersionId())
        .with("AttachmentCount", policy.attachmentCount())
        .with("PermissionsBoundaryUsageCount", policy.permissionsBoundaryUsageCount())
        .with("IsAttachable", true)
        .with("CreateDate", policy.createDate())
        .with("UpdateDate", policy.updateDate());
  }

  /** An AWS managed policy straight from the catalog, with this account's use counts. */
  static Struct listed(
      AwsManagedPolicyCatalog.Entry entry, Partition partition, ManagedPolicy inUse) {
    if (inUse != null) {
      return listed(inUse);
    }
    return new Struct()
        .with("PolicyName", entry.policyName())
        .with("PolicyId", entry.policyId())
        .with("Arn", entry.arn(partition))
        .with("Path", entry.path())
        .with("DefaultVersionId", entry.defaultVersionId())
        .with("AttachmentCount", 0)
        .with("PermissionsBoundaryUsageCount", 0)
        .with("IsAttachable", true)
        .with("CreateDate", entry.createDate())
        .with("UpdateDate", entry.updateDate());
  }

  /**
   * CreatePolicy adds the tags when there are any, but does not echo the description (recorded from
   * AWS).
   */
  static Struct created(ManagedPolicy policy) {
    return listed(policy).with("Tags", TagParams.viewsOrNull(policy.tags()));
  }

  /**
   * GetPolicy adds the description and the tags, {@code <Tags/>} when there are none (recorded from
   * AWS).
   */
  static Struct full(ManagedPolicy policy) {
    return listed(policy)
        .with("Description", policy.description())
        .with(
            "Tags",
            policy.tags().list().stream()
                .sorted(Tags.POLICY_LISTING_ORDER)
                .map(TagParams::view)
                .toList());
  }

  /** CreatePolicyVersion and ListPolicyVersions omit the document; GetPolicyVersion includes it. */
  static Struct version(
      ManagedPolicy policy, ManagedPolicy.PolicyVersion version, boolean withDocument) {
    return new Struct()
        .with("Document", withDocument ? PolicyUrlEncoding.encode(version.document()) : null)
        .with("VersionId", version.versionId())
        .with("IsDefaultVersion", version.versionId().equals(policy.defaultVersionId()))
        .with("CreateDate", version.createDate());
  }

  /** Versions newest first, as ListPolicyVersions shows them. */
  static List<ManagedPolicy.PolicyVersion> newestFirst(ManagedPolicy policy) {
    List<ManagedPolicy.PolicyVersion> versions = new ArrayList<>(policy.versions().values());
    java.util.Collections.reverse(versions);
    return versions;
  }

  /** GetAccountAuthorizationDetails: every member and every version with its document. */
  static Struct detail(ManagedPolicy policy) {
    return listed(policy)
        .with("Description", policy.description())
        .with(
            "PolicyVersionList",
            newestFirst(policy).stream().map(v -> version(policy, v, true)).toList());
  }

  static Struct attached(ManagedPolicy policy) {
    return new Struct().with("PolicyName", policy.policyName()).with("PolicyArn", policy.arn());
  }
}
