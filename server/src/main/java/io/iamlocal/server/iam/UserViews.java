package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.User;

/** The {@code User} output structure as each operation shows it. */
public final class UserViews {
  private UserViews() {}

  /** ListUsers omits PermissionsBoundary and Tags (documented on API_ListUsers). */
  public static Struct listed(User user) {
    return new Struct()
        .with("Path", user.path())
        .with("UserName", user.userName())
        .with("UserId", user.userId())
        .with("Arn", user.arn())
        .with("CreateDate", user.createDate())
        .with("PasswordLastUsed", user.passwordLastUsed());
  }

  /** GetUser and CreateUser add the boundary and the tags. */
  public static Struct full(User user) {
    return listed(user)
        .with("PermissionsBoundary", PermissionsBoundaries.view(user.permissionsBoundaryArn()))
        .with("Tags", user.tags().isEmpty() ? null : user.tags().list().stream().map(TagParams::view).toList());
  }
}
