package io.iamlocal.server.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountSettings;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.PolicyAttachments;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.Tags;
import io.iamlocal.server.state.User;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes an account in the seed format ({@link SeedApplier}), so that an export given to {@code
 * --init} rebuilds the same users, groups, roles and customer managed policies, with the same
 * access keys. Generated IDs and dates are not part of the format; service-linked roles,
 * non-default policy versions and the other entity kinds (login profiles, MFA devices, providers,
 * certificates…) are left out.
 */
public final class StateExporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Strings stay quoted: unquoted, a policy's {@code Version: 2012-10-17} is a date to many YAML
   * readers.
   */
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private StateExporter() {}

  /** The account as a seed document; the caller holds at least the account's read lock. */
  public static ObjectNode export(AccountState account) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode policies = JSON.createArrayNode();
    for (ManagedPolicy policy : PolicyStore.of(account).customer().values()) {
      ObjectNode p = policies.addObject().put("name", policy.policyName());
      path(p, policy.path());
      if (policy.description() != null && !policy.description().isEmpty()) {
        p.put("description", policy.description());
      }
      p.set("document", document(policy.defaultVersion().document()));
      tags(p, policy.tags());
    }
    ArrayNode groups = JSON.createArrayNode();
    for (Group group : account.groups().values()) {
      ObjectNode g = groups.addObject().put("name", group.groupName());
      path(g, group.path());
      policies(g, group.policies());
    }
    ArrayNode users = JSON.createArrayNode();
    for (User user : account.users().values()) {
      ObjectNode u = users.addObject().put("name", user.userName());
      path(u, user.path());
      if (user.permissionsBoundaryArn() != null) {
        u.put("permissionsBoundary", user.permissionsBoundaryArn());
      }
      tags(u, user.tags());
      if (!user.groups().isEmpty()) {
        ArrayNode names = u.putArray("groups");
        user.groups().forEach(g -> names.add(g.groupName()));
      }
      policies(u, user.policies());
      if (!user.accessKeys().isEmpty()) {
        ArrayNode keys = u.putArray("accessKeys");
        for (AccessKey key : user.accessKeys()) {
          ObjectNode k =
              keys.addObject().put("id", key.accessKeyId()).put("secret", key.secretAccessKey());
          if (!key.isActive()) {
            k.put("status", "Inactive");
          }
        }
      }
    }
    ArrayNode roles = JSON.createArrayNode();
    for (Role role : account.roles().values()) {
      if (role.isServiceLinked()) {
        continue;
      }
      ObjectNode r = roles.addObject().put("name", role.roleName());
      path(r, role.path());
      if (role.description() != null && !role.description().isEmpty()) {
        r.put("description", role.description());
      }
      if (role.maxSessionDuration() != 3600) {
        r.put("maxSessionDuration", role.maxSessionDuration());
      }
      r.set("assumeRolePolicy", document(role.assumeRolePolicyDocument()));
      if (role.permissionsBoundaryArn() != null) {
        r.put("permissionsBoundary", role.permissionsBoundaryArn());
      }
      tags(r, role.tags());
      policies(r, role.policies());
    }
    putIfAny(root, "policies", policies);
    putIfAny(root, "groups", groups);
    putIfAny(root, "users", users);
    putIfAny(root, "roles", roles);
    return root;
  }

  /**
   * Every account as one seed document: the default account at the top level, every other one under
   * {@code accounts} (ID, partition outside {@code aws}, alias, extra root keys, entities). Each
   * account is read under its own read lock, one at a time.
   */
  public static ObjectNode exportAll(IamLocalState state) {
    ObjectNode root = readLocked(state.account(), () -> export(state.account()));
    ArrayNode accounts = JSON.createArrayNode();
    for (AccountState account : state.accounts().all()) {
      if (account == state.account()) {
        continue;
      }
      ObjectNode entry = accounts.addObject().put("id", account.accountId());
      if (account.partition() != Partition.AWS) {
        entry.put("partition", account.partition().id());
      }
      readLocked(
          account,
          () -> {
            String alias = AccountSettings.of(account).accountAlias();
            if (alias != null) {
              entry.put("alias", alias);
            }
            ArrayNode rootKeys = JSON.createArrayNode();
            for (AccessKey key : account.accessKeys().values()) {
              if (key.owner() == null && state.rootAccountOf(key.accessKeyId()) == null) {
                rootKeys
                    .addObject()
                    .put("id", key.accessKeyId())
                    .put("secret", key.secretAccessKey());
              }
            }
            putIfAny(entry, "rootAccessKeys", rootKeys);
            entry.setAll(export(account));
            return entry;
          });
    }
    putIfAny(root, "accounts", accounts);
    return root;
  }

  private static ObjectNode readLocked(
      AccountState account, java.util.function.Supplier<ObjectNode> read) {
    account.lock().readLock().lock();
    try {
      return read.get();
    } finally {
      account.lock().readLock().unlock();
    }
  }

  /** The document as YAML or (pretty) JSON text. */
  public static String write(ObjectNode document, boolean yaml) {
    try {
      return yaml
          ? YAML.writeValueAsString(document)
          : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putIfAny(ObjectNode root, String name, ArrayNode items) {
    if (!items.isEmpty()) {
      root.set(name, items);
    }
  }

  private static void path(ObjectNode node, String path) {
    if (path != null && !path.equals("/")) {
      node.put("path", path);
    }
  }

  private static void tags(ObjectNode node, Tags tags) {
    List<Tags.Tag> list = tags.list();
    if (!list.isEmpty()) {
      ObjectNode t = node.putObject("tags");
      list.forEach(tag -> t.put(tag.key(), tag.value()));
    }
  }

  private static void policies(ObjectNode node, PolicyAttachments policies) {
    if (!policies.inline().isEmpty()) {
      ObjectNode inline = node.putObject("inlinePolicies");
      policies.inline().forEach((name, doc) -> inline.set(name, document(doc)));
    }
    if (!policies.attached().isEmpty()) {
      ArrayNode attached = node.putArray("attachedPolicies");
      policies.attached().keySet().forEach(attached::add);
    }
  }

  /**
   * A document as a mapping when it is a JSON object (readable in YAML), else as the exact text.
   */
  private static JsonNode document(String text) {
    try {
      JsonNode parsed = JSON.readTree(text);
      if (parsed != null && parsed.isObject()) {
        return parsed;
      }
    } catch (JsonProcessingException ignored) {
      // Kept as text below.
    }
    return JSON.getNodeFactory().textNode(text);
  }
}
