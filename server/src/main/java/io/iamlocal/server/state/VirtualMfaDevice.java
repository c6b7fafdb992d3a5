package io.iamlocal.server.state;

import java.time.Instant;

/**
 * A virtual MFA device: its serial number ({@code arn:PARTITION:iam::ACCOUNT:mfa{path}{name}}), the
 * TOTP secret, and the user it is assigned to once EnableMFADevice succeeds. {@code driftSteps} is
 * the clock drift ResyncMFADevice measured; {@code lastUsedStep} stops a code being used twice.
 */
public final class VirtualMfaDevice {
  private final String serialNumber;
  private final String path;
  private final String name;
  private final byte[] secret;
  private final Tags tags = new Tags();
  private User user;
  private Instant enableDate;
  private long driftSteps;
  private long lastUsedStep = Long.MIN_VALUE;

  public VirtualMfaDevice(
      Partition partition, String accountId, String path, String name, byte[] secret) {
    this.serialNumber = Arns.iam(partition, accountId, "mfa", path, name);
    this.path = path;
    this.name = name;
    this.secret = secret.clone();
  }

  public String serialNumber() {
    return serialNumber;
  }

  public String path() {
    return path;
  }

  public String name() {
    return name;
  }

  /** The seed as authenticator apps take it. */
  public String base32Seed() {
    return Base32.encode(secret);
  }

  byte[] secret() {
    return secret;
  }

  public Tags tags() {
    return tags;
  }

  public User user() {
    return user;
  }

  public Instant enableDate() {
    return enableDate;
  }

  public boolean isAssigned() {
    return user != null;
  }

  void assign(User user, Instant when, long drift, long usedStep) {
    this.user = user;
    this.enableDate = when;
    this.driftSteps = drift;
    this.lastUsedStep = usedStep;
  }

  void unassign() {
    this.user = null;
    this.enableDate = null;
    this.driftSteps = 0;
    this.lastUsedStep = Long.MIN_VALUE;
  }

  long driftSteps() {
    return driftSteps;
  }

  void resync(long drift, long usedStep) {
    this.driftSteps = drift;
    this.lastUsedStep = usedStep;
  }

  long lastUsedStep() {
    return lastUsedStep;
  }

  void markUsed(long step) {
    this.lastUsedStep = step;
  }
}
