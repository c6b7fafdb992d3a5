package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service-specific credentials of an account's users, by user ID, in creation order. Rules: the
 * supported services, two credentials per user per service, and the generated names ({@code
 * user-at-account}, then {@code user+1-at-account}) and secrets.
 */
public final class ServiceSpecificCredentials {
  /**
   * "You can have a maximum of two sets of service-specific credentials for each supported service
   * per user."
   */
  public static final int PER_USER_PER_SERVICE = 2;

  private final Map<String, List<ServiceSpecificCredential>> byUserId = new HashMap<>();

  /**
   * The services CreateServiceSpecificCredential accepts (API reference: Bedrock, CloudWatch Logs,
   * CodeCommit, Keyspaces). API-key services answer with an alias and a secret whose prefix names
   * the service ({@code ABSK} is Bedrock's documented API key prefix).
   */
  public enum Service {
    CODECOMMIT("codecommit.amazonaws.com", null),
    CASSANDRA("cassandra.amazonaws.com", null),
    BEDROCK("bedrock.amazonaws.com", "ABSK"),
    LOGS("logs.amazonaws.com", "ACWL");

    private final String serviceName;
    private final String apiKeyPrefix;

    Service(String serviceName, String apiKeyPrefix) {
      this.serviceName = serviceName;
      this.apiKeyPrefix = apiKeyPrefix;
    }

    public String serviceName() {
      return serviceName;
    }

    public boolean isApiKey() {
      return apiKeyPrefix != null;
    }

    /** The service with this name; an unknown one is NoSuchEntity with the text AWS sends. */
    public static Service named(String serviceName) {
      for (Service service : values()) {
        if (service.serviceName.equals(serviceName)) {
          return service;
        }
      }
      throw AwsServiceException.noSuchEntity(
          "No such service " + serviceName + " is supported for Service Specific Credentials");
    }
  }

  public static ServiceSpecificCredentials of(AccountState account) {
    return account.extension(
        ServiceSpecificCredentials.class, a -> new ServiceSpecificCredentials());
  }

  public boolean hasAny(User user) {
    return !byUserId.getOrDefault(user.userId(), List.of()).isEmpty();
  }

  /** The user's credentials, oldest first, optionally only those of one service. */
  public List<ServiceSpecificCredential> of(User user, Service service) {
    return byUserId.getOrDefault(user.userId(), List.of()).stream()
        .filter(c -> service == null || c.serviceName().equals(service.serviceName()))
        .toList();
  }

  public ServiceSpecificCredential create(
      User user, Service service, Integer credentialAgeDays, AccountState account, Instant now) {
    if (credentialAgeDays != null && !service.isApiKey()) {
      throw new AwsServiceException(
          AwsErrorCode.NOT_SUPPORTED_SERVICE,
          "CredentialAgeDays is not supported for service " + service.serviceName() + ".");
    }
    List<ServiceSpecificCredential> existing = of(user, service);
    if (existing.size() >= PER_USER_PER_SERVICE) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: "
              + PER_USER_PER_SERVICE);
    }
    int slot = 0;
    while (slotTaken(existing, slot)) {
      slot++;
    }
    String serviceUserName =
        user.userName() + (slot == 0 ? "" : "+" + slot) + "-at-" + account.accountId();
    Instant expiration =
        credentialAgeDays == null ? null : now.plus(Duration.ofDays(credentialAgeDays));
    ServiceSpecificCredential created =
        new ServiceSpecificCredential(
            account.ids().uniqueId(IdPrefix.ACCA),
            user,
            service,
            serviceUserName,
            slot,
            newSecret(service, serviceUserName, account.ids()),
            now,
            expiration);
    byUserId.computeIfAbsent(user.userId(), k -> new ArrayList<>()).add(created);
    return created;
  }

  private static boolean slotTaken(List<ServiceSpecificCredential> credentials, int slot) {
    return credentials.stream().anyMatch(c -> c.slot() == slot);
  }

  /**
   * A password is 44 random bytes in base64 (60 characters ending in {@code =}, as AWS's look); an
   * API key is the service prefix and base64 of {@code alias:secret}.
   */
  private static String newSecret(Service service, String serviceUserName, IdGenerator ids) {
    String random = Base64.getEncoder().encodeToString(ids.randomBytes(44));
    if (!service.isApiKey()) {
      return random;
    }
    return service.apiKeyPrefix
        + Base64.getEncoder()
            .encodeToString((serviceUserName + ":" + random).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The user's credential with this ID; another user's credential is as unknown as a missing one.
   */
  public ServiceSpecificCredential require(User user, String id) {
    for (ServiceSpecificCredential credential : byUserId.getOrDefault(user.userId(), List.of())) {
      if (credential.serviceSpecificCredentialId().equals(id)) {
        return credential;
      }
    }
    throw AwsServiceException.noSuchEntity("No such credential " + id + " exists");
  }

  /** ResetServiceSpecificCredential: a new password (or API key secret) replaces the old one. */
  public ServiceSpecificCredential reset(User user, String id, IdGenerator ids) {
    ServiceSpecificCredential credential = require(user, id);
    credential.setSecret(
        newSecret(Service.named(credential.serviceName()), credential.serviceUserName(), ids));
    return credential;
  }

  public void delete(User user, String id) {
    ServiceSpecificCredential credential = require(user, id);
    byUserId.get(user.userId()).remove(credential);
  }
}
