package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsServiceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An EC2 instance profile: a container for at most one role. */
public final class InstanceProfile {
  private final Partition partition;
  private final String accountId;
  private final String instanceProfileId;
  private final String instanceProfileName;
  private final String path;
  private final Instant createDate;

  /** IAM's quota InstanceSessionsPerInstanceProfile: roles one profile holds. */
  public static final int ROLES_PER_INSTANCE_PROFILE = 1;

  private final List<Role> roles = new ArrayList<>(1);
  private final Tags tags = new Tags();

  public InstanceProfile(
      Partition partition,
      String accountId,
      String name,
      String path,
      String id,
      Instant createDate) {
    this.partition = partition;
    this.accountId = accountId;
    this.instanceProfileName = name;
    this.path = path;
    this.instanceProfileId = id;
    this.createDate = createDate;
  }

  public String instanceProfileId() {
    return instanceProfileId;
  }

  public String instanceProfileName() {
    return instanceProfileName;
  }

  public String path() {
    return path;
  }

  public String arn() {
    return Arns.iam(partition, accountId, "instance-profile", path, instanceProfileName);
  }

  public Instant createDate() {
    return createDate;
  }

  /**
   * The roles the profile holds (read-only: {@link #addRole} and {@link #removeRole} keep both
   * sides).
   */
  public List<Role> roles() {
    return Collections.unmodifiableList(roles);
  }

  /**
   * Adds {@code role}, on both sides. A profile that already holds {@link
   * #ROLES_PER_INSTANCE_PROFILE} roles is full, even for the same role again (IAM's quota, with its
   * message).
   */
  public void addRole(Role role) {
    if (roles.size() >= ROLES_PER_INSTANCE_PROFILE) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for InstanceSessionsPerInstanceProfile: "
              + ROLES_PER_INSTANCE_PROFILE);
    }
    roles.add(role);
    role.linked(this, true);
  }

  /** Removes {@code role}, on both sides; false when the profile did not hold it. */
  public boolean removeRole(Role role) {
    if (!roles.remove(role)) {
      return false;
    }
    role.linked(this, false);
    return true;
  }

  /** The profile's side of {@link Role#leaveInstanceProfiles}. */
  void dropRole(Role role) {
    roles.remove(role);
  }

  public Tags tags() {
    return tags;
  }
}
