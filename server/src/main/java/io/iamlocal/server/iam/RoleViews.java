package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.Role;

/**
 * The {@code Role} output structure as each operation shows it. The trust policy is always sent
 * URL-encoded, as AWS sends it.
 */
public final class RoleViews {
  private RoleViews() {}

  /** Inside an instance profile: the role's identity and trust policy only. */
  public static Struct core(Role role) {
    return new Struct()
        .with("Path", role.path())
        .with("RoleName", role.roleName())
        .with("RoleId", role.roleId())
        .with("Arn", role.arn())
        .with("CreateDate", role.createDate())
        .with(
            "AssumeRolePolicyDocument", PolicyUrlEncoding.encode(role.assumeRolePolicyDocument()));
  }

  /**
   * CreateRole: what was given, except the description, which AWS does not echo (recorded);
   * MaxSessionDuration left to GetRole.
   */
  public static Struct created(Role role) {
    return core(role)
        .with("PermissionsBoundary", PermissionsBoundaries.roleView(role.permissionsBoundaryArn()))
        .with("Tags", TagParams.viewsOrNull(role.tags()));
  }

  /**
   * CreateServiceLinkedRole and UpdateRoleDescription: as CreateRole, with the description
   * (recorded from AWS).
   */
  public static Struct described(Role role) {
    return created(role).with("Description", role.description());
  }

  /** ListRoles omits PermissionsBoundary, RoleLastUsed and Tags (documented on API_ListRoles). */
  public static Struct listed(Role role) {
    return core(role)
        .with("Description", role.description())
        .with("MaxSessionDuration", role.maxSessionDuration());
  }

  /** GetRole: everything, RoleLastUsed empty when never used. */
  public static Struct full(Role role) {
    return listed(role)
        .with("PermissionsBoundary", PermissionsBoundaries.roleView(role.permissionsBoundaryArn()))
        .with("Tags", TagParams.viewsOrNull(role.tags()))
        .with("RoleLastUsed", lastUsed(role));
  }

  /** RoleLastUsed: empty when never used, the region only with a date. */
  static Struct lastUsed(Role role) {
    return new Struct()
        .with("LastUsedDate", role.lastUsedDate())
        .with("Region", role.lastUsedDate() == null ? null : role.lastUsedRegion());
  }
}
