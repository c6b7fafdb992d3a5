package io.iamlocal.server.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A managed policy: customer managed (in the account) or AWS managed (from the catalog). Its
 * versions keep documents exactly as given; the attachment sets back AttachmentCount and
 * ListEntitiesForPolicy, so both stay exact.
 */
public final class ManagedPolicy {
  private final String arn;
  private final String policyName;
  private final String path;
  private final String policyId;
  private final String description;
  private final Instant createDate;
  private final boolean awsManaged;
  private Instant updateDate;
  private String defaultVersionId;
  private int nextVersion = 1;
  private final Map<String, PolicyVersion> versions = new LinkedHashMap<>();
  // Created at the first attachment: most customer managed policies of a big account are attached
  // to few kinds of entity, and three empty sets cost ~220 bytes.
  private Set<User> attachedUsers;
  private Set<Group> attachedGroups;
  private Set<Role> attachedRoles;
  private int permissionsBoundaryUsageCount;
  private final Tags tags = Tags.caseSensitive();

  public ManagedPolicy(
      String arn,
      String policyName,
      String path,
      String policyId,
      String description,
      Instant createDate,
      boolean awsManaged) {
    this.arn = arn;
    this.policyName = policyName;
    this.path = path;
    this.policyId = policyId;
    this.description = description;
    this.createDate = createDate;
    this.updateDate = createDate;
    this.awsManaged = awsManaged;
  }

  /** One stored version of a managed policy's document. */
  public record PolicyVersion(String versionId, String document, Instant createDate) {}

  public String arn() {
    return arn;
  }

  public String policyName() {
    return policyName;
  }

  public String path() {
    return path;
  }

  public String policyId() {
    return policyId;
  }

  public String description() {
    return description;
  }

  public Instant createDate() {
    return createDate;
  }

  public Instant updateDate() {
    return updateDate;
  }

  public void setUpdateDate(Instant updateDate) {
    this.updateDate = updateDate;
  }

  public boolean isAwsManaged() {
    return awsManaged;
  }

  public String defaultVersionId() {
    return defaultVersionId;
  }

  public void setDefaultVersionId(String versionId) {
    this.defaultVersionId = versionId;
  }

  /** Allocates the next version ID: v1, v2, … never reused, as in AWS. */
  public String nextVersionId() {
    return "v" + nextVersion++;
  }

  public void setNextVersion(int next) {
    this.nextVersion = next;
  }

  public Map<String, PolicyVersion> versions() {
    return versions;
  }

  public PolicyVersion defaultVersion() {
    return versions.get(defaultVersionId);
  }

  /** Users the policy is attached to, in attach order (read-only: see {@link #attach}). */
  public Set<User> attachedUsers() {
    return readOnly(attachedUsers);
  }

  public Set<Group> attachedGroups() {
    return readOnly(attachedGroups);
  }

  public Set<Role> attachedRoles() {
    return readOnly(attachedRoles);
  }

  private static <T> Set<T> readOnly(Set<T> set) {
    return set == null ? Set.of() : Collections.unmodifiableSet(set);
  }

  /** Records the policy's side of an attachment to a user, group or role. */
  public void attach(Object entity) {
    if (entity instanceof User user) {
      attachedUsers = added(attachedUsers, user);
    } else if (entity instanceof Group group) {
      attachedGroups = added(attachedGroups, group);
    } else if (entity instanceof Role role) {
      attachedRoles = added(attachedRoles, role);
    } else {
      throw new IllegalArgumentException("not a policy holder: " + entity);
    }
  }

  /** Forgets the policy's side of an attachment; nothing happens for an entity not attached. */
  public void detach(Object entity) {
    Set<?> set =
        entity instanceof User
            ? attachedUsers
            : entity instanceof Group ? attachedGroups : attachedRoles;
    if (set != null) {
      set.remove(entity);
    }
  }

  private static <T> Set<T> added(Set<T> set, T entity) {
    Set<T> out = set == null ? new LinkedHashSet<>() : set;
    out.add(entity);
    return out;
  }

  public int attachmentCount() {
    return size(attachedUsers) + size(attachedGroups) + size(attachedRoles);
  }

  private static int size(Set<?> set) {
    return set == null ? 0 : set.size();
  }

  public int permissionsBoundaryUsageCount() {
    return permissionsBoundaryUsageCount;
  }

  public void adjustPermissionsBoundaryUsage(int delta) {
    permissionsBoundaryUsageCount += delta;
  }

  public Tags tags() {
    return tags;
  }
}
