package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.arnCheckedFirst;
import static io.iamlocal.server.dispatch.OperationSpec.conditionKeys;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Managed policy attachments: Attach/Detach/ListAttached{User,Group,Role}Policies and
 * ListEntitiesForPolicy. Both sides are updated together, so AttachmentCount and the entity lists
 * stay exact.
 */
public final class PolicyAttachmentOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "AttachUserPolicy",
        call -> attach(call, PolicyHolder.user(call)),
        conditionKeys("iam:PolicyARN", "iam:PermissionsBoundary"),
        arnCheckedFirst("PolicyArn"));
    registry.register(
        "iam",
        "DetachUserPolicy",
        call -> detach(call, PolicyHolder.user(call)),
        conditionKeys("iam:PolicyARN", "iam:PermissionsBoundary"),
        arnCheckedFirst("PolicyArn"));
    registry.register(
        "iam", "ListAttachedUserPolicies", call -> listAttached(call, PolicyHolder.user(call)));
    registry.register(
        "iam",
        "AttachGroupPolicy",
        call -> attach(call, PolicyHolder.group(call)),
        conditionKeys("iam:PolicyARN"),
        arnCheckedFirst("PolicyArn"));
    registry.register(
        "iam",
        "DetachGroupPolicy",
        call -> detach(call, PolicyHolder.group(call)),
        conditionKeys("iam:PolicyARN"),
        arnCheckedFirst("PolicyArn"));
    registry.register(
        "iam", "ListAttachedGroupPolicies", call -> listAttached(call, PolicyHolder.group(call)));
    registry.register(
        "iam",
        "AttachRolePolicy",
        call -> attach(call, PolicyHolder.modifiableRole(call)),
        conditionKeys("iam:PolicyARN", "iam:PermissionsBoundary"),
        arnCheckedFirst("PolicyArn"));
    registry.register(
        "iam",
        "DetachRolePolicy",
        call -> detach(call, PolicyHolder.modifiableRole(call)),
        conditionKeys("iam:PolicyARN", "iam:PermissionsBoundary"),
        arnCheckedFirst("PolicyArn"));
    registry.register(
        "iam", "ListAttachedRolePolicies", call -> listAttached(call, PolicyHolder.role(call)));
    registry.register("iam", "ListEntitiesForPolicy", this::listEntitiesForPolicy);
  }

  private Map<String, ?> attach(OperationCall call, PolicyHolder holder) {
    String arn = call.params().string("PolicyArn");
    ManagedPolicy policy = ManagedPolicies.requireAttachable(call.account(), arn);
    if (holder.entity() instanceof Role && ManagedPolicies.isServiceRolePolicy(policy)) {
      throw new AwsServiceException(
          AwsErrorCode.POLICY_NOT_ATTACHABLE,
          "Cannot attach a Service Role Policy to a Customer Role.");
    }
    if (holder.policies().attached().containsKey(arn)) {
      return null; // attaching again changes nothing, as in AWS
    }
    if (holder.policies().attached().size() >= PolicyHolder.MANAGED_POLICIES_PER_ENTITY) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for "
              + holder.attachedQuotaName()
              + ": "
              + PolicyHolder.MANAGED_POLICIES_PER_ENTITY);
    }
    attach(call.account(), holder, policy);
    return null;
  }

  /** Records an attachment on both sides; for callers that already checked it is allowed. */
  static void attach(AccountState account, PolicyHolder holder, ManagedPolicy policy) {
    ManagedPolicy kept = PolicyStore.of(account).retain(policy);
    holder.policies().attached().put(kept.arn(), kept);
    kept.attach(holder.entity());
  }

  private Map<String, ?> detach(OperationCall call, PolicyHolder holder) {
    String arn = call.params().string("PolicyArn");
    ManagedPolicy policy = holder.policies().attached().remove(arn);
    if (policy == null) {
      throw AwsServiceException.noSuchEntity("Policy " + arn + " was not found.");
    }
    policy.detach(holder.entity());
    PolicyStore.of(call.account()).releaseIfUnused(policy);
    return null;
  }

  private Map<String, ?> listAttached(OperationCall call, PolicyHolder holder) {
    String prefix = call.params().string("PathPrefix", "/");
    List<ManagedPolicy> attached =
        holder.policies().attached().values().stream()
            .filter(p -> p.path().startsWith(prefix))
            .toList();
    return Pagination.page(call, attached, "AttachedPolicies", PolicyViews::attached);
  }

  /**
   * Users, groups and roles that use the policy, each in name order. Without PolicyUsageFilter both
   * uses count: entities it is attached to and users/roles it bounds (AWS lists a role that only
   * uses the policy as its boundary too).
   */
  private Map<String, ?> listEntitiesForPolicy(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    ManagedPolicy policy = ManagedPolicies.requireAttachable(account, p.string("PolicyArn"));
    String filter = p.string("EntityFilter");
    String usage = p.string("PolicyUsageFilter");
    String prefix = p.string("PathPrefix", "/");
    boolean attached = !"PermissionsBoundary".equals(usage);
    boolean bounding = !"PermissionsPolicy".equals(usage);

    Set<User> users = new LinkedHashSet<>();
    Set<Group> groups = new LinkedHashSet<>();
    Set<Role> roles = new LinkedHashSet<>();
    if (attached) {
      users.addAll(policy.attachedUsers());
      groups.addAll(policy.attachedGroups());
      roles.addAll(policy.attachedRoles());
    }
    if (bounding && policy.permissionsBoundaryUsageCount() > 0) {
      account.users().values().stream()
          .filter(u -> policy.arn().equals(u.permissionsBoundaryArn()))
          .forEach(users::add);
      account.roles().values().stream()
          .filter(r -> policy.arn().equals(r.permissionsBoundaryArn()))
          .forEach(roles::add);
    }

    List<Struct> policyUsers = new ArrayList<>();
    List<Struct> policyGroups = new ArrayList<>();
    List<Struct> policyRoles = new ArrayList<>();
    SectionPager pager = new SectionPager();
    if (filter == null || "User".equals(filter)) {
      pager.section(
          "U",
          NameOrder.of(users, User::userName).after(null),
          u -> u.path().startsWith(prefix),
          u ->
              policyUsers.add(
                  new Struct().with("UserName", u.userName()).with("UserId", u.userId())));
    }
    if (filter == null || "Group".equals(filter)) {
      pager.section(
          "G",
          NameOrder.of(groups, Group::groupName).after(null),
          g -> g.path().startsWith(prefix),
          g ->
              policyGroups.add(
                  new Struct().with("GroupName", g.groupName()).with("GroupId", g.groupId())));
    }
    if (filter == null || "Role".equals(filter)) {
      pager.section(
          "R",
          NameOrder.of(roles, Role::roleName).after(null),
          r -> r.path().startsWith(prefix),
          r ->
              policyRoles.add(
                  new Struct().with("RoleName", r.roleName()).with("RoleId", r.roleId())));
    }
    return pager
        .page(call)
        .with("PolicyGroups", policyGroups)
        .with("PolicyUsers", policyUsers)
        .with("PolicyRoles", policyRoles);
  }
}
