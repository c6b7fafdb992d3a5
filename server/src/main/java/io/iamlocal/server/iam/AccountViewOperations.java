package io.iamlocal.server.iam;

import io.iamlocal.policy.validation.PolicySize;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountSettings;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.MfaDevices;
import io.iamlocal.server.state.OpenIdConnectProviders;
import io.iamlocal.server.state.PolicyAttachments;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.SamlProviders;
import io.iamlocal.server.state.ServerCertificates;
import io.iamlocal.server.state.SigningCertificates;
import io.iamlocal.server.state.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whole-account views: GetAccountAuthorizationDetails and GetAccountSummary. */
public final class AccountViewOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam", "GetAccountAuthorizationDetails", this::getAccountAuthorizationDetails);
    registry.register("iam", "GetAccountSummary", this::getAccountSummary);
  }

  /**
   * Users, groups, roles, customer managed policies, then the AWS managed policies the account uses
   * (attached or as a boundary), one page across all of them. Filter picks the kinds; all four
   * lists are always present, empty ones as {@code <X/>}.
   */
  private Map<String, ?> getAccountAuthorizationDetails(OperationCall call) {
    AccountState account = call.account();
    PolicyStore store = PolicyStore.of(account);
    List<String> filter = call.params().strings("Filter");
    List<Struct> users = new ArrayList<>();
    List<Struct> groups = new ArrayList<>();
    List<Struct> roles = new ArrayList<>();
    List<Struct> policies = new ArrayList<>();
    SectionPager pager = new SectionPager();
    if (wanted(filter, "User")) {
      pager.section("U", account.users().after(null), u -> true, u -> users.add(userDetail(u)));
    }
    if (wanted(filter, "Group")) {
      pager.section("G", account.groups().after(null), g -> true, g -> groups.add(groupDetail(g)));
    }
    if (wanted(filter, "Role")) {
      pager.section("R", account.roles().after(null), r -> true, r -> roles.add(roleDetail(r)));
    }
    if (wanted(filter, "LocalManagedPolicy")) {
      pager.section(
          "L", store.customer().after(null), p -> true, p -> policies.add(PolicyViews.detail(p)));
    }
    if (wanted(filter, "AWSManagedPolicy")) {
      pager.section(
          "A",
          store.awsInUse(),
          p -> p.attachmentCount() > 0 || p.permissionsBoundaryUsageCount() > 0,
          p -> policies.add(PolicyViews.detail(p)));
    }
    return pager
        .page(call)
        .with("UserDetailList", users)
        .with("GroupDetailList", groups)
        .with("RoleDetailList", roles)
        .with("Policies", policies);
  }

  private static boolean wanted(List<String> filter, String kind) {
    return filter.isEmpty() || filter.contains(kind);
  }

  /**
   * UserPolicyList is left out when empty, GroupList and AttachedManagedPolicies never (AWS
   * sample).
   */
  private static Struct userDetail(User user) {
    return UserViews.core(user)
        .with("UserPolicyList", user.policies().inline().isEmpty() ? null : inline(user.policies()))
        .with("GroupList", user.groups().stream().map(Group::groupName).toList())
        .with("AttachedManagedPolicies", attached(user.policies()))
        .with("PermissionsBoundary", PermissionsBoundaries.view(user.permissionsBoundaryArn()))
        .with("Tags", TagParams.views(user.tags()));
  }

  private static Struct groupDetail(Group group) {
    return GroupViews.view(group)
        .with("GroupPolicyList", inline(group.policies()))
        .with("AttachedManagedPolicies", attached(group.policies()));
  }

  private static Struct roleDetail(Role role) {
    return RoleViews.core(role)
        .with(
            "InstanceProfileList",
            role.instanceProfiles().stream().map(InstanceProfileViews::listed).toList())
        .with("RolePolicyList", inline(role.policies()))
        .with("AttachedManagedPolicies", attached(role.policies()))
        .with("PermissionsBoundary", PermissionsBoundaries.roleView(role.permissionsBoundaryArn()))
        .with("Tags", TagParams.views(role.tags()))
        .with("RoleLastUsed", RoleViews.lastUsed(role));
  }

  private static List<Struct> inline(PolicyAttachments policies) {
    return policies.inline().entrySet().stream()
        .map(
            e ->
                new Struct()
                    .with("PolicyName", e.getKey())
                    .with("PolicyDocument", PolicyUrlEncoding.encode(e.getValue())))
        .toList();
  }

  private static List<Struct> attached(PolicyAttachments policies) {
    return policies.attached().values().stream().map(PolicyViews::attached).toList();
  }

  /**
   * Counts from the account's state and the quotas IAMLocal enforces (key list:
   * API_GetAccountSummary and the model's summaryKeyType). The root user has neither MFA device nor
   * password here.
   */
  private Map<String, ?> getAccountSummary(OperationCall call) {
    AccountState account = call.account();
    PolicyStore store = PolicyStore.of(account);
    int attachments = 0;
    for (ManagedPolicy policy : store.customer().values()) {
      attachments += policy.attachmentCount();
    }
    for (ManagedPolicy policy : store.awsInUse().values()) {
      attachments += policy.attachmentCount();
    }
    boolean rootKeys = account.accessKeys().values().stream().anyMatch(key -> key.owner() == null);
    Map<String, Integer> summary = new LinkedHashMap<>();
    summary.put("Users", account.users().size());
    summary.put("UsersQuota", UserOperations.USERS_PER_ACCOUNT);
    summary.put("Groups", account.groups().size());
    summary.put("GroupsQuota", GroupOperations.GROUPS_PER_ACCOUNT);
    summary.put("Roles", account.roles().size());
    summary.put("RolesQuota", RoleOperations.ROLES_PER_ACCOUNT);
    summary.put("InstanceProfiles", account.instanceProfiles().size());
    summary.put("InstanceProfilesQuota", InstanceProfileOperations.INSTANCE_PROFILES_PER_ACCOUNT);
    summary.put("Policies", store.customer().size());
    summary.put("PoliciesQuota", ManagedPolicyOperations.POLICIES_PER_ACCOUNT);
    summary.put("PolicySizeQuota", PolicySize.MANAGED_POLICY_MAX);
    summary.put("PolicyVersionsInUse", attachments);
    summary.put("PolicyVersionsInUseQuota", 10000);
    summary.put("VersionsPerPolicyQuota", PolicyVersionOperations.VERSIONS_PER_POLICY);
    summary.put("UserPolicySizeQuota", PolicySize.USER_INLINE_AGGREGATE_MAX);
    summary.put("GroupPolicySizeQuota", PolicySize.GROUP_INLINE_AGGREGATE_MAX);
    summary.put("RolePolicySizeQuota", PolicySize.ROLE_INLINE_AGGREGATE_MAX);
    summary.put("AssumeRolePolicySizeQuota", PolicySize.TRUST_POLICY_DEFAULT_MAX);
    summary.put("AttachedPoliciesPerUserQuota", PolicyHolder.MANAGED_POLICIES_PER_ENTITY);
    summary.put("AttachedPoliciesPerGroupQuota", PolicyHolder.MANAGED_POLICIES_PER_ENTITY);
    summary.put("AttachedPoliciesPerRoleQuota", PolicyHolder.MANAGED_POLICIES_PER_ENTITY);
    summary.put("GroupsPerUserQuota", Group.GROUPS_PER_USER);
    summary.put("AccessKeysPerUserQuota", AccessKeyOperations.KEYS_PER_USER);
    summary.put("SigningCertificatesPerUserQuota", SigningCertificates.CERTIFICATES_PER_USER);
    summary.put("ServerCertificates", ServerCertificates.of(account).store().size());
    summary.put("ServerCertificatesQuota", ServerCertificates.CERTIFICATES_PER_ACCOUNT);
    summary.put(
        "Providers",
        OpenIdConnectProviders.of(account).values().size()
            + SamlProviders.of(account).values().size());
    summary.put("MFADevices", MfaDevices.of(account).size());
    summary.put("MFADevicesInUse", MfaDevices.of(account).assignedCount());
    summary.put("AccountMFAEnabled", 0); // the root user has no MFA device in IAMLocal
    summary.put("AccountAccessKeysPresent", rootKeys ? 1 : 0);
    summary.put("AccountPasswordPresent", 0); // nor a console password
    summary.put(
        "AccountSigningCertificatesPresent", SigningCertificates.of(account).hasAny(null) ? 1 : 0);
    summary.put(
        "GlobalEndpointTokenVersion",
        AccountSettings.of(account).globalEndpointTokenVersionNumber());
    return Struct.of("SummaryMap", summary);
  }
}
