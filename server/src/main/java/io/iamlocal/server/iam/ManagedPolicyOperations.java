package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.tagAction;

import io.iamlocal.policy.validation.PolicySize;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.AwsManagedPolicyCatalog;
import io.iamlocal.server.state.IdPrefix;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Customer managed policies (CreatePolicy, GetPolicy, DeletePolicy, tags) and ListPolicies over
 * them and the AWS managed catalog.
 */
public final class ManagedPolicyOperations implements Operations {
  /** Customer managed policies per account (IAM quotas page). */
  static final int POLICIES_PER_ACCOUNT = 1500;

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreatePolicy",
        this::createPolicy,
        resource(
            ResourceForm.NEW_POLICY,
            "PolicyName",
            "the policy does not exist yet: its ARN is built from Path and PolicyName"),
        tagAction("iam:TagPolicy"));
    registry.register("iam", "GetPolicy", this::getPolicy);
    registry.register("iam", "DeletePolicy", this::deletePolicy);
    registry.register(
        "iam",
        "ListPolicies",
        this::listPolicies,
        resource(
            ResourceForm.POLICY_PATH,
            "AWS's AccessDenied names the resource as the text 'policy path /'"));
    Function<OperationCall, Tags> customerPolicyTags =
        call -> ManagedPolicies.requireCustomer(call, call.params().string("PolicyArn")).tags();
    registry.register("iam", "TagPolicy", TagHandlers.tag(customerPolicyTags, "TagsPerPolicy"));
    registry.register("iam", "UntagPolicy", TagHandlers.untag(customerPolicyTags));
    registry.register(
        "iam",
        "ListPolicyTags",
        TagHandlers.list(
            call ->
                ManagedPolicies.require(call.account(), call.params().string("PolicyArn")).tags(),
            Tags.POLICY_LISTING_ORDER));
  }

  private Map<String, ?> createPolicy(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    PolicyStore store = PolicyStore.of(account);
    String name = p.string("PolicyName");
    String document = p.string("PolicyDocument");
    if (store.customer().contains(name)) {
      throw AwsServiceException.alreadyExists(
          "A policy called " + name + " already exists. Duplicate names are not allowed.");
    }
    if (store.customer().size() >= POLICIES_PER_ACCOUNT) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for PoliciesPerAccount: " + POLICIES_PER_ACCOUNT);
    }
    checkDocument(account, document);
    List<Tags.Tag> tags = TagParams.read(p);
    Tags.checkRequest(tags, true);
    String path = p.string("Path", "/");
    Instant now = call.now();
    ManagedPolicy policy =
        new ManagedPolicy(
            Arns.iam(account.partition(), account.accountId(), "policy", path, name),
            name,
            path,
            account.ids().uniqueId(IdPrefix.ANPA),
            p.string("Description"),
            now,
            false);
    policy.tags().apply(tags, "TagsPerPolicy");
    String versionId = policy.nextVersionId();
    policy.versions().put(versionId, new ManagedPolicy.PolicyVersion(versionId, document, now));
    policy.setDefaultVersionId(versionId);
    store.customer().put(policy);
    return Struct.of("Policy", PolicyViews.created(policy));
  }

  /** A managed policy document, on CreatePolicy and CreatePolicyVersion: grammar, then size. */
  static void checkDocument(AccountState account, String document) {
    PolicyDocuments.managed(account, document);
    if (PolicyDocuments.size(document) > PolicySize.MANAGED_POLICY_MAX) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for PolicySize: " + PolicySize.MANAGED_POLICY_MAX);
    }
  }

  private Map<String, ?> getPolicy(OperationCall call) {
    return Struct.of(
        "Policy",
        PolicyViews.full(
            ManagedPolicies.require(call.account(), call.params().string("PolicyArn"))));
  }

  private Map<String, ?> deletePolicy(OperationCall call) {
    ManagedPolicy policy = ManagedPolicies.requireCustomer(call, call.params().string("PolicyArn"));
    if (policy.attachmentCount() > 0 || policy.permissionsBoundaryUsageCount() > 0) {
      throw AwsServiceException.deleteConflict("Cannot delete a policy attached to entities.");
    }
    if (policy.versions().size() > 1) {
      throw AwsServiceException.deleteConflict(
          "This policy has more than one version. Before you delete a policy, "
              + "you must delete the policy's versions. The default version is deleted with the policy.");
    }
    PolicyStore.of(call.account()).customer().remove(policy.policyName());
    return null;
  }

  /**
   * Customer managed policies first, then AWS managed ones, each in name order. OnlyAttached keeps
   * policies attached to a user, group or role; PolicyUsageFilter=PermissionsBoundary keeps
   * policies in use as a permissions boundary.
   */
  private Map<String, ?> listPolicies(OperationCall call) {
    Params p = call.params();
    PolicyStore store = PolicyStore.of(call.account());
    String scope = p.string("Scope", "All");
    String prefix = p.string("PathPrefix", "/");
    boolean onlyAttached = p.bool("OnlyAttached", false);
    boolean boundaries = "PermissionsBoundary".equals(p.string("PolicyUsageFilter"));
    Predicate<ManagedPolicy> inUse =
        boundaries
            ? policy -> policy.permissionsBoundaryUsageCount() > 0
            : onlyAttached ? policy -> policy.attachmentCount() > 0 : policy -> true;
    List<Struct> listed = new ArrayList<>();
    SectionPager pager = new SectionPager();
    if (!"AWS".equals(scope)) {
      pager.section(
          "L",
          store.customer().after(null),
          policy -> policy.path().startsWith(prefix) && inUse.test(policy),
          policy -> listed.add(PolicyViews.listed(policy)));
    }
    if (!"Local".equals(scope)) {
      if (onlyAttached || boundaries) {
        // Only policies the account uses can qualify: walk those, not the whole catalog.
        pager.section(
            "A",
            store.awsInUse(),
            policy -> policy.path().startsWith(prefix) && inUse.test(policy),
            policy -> listed.add(PolicyViews.listed(policy)));
      } else {
        pager.section(
            "A",
            AwsManagedPolicyCatalog.get().after(null),
            entry -> entry.path().startsWith(prefix),
            entry ->
                listed.add(PolicyViews.listed(entry, store.partition(), store.awsInUse(entry))));
      }
    }
    Struct page = pager.page(call);
    return page.with("Policies", listed);
  }
}
