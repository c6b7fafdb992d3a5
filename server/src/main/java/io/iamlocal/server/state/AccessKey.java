package io.iamlocal.server.state;

import io.iamlocal.sigv4.SigningKeyHolder;
import java.time.Instant;

/**
 * A long-term access key of an IAM user (or of the root user when {@code owner} is null). Last-use
 * fields are written on every authenticated request, outside the account's write lock, hence
 * volatile.
 */
public final class AccessKey implements SigningKeyHolder {
  private final String accessKeyId;
  private final String secretAccessKey;
  private final User owner;
  private final Instant createDate;
  private volatile boolean active = true;
  private volatile LastUsed lastUsed;

  /** The signing key last derived for this key's secret (see {@link SigningKeyHolder}). */
  private SigningKey signingKey;

  /** When, where and for which service a key last signed a request. */
  public record LastUsed(Instant date, String serviceName, String region) {}

  public AccessKey(String accessKeyId, String secretAccessKey, User owner, Instant createDate) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.owner = owner;
    this.createDate = createDate;
  }

  @Override
  public SigningKey signingKey() {
    return signingKey;
  }

  @Override
  public void keepSigningKey(SigningKey key) {
    signingKey = key;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public String secretAccessKey() {
    return secretAccessKey;
  }

  /** The owning user, or null for a root access key. */
  public User owner() {
    return owner;
  }

  public Instant createDate() {
    return createDate;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String status() {
    return active ? "Active" : "Inactive";
  }

  public LastUsed lastUsed() {
    return lastUsed;
  }

  /**
   * Records a use. A record less than {@link LastUse#GRANULARITY} old for the same service and
   * region is kept: replacing it on every request would hand the GC a young object hanging off
   * every long-lived key, which is what dominated GC pauses under load. AWS itself reports last use
   * with a delay of minutes to hours.
   */
  public void recordUse(Instant when, String service, String region) {
    LastUsed previous = lastUsed;
    if (previous == null
        || !LastUse.isFresh(previous.date(), when)
        || !previous.serviceName().equals(service)
        || !previous.region().equals(region)) {
      this.lastUsed = new LastUsed(when, service, region);
    }
  }
}
