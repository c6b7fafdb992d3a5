package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.Group;

/** The {@code Group} output structure (the same in every operation). */
public final class GroupViews {
  private GroupViews() {}

  public static Struct view(Group group) {
    return new Struct()
        .with("Path", group.path())
        .with("GroupName", group.groupName())
        .with("GroupId", group.groupId())
        .with("Arn", group.arn())
        .with("CreateDate", group.createDate());
  }
}
