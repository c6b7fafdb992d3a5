package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsServiceException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** An IAM group. Mutable; guarded by its account's lock. */
public final class Group {
  /** IAM's quota GroupsPerUser. */
  public static final int GROUPS_PER_USER = 10;

  private final Partition partition;
  private final String accountId;
  private final String groupId;
  private final Instant createDate;
  private String groupName;
  private String path;
  private final Set<User> members = new LinkedHashSet<>();
  private final PolicyAttachments policies = new PolicyAttachments();

  public Group(
      Partition partition,
      String accountId,
      String groupName,
      String path,
      String groupId,
      Instant createDate) {
    this.partition = partition;
    this.accountId = accountId;
    this.groupName = groupName;
    this.path = path;
    this.groupId = groupId;
    this.createDate = createDate;
  }

  public String groupId() {
    return groupId;
  }

  public String groupName() {
    return groupName;
  }

  public void rename(String newName) {
    this.groupName = newName;
  }

  public String path() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String arn() {
    return Arns.iam(partition, accountId, "group", path, groupName);
  }

  public Instant createDate() {
    return createDate;
  }

  /**
   * Members in the order they were added (read-only: {@link #addMember} and {@link #removeMember}
   * keep both sides).
   */
  public Set<User> members() {
    return Collections.unmodifiableSet(members);
  }

  /**
   * Makes {@code user} a member, on both sides; adding a member twice succeeds and changes nothing.
   * Refuses a user already in {@link #GROUPS_PER_USER} groups (IAM's quota, with its message).
   */
  public void addMember(User user) {
    if (members.contains(user)) {
      return;
    }
    if (user.groupCount() >= GROUPS_PER_USER) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for GroupsPerUser: " + GROUPS_PER_USER);
    }
    members.add(user);
    user.joined(this, true);
  }

  /**
   * Takes {@code user} out of the group, on both sides; a user who is not a member changes nothing
   * (as AWS).
   */
  public void removeMember(User user) {
    members.remove(user);
    user.joined(this, false);
  }

  public PolicyAttachments policies() {
    return policies;
  }
}
