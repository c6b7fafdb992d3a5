package io.iamlocal.server.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An EC2 instance profile: a container for at most one role. */
public final class InstanceProfile {
  private final Partition partition;
  private final String accountId;
  private final String instanceProfileId;
  private final String instanceProfileName;
  private final String path;
  private final Instant createDate;
  private final List<Role> roles = new ArrayList<>(1);
  private final Tags tags = new Tags();

  public InstanceProfile(Partition partition, String accountId, String name, String path, String id, Instant createDate) {
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

  public List<Role> roles() {
    return roles;
  }

  public Tags tags() {
    return tags;
  }
}
