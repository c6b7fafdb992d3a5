package io.iamlocal.server.console;

import static io.iamlocal.server.console.ConsoleApi.JSON;
import static io.iamlocal.server.console.ConsoleApi.instant;
import static io.iamlocal.server.console.ConsoleApi.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.server.state.AccountSettings;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.AwsManagedPolicyCatalog;
import io.iamlocal.server.state.InstanceProfile;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.MfaDevices;
import io.iamlocal.server.state.OpenIdConnectProvider;
import io.iamlocal.server.state.OpenIdConnectProviders;
import io.iamlocal.server.state.PasswordPolicy;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.SamlProvider;
import io.iamlocal.server.state.SamlProviders;
import io.iamlocal.server.state.ServerCertificate;
import io.iamlocal.server.state.ServerCertificates;
import io.iamlocal.server.state.SigningCertificate;
import io.iamlocal.server.state.SigningCertificates;
import io.iamlocal.server.state.User;
import io.iamlocal.server.state.VirtualMfaDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console's read API for the account's other entities (instance profiles, identity providers,
 * MFA devices, certificates, the password policy) and its search. Like {@link ConsoleApi} it shows
 * identifiers and metadata only: never an MFA seed, a certificate's private key or a SAML
 * provider's decryption key.
 */
final class ConsoleInventoryApi {
  /**
   * Most results per kind a search returns: enough to pick from, small enough to render at once.
   */
  static final int SEARCH_LIMIT = 50;

  private ConsoleInventoryApi() {}

  static JsonNode instanceProfiles(AccountState account) {
    ArrayNode out = JSON.createArrayNode();
    for (InstanceProfile profile : account.instanceProfiles().values()) {
      ObjectNode row =
          out.addObject()
              .put("instanceProfileName", profile.instanceProfileName())
              .put("instanceProfileId", profile.instanceProfileId())
              .put("arn", profile.arn())
              .put("path", profile.path());
      instant(row, "createDate", profile.createDate());
      ArrayNode roles = row.putArray("roles");
      profile.roles().forEach(r -> roles.add(r.roleName()));
      tags(row, profile.tags());
    }
    return out;
  }

  static JsonNode oidcProviders(AccountState account) {
    ArrayNode out = JSON.createArrayNode();
    for (OpenIdConnectProvider provider : OpenIdConnectProviders.of(account).values()) {
      ObjectNode row = out.addObject().put("arn", provider.arn()).put("url", provider.url());
      instant(row, "createDate", provider.createDate());
      ArrayNode clientIds = row.putArray("clientIds");
      provider.clientIds().forEach(clientIds::add);
      ArrayNode thumbprints = row.putArray("thumbprints");
      provider.thumbprints().forEach(thumbprints::add);
      tags(row, provider.tags());
    }
    return out;
  }

  static JsonNode samlProviders(AccountState account) {
    ArrayNode out = JSON.createArrayNode();
    for (SamlProvider provider : SamlProviders.of(account).values()) {
      ObjectNode row =
          out.addObject()
              .put("name", provider.name())
              .put("arn", provider.arn())
              .put("samlProviderUuid", provider.samlProviderUuid())
              .put("entityId", provider.metadata().entityId())
              .put("assertionEncryptionMode", provider.assertionEncryptionMode())
              .put("privateKeyCount", provider.privateKeys().size());
      instant(row, "createDate", provider.createDate());
      instant(row, "validUntil", provider.validUntil());
      tags(row, provider.tags());
    }
    return out;
  }

  static JsonNode mfaDevices(AccountState account) {
    ArrayNode out = JSON.createArrayNode();
    for (VirtualMfaDevice device : MfaDevices.of(account).all()) {
      ObjectNode row =
          out.addObject()
              .put("serialNumber", device.serialNumber())
              .put("path", device.path())
              .put("assigned", device.isAssigned())
              .put("userName", device.user() == null ? null : device.user().userName());
      instant(row, "enableDate", device.enableDate());
      tags(row, device.tags());
    }
    return out;
  }

  static JsonNode serverCertificates(AccountState account) {
    ArrayNode out = JSON.createArrayNode();
    for (ServerCertificate certificate : ServerCertificates.of(account).store().values()) {
      ObjectNode row =
          out.addObject()
              .put("serverCertificateName", certificate.serverCertificateName())
              .put("serverCertificateId", certificate.serverCertificateId())
              .put("arn", certificate.arn())
              .put("path", certificate.path());
      instant(row, "uploadDate", certificate.uploadDate());
      instant(row, "expiration", certificate.expiration());
      tags(row, certificate.tags());
    }
    return out;
  }

