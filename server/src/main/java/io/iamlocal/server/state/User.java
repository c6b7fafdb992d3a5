package io.iamlocal.server.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An IAM user. Mutable; guarded by its account's lock. */
public final class User extends PrincipalEntity {
  private final String userId;
  private final Instant createDate;
  private final Partition partition;
  private final String accountId;
  private String userName;
  private String path;
  private String permissionsBoundaryArn;
  private volatile Instant passwordLastUsed;
  private final Tags tags = new Tags();
  private final List<AccessKey> accessKeys = new ArrayList<>(2);

  /**
   * A plain list: a user is in at most ten groups (AWS's fixed quota), so a linear search is as
   * fast as a hash set, and most users are in none or one: {@code List.of()}, then {@code
   * List.of(g)} (24 bytes), an {@code ArrayList} only from the second group. A LinkedHashSet cost
   * ~136 bytes per user with one group.
   */
  private List<Group> groups = List.of();

  private final PolicyAttachments policies = new PolicyAttachments();

  /** The caller of this user's last signed request, with the name and path of its ARN. */
  private volatile KeptCaller keptCaller;

  private record KeptCaller(String userName, String path, Caller caller) {}

  public User(
      Partition partition,
      String accountId,
      String userName,
      String path,
      String userId,
      Instant createDate) {
    this.partition = partition;
    this.accountId = accountId;
    this.userName = userName;
    this.path = path == null ? null : path.intern(); // most users share a handful of paths
    this.userId = userId;
    this.createDate = createDate;
  }

  public String userId() {
    return userId;
  }

  public String userName() {
    return userName;
  }

  public void rename(String newName) {
    this.userName = newName;
  }

  public String path() {
    return path;
  }

  public void setPath(String path) {
    this.path = path == null ? null : path.intern();
  }

  public String arn() {
    return Arns.iam(partition, accountId, "user", path, userName);
  }

  /** The caller kept by {@link #keepCaller} for this key, unless the user was renamed or moved. */
  Caller keptCaller(String accessKeyId) {
    KeptCaller kept = keptCaller;
    return kept != null
            && isStill(kept.userName, kept.path)
            && kept.caller.accessKeyId().equals(accessKeyId)
        ? kept.caller
        : null;
  }

  /**
   * Whether the user still has this very name and path (the same instances), i.e. whatever was
   * derived from them, such as its ARN, still holds: a rename or move sets new ones.
   */
  boolean isStill(String name, String path) {
    return name == userName && path == this.path;
  }

  void keepCaller(Caller caller) {
    keptCaller = new KeptCaller(userName, path, caller);
  }

  public String accountId() {
    return accountId;
  }

  public Partition partition() {
    return partition;
  }

  public Instant createDate() {
    return createDate;
  }

  public String permissionsBoundaryArn() {
    return permissionsBoundaryArn;
  }

  public void setPermissionsBoundaryArn(String arn) {
    this.permissionsBoundaryArn = arn;
  }

  public Instant passwordLastUsed() {
    return passwordLastUsed;
  }

  public Tags tags() {
    return tags;
  }

  public List<AccessKey> accessKeys() {
    return accessKeys;
  }

  /**
   * Groups the user belongs to, in the order joined (read-only: {@link Group#addMember} and {@link
   * Group#removeMember} keep both sides).
   */
  public List<Group> groups() {
    return groups.isEmpty() ? List.of() : Collections.unmodifiableList(groups);
  }

  /** The user's side of a membership {@link Group} made or broke. */
  void joined(Group group, boolean member) {
    if (member) {
      if (groups.isEmpty()) {
        groups = List.of(group);
        return;
      }
      if (groups.contains(group)) {
        return;
      }
      if (!(groups instanceof ArrayList)) {
        groups = new ArrayList<>(groups);
      }
      groups.add(group);
    } else if (groups.size() == 1) {
      if (groups.get(0) == group) {
        groups = List.of();
      }
    } else if (groups.size() > 1) { // an ArrayList
      groups.remove(group);
    }
  }

  /** How many groups the user is in. */
  int groupCount() {
    return groups.size();
  }

  public PolicyAttachments policies() {
    return policies;
  }
}
