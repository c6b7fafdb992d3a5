package io.iamlocal.server.seed;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.query.QueryInputDecoder;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Sessions;
import io.iamlocal.server.state.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Applies a seed document by calling the registered IAM handlers as the root user, so that every
 * entry is validated exactly as the API validates it (names, paths, documents, quotas). Order:
 * customer managed policies, groups, users (with their groups, policies and access keys), roles.
 * Access keys keep the IDs and secrets the file gives, so scripts can hard-code them. An {@code
 * accounts} list gives other accounts (ID, optional partition, alias, extra root keys) with their
 * own entities.
 */
public final class SeedApplier {
  static final Set<String> TOP = Set.of("policies", "groups", "users", "roles", "accounts");
  static final Set<String> ACCOUNT =
      Set.of("id", "partition", "alias", "rootAccessKeys", "policies", "groups", "users", "roles");
  static final Set<String> ROOT_KEY = Set.of("id", "secret");
  static final Set<String> POLICY = Set.of("name", "path", "description", "document", "tags");
  static final Set<String> GROUP = Set.of("name", "path", "inlinePolicies", "attachedPolicies");
  static final Set<String> USER =
      Set.of(
          "name",
          "path",
          "permissionsBoundary",
          "tags",
          "groups",
          "inlinePolicies",
          "attachedPolicies",
          "accessKeys");
  static final Set<String> ACCESS_KEY = Set.of("id", "secret", "status");
  static final Set<String> ROLE =
      Set.of(
          "name",
          "path",
          "description",
          "maxSessionDuration",
          "assumeRolePolicy",
          "permissionsBoundary",
          "tags",
          "inlinePolicies",
          "attachedPolicies");

  /** IAM's AccessKeyId constraints (16 to 128 word characters). */
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[\\w]{16,128}");

  private static final String REQUEST_ID = "iamlocal-seed";
  private final OperationRegistry registry;
  private final AccountState account;
  private final String rootAccessKeyId;
  private final String region;

  public SeedApplier(
      OperationRegistry registry, AccountState account, String rootAccessKeyId, String region) {
    this.registry = registry;
    this.account = account;
    this.rootAccessKeyId = rootAccessKeyId;
    this.region = region;
  }

  /**
   * Applies {@code file}'s top-level entities to this applier's account; the caller holds the
   * account's write lock.
   */
  public void apply(SeedFile file) {
    applyEntities(file.top(TOP));
  }

  /**
   * Applies a whole document: the top-level entities to the default account, and each entry of
   * {@code accounts} (ID, partition, alias, extra root keys, entities) to its account, created if
   * new, under that account's write lock.
   */
  public static void applyAll(
      OperationRegistry registry, IamLocalState state, String region, SeedFile file) {
    SeedFile.Item top = file.top(TOP);
    AccountState defaultAccount = state.account();
    withWriteLock(
        defaultAccount,
        () ->
            new SeedApplier(registry, defaultAccount, state.rootAccessKeyId(), region)
                .applyEntities(top));
    for (SeedFile.Item a : top.items("accounts", ACCOUNT, "account", "id")) {
      String id = a.text("id", true);
      if (!IamLocalState.isAccountNumber(id)) {
        throw a.error("id", "'id' must be a 12-digit account ID");
      }
      String partitionName = a.text("partition", false);
      Partition partition = partitionName == null ? Partition.AWS : Partition.byId(partitionName);
      if (partition == null) {
        throw a.error("partition", "unknown partition '" + partitionName + "'");
      }
      AccountState account = state.account(partition, id);
      String rootKey = id.equals(state.accountId()) ? state.rootAccessKeyId() : id;
      withWriteLock(
          account, () -> new SeedApplier(registry, account, rootKey, region).applyAccount(a));
    }
  }

  private static void withWriteLock(AccountState account, Runnable apply) {
    account.lock().writeLock().lock();
    try {
      apply.run();
    } finally {
      account.lock().writeLock().unlock();
    }
  }

