package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.InstanceProfile;

/**
 * The {@code InstanceProfile} output structure; {@code Roles} is always present, empty as {@code
 * <Roles/>}.
 */
public final class InstanceProfileViews {
  private InstanceProfileViews() {}

  /**
   * ListInstanceProfiles and ListInstanceProfilesForRole omit Tags (documented on
   * API_ListInstanceProfiles).
   */
  public static Struct listed(InstanceProfile profile) {
    return new Struct()
        .with("Path", profile.path())
        .with("InstanceProfileName", profile.instanceProfileName())
        .with("InstanceProfileId", profile.instanceProfileId())
        .with("Arn", profile.arn())
        .with("CreateDate", profile.createDate())
        .with("Roles", profile.roles().stream().map(RoleViews::core).toList());
  }

  /** CreateInstanceProfile adds the tags when there are any. */
  public static Struct created(InstanceProfile profile) {
    return listed(profile).with("Tags", TagParams.viewsOrNull(profile.tags()));
  }

  /** GetInstanceProfile adds the tags, {@code <Tags/>} when there are none (recorded from AWS). */
  public static Struct full(InstanceProfile profile) {
    return listed(profile).with("Tags", TagParams.views(profile.tags()));
  }
}
