package io.iamlocal.server.state;

import java.time.Instant;
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
  private final Set<User> attachedUsers = new LinkedHashSet<>();
  private final Set<Group> attachedGroups = new LinkedHashSet<>();
  private final Set<Role> attachedRoles = new LinkedHashSet<>();
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

  public Set<User> attachedUsers() {
    return attachedUsers;
  }

  public Set<Group> attachedGroups() {
    return attachedGroups;
  }

  public Set<Role> attachedRoles() {
    return attachedRoles;
  }

  public int attachmentCount() {
    return attachedUsers.size() + attachedGroups.size() + attachedRoles.size();
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
