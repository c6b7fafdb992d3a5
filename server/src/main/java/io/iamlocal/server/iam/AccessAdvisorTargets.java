package io.iamlocal.server.iam;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.PolicyParseException;
import io.iamlocal.policy.document.Statement;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.AwsManagedPolicyCatalog;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyAttachments;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.ServiceLastAccessedJobs.Entity;
import io.iamlocal.server.state.ServiceNames;
import io.iamlocal.server.state.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the {@code Arn} of the access advisor operations to an IAM user, group, role or managed
 * policy, the principals its report covers and the policies that apply to it, and tells which
 * service namespaces a policy grants.
 */
final class AccessAdvisorTargets {
  private AccessAdvisorTargets() {}

  /**
   * What an ARN names: its kind, the report's principals and the policies (name, document, ARN).
   */
  record Target(String type, String arn, List<Entity> principals, List<PolicyRef> policies) {}

  /** One policy that applies to a target: inline ones carry their owner, managed ones their ARN. */
  record PolicyRef(
      String policyName, String policyArn, String ownerType, String ownerName, String document) {}

  static Target resolve(AccountState account, String arn, boolean policiesAllowed) {
    String prefix = Arns.iamPrefix(account.partition(), account.accountId());
    if (arn.startsWith(AwsManagedPolicyCatalog.arnPrefix(account.partition()) + "/")
        && policiesAllowed) {
      return policyTarget(account, arn);
    }
    if (!arn.startsWith(prefix)) {
      throw invalidArn(arn);
    }
    String resource = arn.substring(prefix.length());
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    if (resource.startsWith("user/")) {
      User user = account.users().get(name);
      if (user == null || !user.arn().equals(arn)) {
        throw AwsServiceException.noSuchEntity("The user with name " + name + " cannot be found.");
      }
      List<PolicyRef> policies = new ArrayList<>();
      addPolicies(policies, user.policies(), "USER", user.userName());
      for (Group group : user.groups()) {
        addPolicies(policies, group.policies(), "GROUP", group.groupName());
      }
      return new Target("USER", arn, List.of(entity(user)), policies);
    }
    if (resource.startsWith("group/")) {
      Group group = account.groups().get(name);
      if (group == null || !group.arn().equals(arn)) {
        throw AwsServiceException.noSuchEntity("The group with name " + name + " cannot be found.");
      }
      List<PolicyRef> policies = new ArrayList<>();
      addPolicies(policies, group.policies(), "GROUP", group.groupName());
      return new Target(
          "GROUP",
          arn,
          group.members().stream().map(AccessAdvisorTargets::entity).toList(),
          policies);
    }
    if (resource.startsWith("role/")) {
      Role role = account.roles().get(name);
      if (role == null || !role.arn().equals(arn)) {
        throw AwsServiceException.noSuchEntity("The role with name " + name + " cannot be found.");
      }
      List<PolicyRef> policies = new ArrayList<>();
      addPolicies(policies, role.policies(), "ROLE", role.roleName());
      return new Target("ROLE", arn, List.of(entity(role)), policies);
    }
    if (resource.startsWith("policy/") && policiesAllowed) {
      return policyTarget(account, arn);
    }
    throw invalidArn(arn);
  }

  private static Target policyTarget(AccountState account, String arn) {
    ManagedPolicy policy = PolicyStore.of(account).find(arn);
    if (policy == null) {
      throw AwsServiceException.noSuchEntity("Policy " + arn + " was not found.");
    }
    Set<Entity> principals = new LinkedHashSet<>();
    policy.attachedUsers().forEach(u -> principals.add(entity(u)));
    policy.attachedGroups().forEach(g -> g.members().forEach(u -> principals.add(entity(u))));
    policy.attachedRoles().forEach(r -> principals.add(entity(r)));
    String document = policy.defaultVersion() == null ? null : policy.defaultVersion().document();
    return new Target(
        "POLICY",
        arn,
        List.copyOf(principals),
        List.of(new PolicyRef(policy.policyName(), policy.arn(), null, null, document)));
  }

  private static void addPolicies(
      List<PolicyRef> out, PolicyAttachments attachments, String ownerType, String ownerName) {
    attachments
        .inline()
        .forEach(
            (name, document) -> out.add(new PolicyRef(name, null, ownerType, ownerName, document)));
    for (ManagedPolicy policy : attachments.attached().values()) {
      String document = policy.defaultVersion() == null ? null : policy.defaultVersion().document();
      out.add(new PolicyRef(policy.policyName(), policy.arn(), null, null, document));
    }
  }

  static Entity entity(User user) {
    return new Entity("USER", user.arn(), user.userName(), user.userId(), user.path());
  }

  static Entity entity(Role role) {
    return new Entity("ROLE", role.arn(), role.roleName(), role.roleId(), role.path());
  }

  /** Namespaces of the services every policy of the target allows, sorted. */
  static Set<String> allowedServices(List<PolicyRef> policies) {
    Set<String> out = new TreeSet<>();
    for (PolicyRef policy : policies) {
      out.addAll(servicesGranted(policy.document()));
    }
    return out;
  }

  /**
   * The service namespaces a policy document's Allow statements grant some action of: the prefix of
   * each {@code Action} ({@code *} stands for the services IAMLocal serves), and for {@code
   * NotAction} the served services it does not exclude entirely.
   */
  static Set<String> servicesGranted(String document) {
    Set<String> out = new TreeSet<>();
    if (document == null) {
      return out;
    }
    PolicyDocument parsed;
    try {
      parsed = PolicyDocument.parse(document);
    } catch (PolicyParseException | RuntimeException e) {
      return out; // stored documents were validated; an unreadable one grants nothing here
    }
    for (Statement statement : parsed.statements()) {
      if (!"Allow".equals(statement.effect())) {
        continue;
      }
      if (statement.action() != null) {
        for (String action : statement.action()) {
          int colon = action.indexOf(':');
          if ("*".equals(action)) {
            out.addAll(ServiceNames.SERVED);
          } else if (colon > 0 && !action.substring(0, colon).contains("*")) {
            out.add(action.substring(0, colon).toLowerCase(Locale.ROOT));
          }
        }
      } else if (statement.notAction() != null) {
        for (String ns : ServiceNames.SERVED) {
          boolean excludedWhole =
              statement.notAction().stream()
                  .anyMatch(a -> "*".equals(a) || a.equalsIgnoreCase(ns + ":*"));
          if (!excludedWhole) {
            out.add(ns);
          }
        }
      }
    }
    return out;
  }

  static AwsServiceException invalidArn(String arn) {
    return AwsServiceException.invalidInput("ARN " + arn + " is not valid.");
  }
}
