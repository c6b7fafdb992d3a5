package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.tagAction;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IdPrefix;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.Tags;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Roles: Create/Get/Update/Delete/ListRoles, trust policy and description updates, role tags. */
public final class RoleOperations implements Operations {
  /** Roles per account (IAM quotas page, default). */
  static final int ROLES_PER_ACCOUNT = 1000;

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreateRole",
        this::createRole,
        resource(
            ResourceForm.NEW_ROLE,
            "RoleName",
            "the role does not exist yet: its ARN is built from Path and RoleName"),
        tagAction("iam:TagRole"));
    registry.register("iam", "GetRole", this::getRole);
    registry.register("iam", "UpdateRole", this::updateRole);
    registry.register("iam", "UpdateRoleDescription", this::updateRoleDescription);
    registry.register("iam", "UpdateAssumeRolePolicy", this::updateAssumeRolePolicy);
    registry.register("iam", "DeleteRole", this::deleteRole);
    registry.register(
        "iam",
        "ListRoles",
        this::listRoles,
        resource(
            ResourceForm.LIST,
            "role",
            "AWS's AccessDenied for list calls names the path-prefix ARN (arn:aws:iam::ACCOUNT:role/), so policies scoped to it match; the reference lists no resource type"));
    Function<OperationCall, Tags> tags =
        call -> IamRoles.require(call.account(), call.params().string("RoleName")).tags();
    registry.register("iam", "TagRole", TagHandlers.tag(tags, "TagsPerRole"));
    registry.register("iam", "UntagRole", TagHandlers.untag(tags));
    registry.register("iam", "ListRoleTags", TagHandlers.list(tags));
  }

  private Map<String, ?> createRole(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    String name = p.string("RoleName");
    if (account.roles().contains(name)) {
      throw AwsServiceException.alreadyExists("Role with name " + name + " already exists.");
    }
    checkRoleQuota(account);
    String trustPolicy = p.string("AssumeRolePolicyDocument");
    PolicyDocuments.checkTrustPolicy(account, trustPolicy);
    List<Tags.Tag> tags = TagParams.read(p);
    Tags.checkRequest(tags);
    String boundary = p.string("PermissionsBoundary");
    if (boundary != null) {
      PermissionsBoundaries.check(account, boundary);
    }
    Role role =
        new Role(
            account.partition(),
            account.accountId(),
            name,
            p.string("Path", "/"),
            account.ids().uniqueId(IdPrefix.AROA),
            call.now(),
            trustPolicy);
    role.setDescription(emptyToNull(p.string("Description")));
    role.setMaxSessionDuration(p.integer("MaxSessionDuration", 3600));
    role.tags().apply(tags, "TagsPerRole");
    role.setPermissionsBoundaryArn(boundary);
    account.roles().put(role);
    PermissionsBoundaries.attached(account, boundary);
    return Struct.of("Role", RoleViews.created(role));
  }

  private Map<String, ?> getRole(OperationCall call) {
    return Struct.of(
        "Role", RoleViews.full(IamRoles.require(call.account(), call.params().string("RoleName"))));
  }

  /**
   * Description and MaxSessionDuration; a member left out keeps its value. AWS lets customers edit
   * the description of a service-linked role, nothing else.
   */
  private Map<String, ?> updateRole(OperationCall call) {
    Params p = call.params();
    Role role = IamRoles.require(call.account(), p.string("RoleName"));
    if (p.has("MaxSessionDuration")) {
      IamRoles.checkModifiable(role);
      role.setMaxSessionDuration(p.integer("MaxSessionDuration"));
    }
    if (p.has("Description")) {
      role.setDescription(emptyToNull(p.string("Description")));
    }
    return null;
  }

  private Map<String, ?> updateRoleDescription(OperationCall call) {
    Role role = IamRoles.require(call.account(), call.params().string("RoleName"));
    role.setDescription(emptyToNull(call.params().string("Description")));
    return Struct.of("Role", RoleViews.described(role));
  }

  private Map<String, ?> updateAssumeRolePolicy(OperationCall call) {
    AccountState account = call.account();
    Role role = IamRoles.requireModifiable(account, call.params().string("RoleName"));
    String document = call.params().string("PolicyDocument");
    PolicyDocuments.checkTrustPolicy(account, document);
    role.setAssumeRolePolicyDocument(document);
    return null;
  }

  /** Refused while the role is in an instance profile or has policies, as AWS refuses it. */
  private Map<String, ?> deleteRole(OperationCall call) {
    AccountState account = call.account();
    Role role = IamRoles.requireModifiable(account, call.params().string("RoleName"));
    if (!role.instanceProfiles().isEmpty()) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must remove roles from instance profile first.");
    }
    if (!role.policies().attached().isEmpty()) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must detach all policies first.");
    }
    if (!role.policies().inline().isEmpty()) {
      throw AwsServiceException.deleteConflict("Cannot delete entity, must delete policies first.");
    }
    remove(account, role);
    return null;
  }

  private Map<String, ?> listRoles(OperationCall call) {
    String prefix = call.params().string("PathPrefix", "/");
    return Pagination.page(
        call, call.account().roles(), r -> r.path().startsWith(prefix), "Roles", RoleViews::listed);
  }

  static void checkRoleQuota(AccountState account) {
    if (account.roles().size() >= ROLES_PER_ACCOUNT) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for RolesPerAccount: " + ROLES_PER_ACCOUNT);
    }
  }

  /**
   * Drops a role and every reference to it. DeleteRole calls it only once nothing refers to the
   * role; DeleteServiceLinkedRole also for service roles that still carry their service's policies.
   */
  static void remove(AccountState account, Role role) {
    role.leaveInstanceProfiles();
    PolicyStore store = PolicyStore.of(account);
    role.policies()
        .attached()
        .values()
        .forEach(
            policy -> {
              policy.detach(role);
              store.releaseIfUnused(policy);
            });
    role.policies().attached().clear();
    role.policies().clearInline();
    account.roles().remove(role.roleName());
    PermissionsBoundaries.detached(account, role.permissionsBoundaryArn());
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
