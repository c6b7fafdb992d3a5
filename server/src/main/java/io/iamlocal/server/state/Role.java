package io.iamlocal.server.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** An IAM role. Mutable; guarded by its account's lock. */
public final class Role extends PrincipalEntity {
  private final Partition partition;
  private final String accountId;
  private final String roleId;
  private final Instant createDate;
  private final String roleName;
  private final String path;

  /** Name and path never change, and every STS session of the role refers to its ARN: made once. */
  private final String arn;

  private String assumeRolePolicyDocument;
  private String description;
  private int maxSessionDuration = 3600;
  private String permissionsBoundaryArn;
  private volatile Instant lastUsedDate;
  private volatile String lastUsedRegion;
  private final Tags tags = new Tags();
  private final PolicyAttachments policies = new PolicyAttachments();
  private final Set<InstanceProfile> instanceProfiles = new LinkedHashSet<>();
  private boolean serviceLinked;

  public Role(
      Partition partition,
      String accountId,
      String roleName,
      String path,
      String roleId,
      Instant createDate,
      String assumeRolePolicyDocument) {
    this.partition = partition;
    this.accountId = accountId;
    this.roleName = roleName;
    this.path = path;
    this.arn = Arns.iam(partition, accountId, "role", path, roleName);
    this.roleId = roleId;
    this.createDate = createDate;
    this.assumeRolePolicyDocument = assumeRolePolicyDocument;
  }

  public String roleId() {
    return roleId;
  }

  public String roleName() {
    return roleName;
  }

  public String path() {
    return path;
  }

  public String arn() {
    return arn;
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

  /** The trust policy exactly as given. */
  public String assumeRolePolicyDocument() {
    return assumeRolePolicyDocument;
  }

  public void setAssumeRolePolicyDocument(String document) {
    this.assumeRolePolicyDocument = document;
  }

  public String description() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public int maxSessionDuration() {
    return maxSessionDuration;
  }

  public void setMaxSessionDuration(int seconds) {
    this.maxSessionDuration = seconds;
  }

  public String permissionsBoundaryArn() {
    return permissionsBoundaryArn;
  }

  public void setPermissionsBoundaryArn(String arn) {
    this.permissionsBoundaryArn = arn;
  }

  public Instant lastUsedDate() {
    return lastUsedDate;
  }

  public String lastUsedRegion() {
    return lastUsedRegion;
  }

  /** Written when the role's credentials are used (RoleLastUsed). */
  public void recordUse(Instant when, String region) {
    this.lastUsedDate = when;
    this.lastUsedRegion = region;
  }

  public Tags tags() {
    return tags;
  }

  public PolicyAttachments policies() {
    return policies;
  }

  /**
   * The instance profiles holding the role (read-only: {@link InstanceProfile#addRole} and {@link
   * InstanceProfile#removeRole} keep both sides).
   */
  public Set<InstanceProfile> instanceProfiles() {
    return Collections.unmodifiableSet(instanceProfiles);
  }

  /**
   * Takes the role out of every instance profile holding it (on both sides), as deleting it does.
   */
  public void leaveInstanceProfiles() {
    instanceProfiles.forEach(profile -> profile.dropRole(this));
    instanceProfiles.clear();
  }

  /** The role's side of a link {@link InstanceProfile} made or broke. */
  void linked(InstanceProfile profile, boolean held) {
    if (held) {
      instanceProfiles.add(profile);
    } else {
      instanceProfiles.remove(profile);
    }
  }

  public boolean isServiceLinked() {
    return serviceLinked;
  }

  public void setServiceLinked(boolean serviceLinked) {
    this.serviceLinked = serviceLinked;
  }
}
