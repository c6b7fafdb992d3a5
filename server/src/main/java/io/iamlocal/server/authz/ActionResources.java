package io.iamlocal.server.authz;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationSpec;
import io.iamlocal.server.iam.ServiceLinkedRoleArns;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.InstanceProfile;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.ServerCertificate;
import io.iamlocal.server.state.ServerCertificates;
import io.iamlocal.server.state.User;

/**
 * Builds the resource an action is authorized against from a request, as its operation's spec
 * declares it ({@link OperationSpec.Resource}).
 */
public final class ActionResources {
  private ActionResources() {}

  /** The resource ARN (or AWS's text for it) plus the entity it names, when it exists. */
  public record Target(String resource, Object entity) {}

  /** Builds {@code entry} for a request. */
  public static Target resolve(
      OperationSpec.Resource entry, Params params, Caller caller, AccountState account) {
    String acct = account.accountId();
    Partition partition = account.partition();
    String value =
        entry.member() == null || !entry.form().readsInput() ? null : params.string(entry.member());
    return switch (entry.form()) {
      case USER -> value == null ? callerUser(caller, partition, acct) : user(account, value);
      case SELF_USER -> callerUser(caller, partition, acct);
      case GROUP -> {
        Group g = account.groups().get(value);
        yield g != null
            ? new Target(g.arn(), g)
            : new Target(Arns.iam(partition, acct, "group", "/", value), null);
      }
      case ROLE -> {
        Role r = account.roles().get(value);
        yield r != null
            ? new Target(r.arn(), r)
            : new Target(Arns.iam(partition, acct, "role", "/", value), null);
      }
      case INSTANCE_PROFILE -> {
        InstanceProfile p = account.instanceProfiles().get(value);
        yield p != null
            ? new Target(p.arn(), p)
            : new Target(Arns.iam(partition, acct, "instance-profile", "/", value), null);
      }
      case SERVER_CERTIFICATE -> {
        ServerCertificate c = ServerCertificates.of(account).store().get(value);
        yield c != null
            ? new Target(c.arn(), c)
            : new Target(Arns.iam(partition, acct, "server-certificate", "/", value), null);
      }
      case NEW_USER,
          NEW_GROUP,
          NEW_ROLE,
          NEW_INSTANCE_PROFILE,
          NEW_POLICY,
          NEW_MFA,
          NEW_SERVER_CERTIFICATE ->
          created(partition, acct, entry.form().resourceType(null), params, value);
      case NEW_OIDC ->
          new Target(iamPrefix(account) + "oidc-provider/" + withoutScheme(value), null);
      case NEW_SAML -> new Target(iamPrefix(account) + "saml-provider/" + value, null);
      case MFA ->
          new Target(
              value != null && value.startsWith("arn:")
                  ? value
                  : iamPrefix(account) + "mfa/" + value,
              null);
      case ARN -> arn(account, value);
      case KEY_OWNER -> {
        AccessKey key = value == null ? null : account.accessKeys().get(value);
        yield key != null && key.owner() != null
            ? new Target(key.owner().arn(), key.owner())
            : new Target("*", null);
      }
      case SERVICE_ROLE -> {
        String arn =
            ServiceLinkedRoleArns.arn(partition, acct, value, params.string("CustomSuffix"));
        yield new Target(arn == null ? "*" : arn, null);
      }
      case DELETION_TASK_ROLE -> new Target(deletionTaskRole(iamPrefix(account), value), null);
      case DELEGATION_REQUEST ->
          new Target(iamPrefix(account) + "delegation-request/" + value, null);
      case ACCESS_REPORT -> new Target(iamPrefix(account) + "access-report/" + value, null);
      // ListVirtualMFADevices takes no PathPrefix
      case LIST ->
          new Target(
              iamPrefix(account)
                  + entry.member()
                  + (params.carries("PathPrefix") ? params.string("PathPrefix") : "/"),
              null);
      case LIST_ALL -> new Target(iamPrefix(account) + entry.member() + "/*", null);
      case POLICY_PATH -> new Target("policy path " + params.string("PathPrefix", "/"), null);
      case FEDERATED_USER -> new Target(Arns.sts(partition, acct, "federated-user/" + value), null);
      case ROOT -> new Target(Arns.root(partition, accountOf(value)), null);
      case ACCOUNT, UNCHECKED -> new Target("*", null);
    };
  }

  private static Target user(AccountState account, String name) {
    User u = account.users().get(name);
    return u != null
        ? new Target(u.arn(), u)
        : new Target(Arns.iam(account.partition(), account.accountId(), "user", "/", name), null);
  }

  /**
   * {@code arn:PARTITION:iam::ACCOUNT:}, built only by the forms that need it (not for the caller's
   * own user, as in GetUser).
   */
  private static String iamPrefix(AccountState account) {
    return Arns.iamPrefix(account.partition(), account.accountId());
  }

  /** The calling user; callers that are not users act on the account. */
  private static Target callerUser(Caller caller, Partition partition, String acct) {
    if (caller.user() != null) {
      // A user's caller carries the user's ARN already (built once per request, not twice).
      String arn = caller.kind() == Caller.Kind.USER ? caller.arn() : caller.user().arn();
      return new Target(arn, caller.user());
    }
    return new Target(caller.kind() == Caller.Kind.ROOT ? Arns.root(partition, acct) : "*", null);
  }

  private static Target created(
      Partition partition, String acct, String type, Params params, String name) {
    return new Target(Arns.iam(partition, acct, type, params.string("Path", "/"), name), null);
  }

  /**
   * A policy, OIDC/SAML provider or principal named by ARN; managed policies are looked up for
   * their tags.
   */
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

  /**
   * The role a service-linked-role deletion task removes: task IDs read {@code
   * task/aws-service-role/SERVICE/ROLE/ID}; anything else is authorized against the account.
   */
  private static String deletionTaskRole(String iamPrefix, String taskId) {
    if (taskId == null || !taskId.startsWith("task/")) {
      return "*";
    }
    int last = taskId.lastIndexOf('/');
    String rolePath = taskId.substring("task".length(), last);
    return rolePath.length() > 1 ? iamPrefix + "role" + rolePath : "*";
  }

  /** AssumeRoot's TargetPrincipal: an account ID or a principal ARN of that account. */
  private static String accountOf(String target) {
    if (target == null) {
      return "";
    }
    String[] parts = target.split(":", 6);
    return parts.length == 6 ? parts[4] : target;
  }
}
