package io.iamlocal.server.iam;

import io.iamlocal.policy.validation.PolicySize;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.PolicyAttachments;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.User;

/**
 * A user, group or role seen as what holds identity policies, so that the inline and attachment
 * operations are written once for the three entity types. {@code type} is AWS's lower-case word
 * ("user", "group", "role") used in its messages.
 */
record PolicyHolder(String type, String name, PolicyAttachments policies, Object entity) {
  /** Managed policies per user, group and role (IAM quotas page; 10 by default). */
  static final int MANAGED_POLICIES_PER_ENTITY = 10;

  /** The holder the call names by its member UserName (GroupName, RoleName below). */
  static PolicyHolder user(OperationCall call) {
    return user(call.account(), call.params().string("UserName"));
  }

  static PolicyHolder group(OperationCall call) {
    return group(call.account(), call.params().string("GroupName"));
  }

  static PolicyHolder role(OperationCall call) {
    return role(call.account(), call.params().string("RoleName"));
  }

  /** A role whose policies the caller may change (not a service-linked role's). */
  static PolicyHolder modifiableRole(OperationCall call) {
    return modifiableRole(call.account(), call.params().string("RoleName"));
  }

  static PolicyHolder user(AccountState account, String userName) {
    User user = IamUsers.require(account, userName);
    return new PolicyHolder("user", user.userName(), user.policies(), user);
  }

  static PolicyHolder group(AccountState account, String groupName) {
    Group group = IamGroups.require(account, groupName);
    return new PolicyHolder("group", group.groupName(), group.policies(), group);
  }

  static PolicyHolder role(AccountState account, String roleName) {
    Role role = IamRoles.require(account, roleName);
    return new PolicyHolder("role", role.roleName(), role.policies(), role);
  }

  /** A role that customers may change: service-linked roles are refused with UnmodifiableEntity. */
  static PolicyHolder modifiableRole(AccountState account, String roleName) {
    PolicyHolder holder = role(account, roleName);
    IamRoles.checkModifiable((Role) holder.entity());
    return holder;
  }

  /** Aggregate size quota of the inline policies, in non-whitespace characters. */
  int inlineSizeQuota() {
    return switch (type) {
      case "user" -> PolicySize.USER_INLINE_AGGREGATE_MAX;
      case "group" -> PolicySize.GROUP_INLINE_AGGREGATE_MAX;
      default -> PolicySize.ROLE_INLINE_AGGREGATE_MAX;
    };
  }

  /** The quota name in {@code Cannot exceed quota for PoliciesPerUser: 10}. */
  String attachedQuotaName() {
    return switch (type) {
      case "user" -> "PoliciesPerUser";
      case "group" -> "PoliciesPerGroup";
      default -> "PoliciesPerRole";
    };
  }
}
