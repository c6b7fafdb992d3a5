package io.iamlocal.server.state;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** An IAM group. Mutable; guarded by its account's lock. */
public final class Group {
  private final Partition partition;
  private final String accountId;
  private final String groupId;
  private final Instant createDate;
  private String groupName;
  private String path;
  private final Set<User> members = new LinkedHashSet<>();
  private final PolicyAttachments policies = new PolicyAttachments();

  public Group(Partition partition, String accountId, String groupName, String path, String groupId, Instant createDate) {
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

  /** Members in the order they were added. */
  public Set<User> members() {
    return members;
  }

  public PolicyAttachments policies() {
    return policies;
  }
}
