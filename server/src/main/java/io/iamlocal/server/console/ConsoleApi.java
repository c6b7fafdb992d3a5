package io.iamlocal.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.policy.document.JsonLimits;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.AwsManagedPolicyCatalog;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.InstanceProfile;
import io.iamlocal.server.state.LoginProfile;
import io.iamlocal.server.state.LoginProfiles;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.MfaDevices;
import io.iamlocal.server.state.OpenIdConnectProviders;
import io.iamlocal.server.state.PolicyAttachments;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.SamlProviders;
import io.iamlocal.server.state.ServerCertificates;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Sessions;
import io.iamlocal.server.state.Tags;
import io.iamlocal.server.state.User;
import io.iamlocal.server.state.VirtualMfaDevice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The console's read API ({@code GET /_iamlocal/api/...}): the account's users, groups, roles,
 * managed policies, access keys and STS sessions as JSON (the other entities and the search are
 * {@link ConsoleInventoryApi}'s), read from the state under the account's read lock. It shows
 * identifiers, metadata and policy documents (pretty-printed), and never a secret: no secret access
 * key, session token, password hash or MFA seed is ever read here.
 */
final class ConsoleApi {
  static final ObjectMapper JSON = new ObjectMapper(JsonLimits.factory());
  private final String region;
  private final boolean enforce;

  ConsoleApi(String region, boolean enforce) {
    this.region = region;
    this.enforce = enforce;
  }

  /** An API answer other than 200: status, a short code and a message for the page to show. */
  static final class ApiException extends RuntimeException {
    final int status;
    final String code;

    ApiException(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }

    static ApiException notFound(String message) {
      return new ApiException(404, "NotFound", message);
    }
  }

  /**
   * Answers {@code GET /_iamlocal/api/<segments>}; the caller holds the account's read lock.
   *
   * @param segments the decoded path segments after {@code api/}, e.g. {@code ["users", "alice"]}
   * @param query the decoded query parameters
   */
  JsonNode get(AccountState account, List<String> segments, Map<String, String> query) {
    String resource = segments.isEmpty() ? "" : segments.get(0);
    String name = segments.size() == 2 ? segments.get(1) : null;
    if (segments.size() > 2 || segments.size() == 2 && name.isEmpty()) {
      throw ApiException.notFound("No such console API path.");
    }
    return switch (resource + (name == null ? "" : "/")) {
      case "account" -> account(account);
      case "users" -> users(account);
      case "users/" -> user(account, name);
      case "groups" -> groups(account);
      case "groups/" -> group(account, name);
      case "roles" -> roles(account);
      case "roles/" -> role(account, name);
      case "policies" ->
          policies(
              account,
              query.getOrDefault("scope", "Local"),
              "true".equals(query.get("onlyAttached")));
      case "policies/" -> policy(account, name);
      case "access-keys" -> accessKeys(account);
      case "sessions" -> sessions(account, s -> true);
      case "instance-profiles" -> ConsoleInventoryApi.instanceProfiles(account);
      case "oidc-providers" -> ConsoleInventoryApi.oidcProviders(account);
      case "saml-providers" -> ConsoleInventoryApi.samlProviders(account);
      case "mfa-devices" -> ConsoleInventoryApi.mfaDevices(account);
      case "server-certificates" -> ConsoleInventoryApi.serverCertificates(account);
      case "signing-certificates" -> ConsoleInventoryApi.signingCertificates(account);
      case "password-policy" -> ConsoleInventoryApi.passwordPolicy(account);
      case "search" -> ConsoleInventoryApi.search(account, query.get("q"));
      default -> throw ApiException.notFound("No such console API path.");
    };
  }

  private JsonNode account(AccountState account) {
    ObjectNode out =
        JSON.createObjectNode()
            .put("accountId", account.accountId())
            .put("region", region)
            .put("enforce", enforce)
            .put("readOnly", true);
    out.putObject("counts")
        .put("users", account.users().size())
        .put("groups", account.groups().size())
        .put("roles", account.roles().size())
        .put("policies", PolicyStore.of(account).customer().size())
        .put("accessKeys", account.accessKeys().size())
        .put("sessions", Sessions.of(account).size())
        .put("instanceProfiles", account.instanceProfiles().size())
        .put("oidcProviders", OpenIdConnectProviders.of(account).values().size())
        .put("samlProviders", SamlProviders.of(account).values().size())
        .put("mfaDevices", MfaDevices.of(account).size())
        .put("serverCertificates", ServerCertificates.of(account).store().size());
    return out;
  }

  // ---- users ----

  private JsonNode users(AccountState account) {
    ArrayNode out = JSON.createArrayNode();
    for (User user : account.users().values()) {
      ObjectNode row = userSummary(user);
      ArrayNode groups = row.putArray("groups");
      user.groups().forEach(g -> groups.add(g.groupName()));
      row.put("accessKeyCount", user.accessKeys().size());
      row.put("policyCount", user.policies().attached().size() + user.policies().inline().size());
      tags(row, user.tags());
      out.add(row);
    }
    return out;
  }

  private JsonNode user(AccountState account, String name) {
    User user = account.users().get(name);
    if (user == null) {
      throw ApiException.notFound("The user with name " + name + " cannot be found.");
    }
    ObjectNode out = userSummary(user);
    tags(out, user.tags());
    boundary(out, account, user.permissionsBoundaryArn());
    ArrayNode groups = out.putArray("groups");
    for (Group group : user.groups()) {
      groups.addObject().put("groupName", group.groupName()).put("arn", group.arn());
    }
    policies(out, user.policies());
    ArrayNode keys = out.putArray("accessKeys");
    user.accessKeys().forEach(k -> keys.add(accessKey(k)));
    LoginProfile login = LoginProfiles.of(account).get(user);
    if (login != null) {
      ObjectNode profile = out.putObject("loginProfile");
      instant(profile, "createDate", login.createDate());
      profile.put("passwordResetRequired", login.passwordResetRequired());
    }
    ArrayNode mfa = out.putArray("mfaDevices");
    for (VirtualMfaDevice device : MfaDevices.of(account).assignedTo(user)) {
      instant(
          mfa.addObject().put("serialNumber", device.serialNumber()),
          "enableDate",
          device.enableDate());
    }
    out.set("sessions", sessions(account, s -> s.user() == user));
    return out;
  }

  private static ObjectNode userSummary(User user) {
    ObjectNode row =
        JSON.createObjectNode()
            .put("userName", user.userName())
            .put("userId", user.userId())
            .put("arn", user.arn())
            .put("path", user.path());
    instant(row, "createDate", user.createDate());
    instant(row, "passwordLastUsed", user.passwordLastUsed());
    return row;
  }

  // ---- groups ----

  private JsonNode groups(AccountState account) {
    ArrayNode out = JSON.createArrayNode();
    for (Group group : account.groups().values()) {
      ObjectNode row = groupSummary(group);
      ArrayNode members = row.putArray("members");
      group.members().forEach(u -> members.add(u.userName()));
      row.put("policyCount", group.policies().attached().size() + group.policies().inline().size());
      out.add(row);
    }
    return out;
  }

  private JsonNode group(AccountState account, String name) {
    Group group = account.groups().get(name);
    if (group == null) {
      throw ApiException.notFound("The group with name " + name + " cannot be found.");
    }
    ObjectNode out = groupSummary(group);
    ArrayNode members = out.putArray("members");
    group
        .members()
        .forEach(u -> members.addObject().put("userName", u.userName()).put("arn", u.arn()));
    policies(out, group.policies());
    return out;
  }

  private static ObjectNode groupSummary(Group group) {
    ObjectNode row =
        JSON.createObjectNode()
            .put("groupName", group.groupName())
            .put("groupId", group.groupId())
            .put("arn", group.arn())
            .put("path", group.path());
    instant(row, "createDate", group.createDate());
    return row;
  }

  // ---- roles ----

  private JsonNode roles(AccountState account) {
    ArrayNode out = JSON.createArrayNode();
    for (Role role : account.roles().values()) {
      ObjectNode row = roleSummary(role);
      row.put("policyCount", role.policies().attached().size() + role.policies().inline().size());
      tags(row, role.tags());
      out.add(row);
    }
    return out;
  }

  private JsonNode role(AccountState account, String name) {
    Role role = account.roles().get(name);
    if (role == null) {
      throw ApiException.notFound("The role with name " + name + " cannot be found.");
    }
    ObjectNode out = roleSummary(role);
    tags(out, role.tags());
    out.put("assumeRolePolicyDocument", PolicyJson.pretty(role.assumeRolePolicyDocument()));
    boundary(out, account, role.permissionsBoundaryArn());
    policies(out, role.policies());
    ArrayNode profiles = out.putArray("instanceProfiles");
    for (InstanceProfile profile : role.instanceProfiles()) {
      profiles
          .addObject()
          .put("instanceProfileName", profile.instanceProfileName())
          .put("arn", profile.arn());
    }
    String roleId = role.roleId();
    out.set("sessions", sessions(account, s -> roleId.equals(s.roleId())));
    return out;
  }

  private static ObjectNode roleSummary(Role role) {
    ObjectNode row =
        JSON.createObjectNode()
            .put("roleName", role.roleName())
            .put("roleId", role.roleId())
            .put("arn", role.arn())
            .put("path", role.path())
            .put("description", role.description())
            .put("maxSessionDuration", role.maxSessionDuration())
            .put("serviceLinked", role.isServiceLinked());
    instant(row, "createDate", role.createDate());
    if (role.lastUsedDate() != null) {
      ObjectNode lastUsed = row.putObject("lastUsed");
      instant(lastUsed, "date", role.lastUsedDate());
      lastUsed.put("region", role.lastUsedRegion());
    }
    return row;
  }

  // ---- managed policies ----

  private JsonNode policies(AccountState account, String scope, boolean onlyAttached) {
    String normalized = scope.toLowerCase(Locale.ROOT);
    if (!normalized.equals("local") && !normalized.equals("aws") && !normalized.equals("all")) {
      throw new ApiException(
          400, "InvalidInput", "scope must be Local, AWS or All, not " + scope + ".");
    }
    PolicyStore store = PolicyStore.of(account);
    ArrayNode out = JSON.createArrayNode();
    if (!normalized.equals("local")) {
      for (AwsManagedPolicyCatalog.Entry entry :
          AwsManagedPolicyCatalog.get().after(null).values()) {
        ManagedPolicy inUse = store.awsInUse(entry);
        if (inUse != null) {
          out.add(policySummary(inUse));
        } else if (!onlyAttached) {
          ObjectNode row =
              JSON.createObjectNode()
                  .put("policyName", entry.policyName())
                  .put("policyId", entry.policyId())
                  .put("arn", entry.arn(account.partition()))
                  .put("path", entry.path())
                  .put("awsManaged", true)
                  .put("defaultVersionId", entry.defaultVersionId())
                  .put("attachmentCount", 0)
                  .put("permissionsBoundaryUsageCount", 0);
          instant(row, "createDate", entry.createDate());
          instant(row, "updateDate", entry.updateDate());
          out.add(row);
        }
      }
    }
    if (!normalized.equals("aws")) {
      for (ManagedPolicy policy : store.customer().values()) {
        if (!onlyAttached || policy.attachmentCount() > 0) {
          out.add(policySummary(policy));
        }
      }
    }
    return out;
  }

  private JsonNode policy(AccountState account, String arn) {
    ManagedPolicy policy = PolicyStore.of(account).find(arn);
    if (policy == null) {
      throw ApiException.notFound("Policy " + arn + " does not exist or is not attachable.");
    }
    ObjectNode out = policySummary(policy);
    out.put("description", policy.description());
    tags(out, policy.tags());
    ArrayNode versions = out.putArray("versions");
    List<ManagedPolicy.PolicyVersion> newestFirst = new ArrayList<>(policy.versions().values());
    newestFirst.sort(Comparator.comparing(ManagedPolicy.PolicyVersion::createDate).reversed());
    for (ManagedPolicy.PolicyVersion version : newestFirst) {
      ObjectNode v =
          versions
              .addObject()
              .put("versionId", version.versionId())
              .put("isDefault", version.versionId().equals(policy.defaultVersionId()));
      instant(v, "createDate", version.createDate());
      v.put("document", PolicyJson.pretty(version.document()));
    }
    ObjectNode attachments = out.putObject("attachments");
    ArrayNode users = attachments.putArray("users");
    policy.attachedUsers().forEach(u -> users.add(u.userName()));
    ArrayNode groups = attachments.putArray("groups");
    policy.attachedGroups().forEach(g -> groups.add(g.groupName()));
    ArrayNode roles = attachments.putArray("roles");
    policy.attachedRoles().forEach(r -> roles.add(r.roleName()));
    return out;
  }

  private static ObjectNode policySummary(ManagedPolicy policy) {
    ObjectNode row =
        JSON.createObjectNode()
            .put("policyName", policy.policyName())
            .put("policyId", policy.policyId())
            .put("arn", policy.arn())
            .put("path", policy.path())
            .put("awsManaged", policy.isAwsManaged())
            .put("defaultVersionId", policy.defaultVersionId())
            .put("attachmentCount", policy.attachmentCount())
            .put("permissionsBoundaryUsageCount", policy.permissionsBoundaryUsageCount());
    instant(row, "createDate", policy.createDate());
    instant(row, "updateDate", policy.updateDate());
    return row;
  }

  /** Attached managed policies (ARN and name) and inline policies (name and pretty document). */
  private static void policies(ObjectNode out, PolicyAttachments attachments) {
    ArrayNode attached = out.putArray("attachedPolicies");
    for (ManagedPolicy policy : attachments.attached().values()) {
      attached
          .addObject()
          .put("policyName", policy.policyName())
          .put("arn", policy.arn())
          .put("awsManaged", policy.isAwsManaged());
    }
    ArrayNode inline = out.putArray("inlinePolicies");
    attachments
        .inline()
        .forEach(
            (name, document) ->
                inline
                    .addObject()
                    .put("policyName", name)
                    .put("document", PolicyJson.pretty(document)));
  }

  private static void boundary(ObjectNode out, AccountState account, String arn) {
    if (arn != null) {
      ManagedPolicy policy = PolicyStore.of(account).find(arn);
      out.putObject("permissionsBoundary")
          .put("arn", arn)
          .put("policyName", policy == null ? null : policy.policyName());
    }
  }

  // ---- credentials: identifiers and status only ----

  private JsonNode accessKeys(AccountState account) {
    List<AccessKey> keys = new ArrayList<>(account.accessKeys().values());
    keys.sort(
        Comparator.comparing(
                (AccessKey k) -> k.owner() == null ? "" : k.owner().userName(),
                String.CASE_INSENSITIVE_ORDER)
            .thenComparing(AccessKey::accessKeyId));
    ArrayNode out = JSON.createArrayNode();
    keys.forEach(k -> out.add(accessKey(k)));
    return out;
  }

  /** Never the secret: only the key ID, its owner, status and dates. */
  private static ObjectNode accessKey(AccessKey key) {
    ObjectNode row =
        JSON.createObjectNode()
            .put("accessKeyId", key.accessKeyId())
            .put("userName", key.owner() == null ? null : key.owner().userName())
            .put("root", key.owner() == null)
            .put("status", key.status());
    instant(row, "createDate", key.createDate());
    AccessKey.LastUsed lastUsed = key.lastUsed();
    if (lastUsed != null) {
      ObjectNode used = row.putObject("lastUsed");
      instant(used, "date", lastUsed.date());
      used.put("serviceName", lastUsed.serviceName()).put("region", lastUsed.region());
    }
    return row;
  }

  /**
   * STS sessions, newest first: who, until when, and what limits them; never the secret or the
   * token.
   */
  private static ArrayNode sessions(AccountState account, Predicate<Session> which) {
    List<Session> sessions = new ArrayList<>(Sessions.of(account).snapshot());
    sessions.removeIf(which.negate());
    sessions.sort(
        Comparator.comparing(Session::issuedAt).reversed().thenComparing(Session::accessKeyId));
    Instant now = account.now();
    ArrayNode out = JSON.createArrayNode();
    for (Session s : sessions) {
      String arn = s.stsArn();
      if (arn == null) {
        arn = s.user() != null ? s.user().arn() : Arns.root(s.partition(), s.accountId());
      }
      ObjectNode row =
          out.addObject()
              .put("accessKeyId", s.accessKeyId())
              .put("kind", kindName(s.kind()))
              .put("arn", arn)
              .put("roleArn", s.roleArn())
              .put("sessionName", s.sessionName())
              .put("userName", s.user() == null ? null : s.user().userName())
              .put("expired", s.isExpired(now))
              .put("sourceIdentity", s.sourceIdentity())
              .put("hasSessionPolicies", s.hasSessionPolicies())
              .put("mfaPresent", s.mfaPresent())
              .put("roleChained", s.roleChained())
              .put("federatedProvider", s.federatedProvider());
      instant(row, "issuedAt", s.issuedAt());
      instant(row, "expiration", s.expiration());
      ArrayNode tags = row.putArray("tags");
      s.tags().forEach(t -> tags.addObject().put("key", t.key()).put("value", t.value()));
    }
    return out;
  }

  private static String kindName(Session.Kind kind) {
    return switch (kind) {
      case ASSUMED_ROLE -> "AssumedRole";
      case FEDERATED_USER -> "FederatedUser";
      case SESSION_TOKEN -> "SessionToken";
    };
  }

  static void tags(ObjectNode out, Tags tags) {
    ArrayNode array = out.putArray("tags");
    tags.list().forEach(t -> array.addObject().put("key", t.key()).put("value", t.value()));
  }

  static void instant(ObjectNode out, String field, Instant value) {
    if (value != null) {
      out.put(field, value.toString());
    }
  }
}