  /** Every user's signing certificates, then the root user's. */
  static JsonNode signingCertificates(AccountState account) {
    SigningCertificates store = SigningCertificates.of(account);
    ArrayNode out = JSON.createArrayNode();
    List<User> owners = new ArrayList<>(account.users().values());
    owners.add(null);
    for (User owner : owners) {
      for (SigningCertificate certificate : store.of(owner)) {
        ObjectNode row =
            out.addObject()
                .put("certificateId", certificate.certificateId())
                .put("userName", owner == null ? null : owner.userName())
                .put("root", owner == null)
                .put("status", certificate.status());
        instant(row, "uploadDate", certificate.uploadDate());
        instant(row, "expiration", certificate.certificate().getNotAfter().toInstant());
      }
    }
    return out;
  }

  /** The account's password policy; {@code "custom": false} while AWS's default rules apply. */
  static JsonNode passwordPolicy(AccountState account) {
    AccountSettings settings = AccountSettings.of(account);
    PasswordPolicy policy = settings.passwordPolicy();
    ObjectNode out =
        JSON.createObjectNode()
            .put("accountAlias", settings.accountAlias())
            .put("custom", policy != null);
    if (policy != null) {
      out.putObject("policy")
          .put("minimumPasswordLength", policy.minimumPasswordLength())
          .put("requireSymbols", policy.requireSymbols())
          .put("requireNumbers", policy.requireNumbers())
          .put("requireUppercaseCharacters", policy.requireUppercaseCharacters())
          .put("requireLowercaseCharacters", policy.requireLowercaseCharacters())
          .put("allowUsersToChangePassword", policy.allowUsersToChangePassword())
          .put("expirePasswords", policy.expirePasswords())
          .put("maxPasswordAge", policy.maxPasswordAge())
          .put("passwordReusePrevention", policy.passwordReusePrevention())
          .put("hardExpiry", policy.hardExpiry());
    }
    return out;
  }

  /**
   * Users, roles and managed policies (customer and AWS managed) whose name or ARN contains {@code
   * query}, ignoring case; at most {@link #SEARCH_LIMIT} of each.
   */
  static JsonNode search(AccountState account, String query) {
    String needle = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
    if (needle.isEmpty()) {
      throw new ConsoleApi.ApiException(400, "InvalidInput", "Give the text to search for as q.");
    }
    ObjectNode out = JSON.createObjectNode().put("query", query.trim());
    ArrayNode users = out.putArray("users");
    for (User user : account.users().values()) {
      if (users.size() < SEARCH_LIMIT && matches(needle, user.userName(), user.arn())) {
        users.addObject().put("userName", user.userName()).put("arn", user.arn());
      }
    }
    ArrayNode roles = out.putArray("roles");
    for (Role role : account.roles().values()) {
      if (roles.size() < SEARCH_LIMIT && matches(needle, role.roleName(), role.arn())) {
        roles.addObject().put("roleName", role.roleName()).put("arn", role.arn());
      }
    }
    ArrayNode policies = out.putArray("policies");
    for (ManagedPolicy policy : PolicyStore.of(account).customer().values()) {
      if (policies.size() < SEARCH_LIMIT && matches(needle, policy.policyName(), policy.arn())) {
        policies
            .addObject()
            .put("policyName", policy.policyName())
            .put("arn", policy.arn())
            .put("awsManaged", false);
      }
    }
    for (AwsManagedPolicyCatalog.Entry entry : AwsManagedPolicyCatalog.get().after(null).values()) {
      if (policies.size() < SEARCH_LIMIT
          && matches(needle, entry.policyName(), entry.arn(account.partition()))) {
        policies
            .addObject()
            .put("policyName", entry.policyName())
            .put("arn", entry.arn(account.partition()))
            .put("awsManaged", true);
      }
    }
    return out;
  }

  private static boolean matches(String needle, String name, String arn) {
    return name.toLowerCase(Locale.ROOT).contains(needle)
        || arn.toLowerCase(Locale.ROOT).contains(needle);
  }
}