  private void applyAccount(SeedFile.Item a) {
    String alias = a.text("alias", false);
    if (alias != null) {
      call(a, "CreateAccountAlias", params("AccountAlias", alias));
    }
    for (SeedFile.Item k : a.items("rootAccessKeys", ROOT_KEY, "root access key", "id")) {
      String id = k.text("id", true);
      String secret = k.text("secret", true);
      checkFixedKey(k, id, secret);
      account.addAccessKey(new AccessKey(id, secret, null, account.now()));
    }
    applyEntities(a);
  }

  private void applyEntities(SeedFile.Item top) {
    List<SeedFile.Item> policies = top.items("policies", POLICY, "policy", "name");
    List<SeedFile.Item> groups = top.items("groups", GROUP, "group", "name");
    List<SeedFile.Item> users = top.items("users", USER, "user", "name");
    List<SeedFile.Item> roles = top.items("roles", ROLE, "role", "name");
    for (SeedFile.Item p : policies) {
      Map<String, String> params =
          params(
              "PolicyName",
              p.text("name", true),
              "Path",
              p.text("path", false),
              "PolicyDocument",
              p.document("document", true),
              "Description",
              p.text("description", false));
      tags(params, p.stringMap("tags"));
      call(p, "CreatePolicy", params);
    }
    for (SeedFile.Item g : groups) {
      String name = g.text("name", true);
      call(g, "CreateGroup", params("GroupName", name, "Path", g.text("path", false)));
      policies(g, "GroupName", name, "PutGroupPolicy", "AttachGroupPolicy");
    }
    for (SeedFile.Item u : users) {
      String name = u.text("name", true);
      Map<String, String> params =
          params(
              "UserName",
              name,
              "Path",
              u.text("path", false),
              "PermissionsBoundary",
              policyArn(u, "permissionsBoundary", u.text("permissionsBoundary", false)));
      tags(params, u.stringMap("tags"));
      call(u, "CreateUser", params);
      for (String group : u.strings("groups")) {
        call(u, "AddUserToGroup", params("GroupName", group, "UserName", name));
      }
      policies(u, "UserName", name, "PutUserPolicy", "AttachUserPolicy");
      for (SeedFile.Item k :
          u.items("accessKeys", ACCESS_KEY, "access key of user '" + name + "'", "id")) {
        accessKey(k, name);
      }
    }
    for (SeedFile.Item r : roles) {
      String name = r.text("name", true);
      Integer maxSession = r.integer("maxSessionDuration");
      Map<String, String> params =
          params(
              "RoleName",
              name,
              "Path",
              r.text("path", false),
              "AssumeRolePolicyDocument",
              r.document("assumeRolePolicy", true),
              "Description",
              r.text("description", false),
              "MaxSessionDuration",
              maxSession == null ? null : maxSession.toString(),
              "PermissionsBoundary",
              policyArn(r, "permissionsBoundary", r.text("permissionsBoundary", false)));
      tags(params, r.stringMap("tags"));
      call(r, "CreateRole", params);
      policies(r, "RoleName", name, "PutRolePolicy", "AttachRolePolicy");
    }
  }

  /**
   * Inline and attached policies of a user, group or role, through its {@code put} and {@code
   * attach} operations.
   */
  private void policies(
      SeedFile.Item item, String nameMember, String name, String put, String attach) {
    for (Map.Entry<String, String> inline : item.documents("inlinePolicies").entrySet()) {
      call(
          item,
          put,
          params(
              nameMember,
              name,
              "PolicyName",
              inline.getKey(),
              "PolicyDocument",
              inline.getValue()));
    }
    for (String policy : item.strings("attachedPolicies")) {
      call(
          item,
          attach,
          params(nameMember, name, "PolicyArn", policyArn(item, "attachedPolicies", policy)));
    }
  }

