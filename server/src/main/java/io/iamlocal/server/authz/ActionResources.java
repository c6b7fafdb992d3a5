package io.iamlocal.server.authz;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.iam.ServiceLinkedRoleArns;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.InstanceProfile;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.ServerCertificate;
import io.iamlocal.server.state.ServerCertificates;
import io.iamlocal.server.state.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which resource each IAM and STS action is authorized against, read from the table in
 * {@code action-resources.txt} (one line per operation, see its header for the forms).
 */
public final class ActionResources {
  private static final String TABLE = "action-resources.txt";
  private static final Map<String, Entry> ENTRIES = load();

  private ActionResources() {}

  /**
   * One row of the table.
   *
   * @param action {@code iam:CreateUser}
   * @param form how to build the resource ({@code user}, {@code list}, {@code *}…)
   * @param member the request member the form reads, or the entity type for {@code list} forms
   * @param tagAction an action also required when the request carries Tags, or null
   */
  public record Entry(String action, String form, String member, String tagAction) {
    /** Whether the generic authorizer leaves this action alone. */
    public boolean unchecked() {
      return form.equals("-");
    }
  }

  /** The resource ARN (or AWS's text for it) plus the entity it names, when it exists. */
  public record Target(String resource, Object entity) {}

  /** The row for {@code service:Operation}, or null when the table has none. */
  public static Entry entry(String action) {
    return ENTRIES.get(action);
  }

  /** Every row, in table order. */
  public static Map<String, Entry> entries() {
    return Collections.unmodifiableMap(ENTRIES);
  }

  /** Builds the resource of {@code entry} for a request. */
  public static Target resolve(Entry entry, Params params, Caller caller, AccountState account) {
    String acct = account.accountId();
    String value = entry.member() == null ? null : params.string(entry.member());
    return switch (entry.form()) {
      case "user" -> value == null ? callerUser(caller, acct) : user(account, value);
      case "self-user" -> callerUser(caller, acct);
      case "group" -> {
        Group g = account.groups().get(value);
        yield g != null ? new Target(g.arn(), g) : new Target(Arns.iam(acct, "group", "/", value), null);
      }
      case "role" -> {
        Role r = account.roles().get(value);
        yield r != null ? new Target(r.arn(), r) : new Target(Arns.iam(acct, "role", "/", value), null);
      }
      case "instance-profile" -> {
        InstanceProfile p = account.instanceProfiles().get(value);
        yield p != null ? new Target(p.arn(), p) : new Target(Arns.iam(acct, "instance-profile", "/", value), null);
      }
      case "server-certificate" -> {
        ServerCertificate c = ServerCertificates.of(account).store().get(value);
        yield c != null ? new Target(c.arn(), c) : new Target(Arns.iam(acct, "server-certificate", "/", value), null);
      }
      case "new-user" -> created(acct, "user", params, value);
      case "new-group" -> created(acct, "group", params, value);
      case "new-role" -> created(acct, "role", params, value);
      case "new-instance-profile" -> created(acct, "instance-profile", params, value);
      case "new-policy" -> created(acct, "policy", params, value);
      case "new-mfa" -> created(acct, "mfa", params, value);
      case "new-server-certificate" -> created(acct, "server-certificate", params, value);
      case "new-oidc" -> new Target("arn:aws:iam::" + acct + ":oidc-provider/" + withoutScheme(value), null);
      case "new-saml" -> new Target("arn:aws:iam::" + acct + ":saml-provider/" + value, null);
      case "mfa" -> new Target(value != null && value.startsWith("arn:") ? value : "arn:aws:iam::" + acct + ":mfa/" + value, null);
      case "arn" -> arn(account, value);
      case "key-owner" -> {
        AccessKey key = value == null ? null : account.accessKeys().get(value);
        yield key != null && key.owner() != null ? new Target(key.owner().arn(), key.owner()) : new Target("*", null);
      }
      case "service-role" -> {
        String arn = ServiceLinkedRoleArns.arn(acct, value, params.string("CustomSuffix"));
        yield new Target(arn == null ? "*" : arn, null);
      }
      case "list" -> new Target("arn:aws:iam::" + acct + ":" + entry.member() + params.string("PathPrefix", "/"), null);
      case "list-all" -> new Target("arn:aws:iam::" + acct + ":" + entry.member() + "/*", null);
      case "policy-path" -> new Target("policy path " + params.string("PathPrefix", "/"), null);
      case "federated-user" -> new Target("arn:aws:sts::" + acct + ":federated-user/" + value, null);
      case "root" -> new Target("arn:aws:iam::" + accountOf(value) + ":root", null);
      default -> new Target("*", null);
    };
  }

  private static Target user(AccountState account, String name) {
    User u = account.users().get(name);
    return u != null ? new Target(u.arn(), u) : new Target(Arns.iam(account.accountId(), "user", "/", name), null);
  }

  /** The calling user; callers that are not users act on the account. */
  private static Target callerUser(Caller caller, String acct) {
    if (caller.user() != null) {
      return new Target(caller.user().arn(), caller.user());
    }
    return new Target(caller.kind() == Caller.Kind.ROOT ? Arns.root(acct) : "*", null);
  }

  private static Target created(String acct, String type, Params params, String name) {
    return new Target(Arns.iam(acct, type, params.string("Path", "/"), name), null);
  }

  /** A policy, OIDC/SAML provider or principal named by ARN; managed policies are looked up for their tags. */
  private static Target arn(AccountState account, String value) {
    if (value == null) {
      return new Target("*", null);
    }
    if (value.contains(":policy/")) {
      ManagedPolicy policy = PolicyStore.of(account).find(value);
      return new Target(value, policy);
    }
    return new Target(value, null);
  }

  private static String withoutScheme(String url) {
    if (url == null) {
      return "";
    }
    String s = url.startsWith("https://") ? url.substring("https://".length()) : url;
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** AssumeRoot's TargetPrincipal: an account ID or a principal ARN of that account. */
  private static String accountOf(String target) {
    if (target == null) {
      return "";
    }
    String[] parts = target.split(":", 6);
    return parts.length == 6 ? parts[4] : target;
  }

  private static Map<String, Entry> load() {
    Map<String, Entry> out = new LinkedHashMap<>();
    try (InputStream in = ActionResources.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TABLE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\\s+");
        String member = cols.length > 2 ? cols[2] : null;
        String tagAction = cols.length > 3 ? cols[3] : null;
        out.put(cols[0], new Entry(cols[0], cols[1], member, tagAction));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
