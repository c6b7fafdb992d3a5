package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.User;

/** The {@code User} output structure as each operation shows it. */
public final class UserViews {
  private UserViews() {}

  /** The members of the fullest view, so that no view grows its structure. */
  private static final int FULL_MEMBERS = 8;

  /**
   * The user's identity, which every view starts with (GetAccountAuthorizationDetails: nothing else
   * of it).
   */
  static Struct core(User user) {
    return new Struct(FULL_MEMBERS)
        .with("Path", user.path())
        .with("UserName", user.userName())
        .with("UserId", user.userId())
        .with("Arn", user.arn())
        .with("CreateDate", user.createDate());
  }

  /** ListUsers omits PermissionsBoundary and Tags (documented on API_ListUsers). */
  public static Struct listed(User user) {
    return core(user).with("PasswordLastUsed", user.passwordLastUsed());
  }

  /** GetUser and CreateUser add the boundary and the tags. */
  public static Struct full(User user) {
    return listed(user)
        .with("PermissionsBoundary", PermissionsBoundaries.view(user.permissionsBoundaryArn()))
        .with("Tags", TagParams.viewsOrNull(user.tags()));
  }
}
