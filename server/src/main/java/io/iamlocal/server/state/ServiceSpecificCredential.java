package io.iamlocal.server.state;

import java.time.Instant;

/**
 * A service-specific credential of an IAM user: a user name and password (CodeCommit, Keyspaces) or
 * an API key (Bedrock, CloudWatch Logs), usable only with its one service.
 */
public final class ServiceSpecificCredential {
  private final String serviceSpecificCredentialId;
  private final User owner;
  private final ServiceSpecificCredentials.Service service;
  private final String serviceUserName;
  private final int slot;
  private final Instant createDate;
  private final Instant expirationDate;
  private String secret;
  private boolean active = true;

  ServiceSpecificCredential(
      String id,
      User owner,
      ServiceSpecificCredentials.Service service,
      String serviceUserName,
      int slot,
      String secret,
      Instant createDate,
      Instant expirationDate) {
    this.serviceSpecificCredentialId = id;
    this.owner = owner;
    this.service = service;
    this.serviceUserName = serviceUserName;
    this.slot = slot;
    this.secret = secret;
    this.createDate = createDate;
    this.expirationDate = expirationDate;
  }

  public String serviceSpecificCredentialId() {
    return serviceSpecificCredentialId;
  }

  public User owner() {
    return owner;
  }

  public String serviceName() {
    return service.serviceName();
  }

  /** True for API keys (ServiceCredentialAlias/Secret), false for user name and password. */
  public boolean isApiKey() {
    return service.isApiKey();
  }

  /**
   * {@code jane-at-123456789012}, {@code jane+1-at-123456789012} for the second credential: the
   * ServiceUserName of a password credential or the ServiceCredentialAlias of an API key.
   */
  public String serviceUserName() {
    return serviceUserName;
  }

  int slot() {
    return slot;
  }

  /** The ServicePassword or ServiceCredentialSecret; shown only by Create and Reset. */
  public String secret() {
    return secret;
  }

  void setSecret(String secret) {
    this.secret = secret;
  }

  public Instant createDate() {
    return createDate;
  }

  /** When an API key created with CredentialAgeDays stops working; null when it never expires. */
  public Instant expirationDate() {
    return expirationDate;
  }

  /** {@code Active}, {@code Inactive}, or {@code Expired} once past the expiration date. */
  public String status(Instant now) {
    if (expirationDate != null && !now.isBefore(expirationDate)) {
      return "Expired";
    }
    return active ? "Active" : "Inactive";
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