  /**
   * A key with the file's fixed ID and secret: CreateAccessKey checks the user and the quota, then
   * its random key is swapped for the given one.
   */
  private void accessKey(SeedFile.Item k, String userName) {
    String id = k.text("id", false);
    String secret = k.text("secret", false);
    String status = k.text("status", false);
    if ((id == null) != (secret == null)) {
      throw k.error(null, "give both 'id' and 'secret', or neither (for a random key)");
    }
    if (id != null) {
      checkFixedKey(k, id, secret);
    }
    if (status != null && !status.equals("Active") && !status.equals("Inactive")) {
      throw k.error("status", "'status' must be Active or Inactive");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> created =
        (Map<String, Object>)
            call(k, "CreateAccessKey", params("UserName", userName)).get("AccessKey");
    String keyId = (String) created.get("AccessKeyId");
    if (id != null) {
      AccessKey generated = account.removeAccessKey(keyId);
      User user = generated.owner();
      AccessKey fixed = new AccessKey(id, secret, user, generated.createDate());
      user.accessKeys().set(user.accessKeys().indexOf(generated), fixed);
      account.addAccessKey(fixed);
      keyId = id;
    }
    if ("Inactive".equals(status)) {
      call(
          k,
          "UpdateAccessKey",
          params("UserName", userName, "AccessKeyId", keyId, "Status", "Inactive"));
    }
  }

  /** A key ID and secret given in the file: IAM's syntax, and an ID no account uses yet. */
  private void checkFixedKey(SeedFile.Item k, String id, String secret) {
    if (!ACCESS_KEY_ID.matcher(id).matches()) {
      throw k.error("id", "'id' must be 16 to 128 letters, digits or underscores");
    }
    if (secret.isEmpty() || secret.length() > 128) {
      throw k.error("secret", "'secret' must be 1 to 128 characters");
    }
    if (!account.keyIdFree(id)
        || id.equals(rootAccessKeyId)
        || Sessions.of(account).get(id) != null) {
      throw k.error("id", "access key ID " + id + " is already in use");
    }
  }

  /** A policy given by ARN, or by the name of a customer managed policy of this account. */
  private String policyArn(SeedFile.Item item, String key, String reference) {
    if (reference == null || reference.startsWith("arn:")) {
      return reference;
    }
    ManagedPolicy policy = PolicyStore.of(account).customer().get(reference);
    if (policy == null) {
      throw item.error(
          key,
          "no customer managed policy named '"
              + reference
              + "' (give an ARN for AWS managed policies)");
    }
    return policy.arn();
  }

  private static Map<String, String> params(String... pairs) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        out.put(pairs[i], pairs[i + 1]);
      }
    }
    return out;
  }

  private static void tags(Map<String, String> params, Map<String, String> tags) {
    int n = 1;
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      params.put("Tags.member." + n + ".Key", tag.getKey());
      params.put("Tags.member." + n + ".Value", tag.getValue());
      n++;
    }
  }

  /**
   * Runs an IAM operation as root, validated against the model like a request; errors name the
   * entry.
   */
  private Map<String, ?> call(
      SeedFile.Item item, String operationName, Map<String, String> params) {
    OperationModel operation = registry.operation("iam", operationName);
    OperationRegistry.Registered registered = registry.handler("iam", operationName);
    try {
      Map<String, ?> output =
          registered
              .handler()
              .handle(
                  new OperationCall(
                      operationName,
                      QueryInputDecoder.decode(operation.input(), params),
                      Caller.root(account.partition(), account.accountId(), rootAccessKeyId),
                      account,
                      REQUEST_ID,
                      region,
                      new OperationCall.RequestFacts("127.0.0.1", false, "iamlocal-seed")));
      return output == null ? new LinkedHashMap<>() : output;
    } catch (AwsServiceException e) {
      throw new SeedException(
          item.where()
              + ": "
              + item.what()
              + ": "
              + operationName
              + " failed: "
              + e.errorCode().code()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
