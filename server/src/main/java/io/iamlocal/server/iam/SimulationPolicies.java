package io.iamlocal.server.iam;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.PolicyParseException;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.policy.validation.PolicyKind;
import io.iamlocal.policy.validation.PolicyValidationException;
import io.iamlocal.policy.validation.PolicyValidator;
import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.authz.PolicyCache;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyAttachments;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policies a simulation runs on: the documents of a PolicySourceArn entity (named as the
 * simulator names them: {@code user_alice_Inline} for inline policies, the policy name for managed
 * ones), and the documents passed as strings ({@code PolicyInputList.1}, {@code ResourcePolicy}…),
 * which must be valid policies (InvalidInput otherwise: the simulator's errors are InvalidInput and
 * PolicyEvaluation, not MalformedPolicyDocument).
 */
final class SimulationPolicies {
  /** A parsed document and the simulator's name for it. */
  record Named(PolicyDocument document, String id, PolicySourceType type) {
    CompiledPolicy compile() {
      // Compiled once per document text: large documents are slow to compile
      // (bench/results/design-measurements.md).
      CompiledPolicy cached =
          document.text() == null ? null : PolicyCache.shared().get(document.text(), id, type);
      return cached != null ? cached : CompiledPolicy.compile(document, id, type);
    }
  }

  /**
   * A PolicySourceArn entity: its ARN, identity policies in evaluation order, and its boundary, if
   * any.
   */
  record Entity(String type, String arn, String accountId, List<Named> identity, Named boundary) {}

  private SimulationPolicies() {}

  /**
   * Resolves a PolicySourceArn to a user (with its groups' policies), group or role of this
   * account. Anything else is InvalidInput with the texts AWS was seen to send.
   */
  static Entity entity(AccountState account, String arn) {
    String[] parts = arn.split(":", 6);
    String resource = parts.length == 6 ? parts[5] : "";
    int slash = resource.indexOf('/');
    String type = slash < 0 ? "" : resource.substring(0, slash);
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    boolean entityType = type.equals("user") || type.equals("group") || type.equals("role");
    if (!parts[0].equals("arn")
        || parts.length != 6
        || !parts[2].equals("iam")
        || !entityType
        || name.isEmpty()) {
      throw AwsServiceException.invalidInput(
          "Invalid Entity Arn: " + arn + " does not clearly define entity type and name.");
    }
    if (!parts[4].equals(account.accountId())) {
      throw AwsServiceException.invalidInput(
          "Invalid Policy Source Arn: caller's account "
              + account.accountId()
              + " does not have access to policies in account "
              + parts[4]);
    }
    List<Named> identity = new ArrayList<>();
    switch (type) {
      case "user" -> {
        User user = IamUsers.require(account, name);
        requireArn(user.arn(), arn, "user", name);
        addAll(identity, account, "user", user.userName(), user.policies());
        for (Group group : user.groups()) {
          addAll(identity, account, "group", group.groupName(), group.policies());
        }
        return new Entity(
            type,
            user.arn(),
            account.accountId(),
            identity,
            boundary(account, user.permissionsBoundaryArn()));
      }
      case "group" -> {
        Group group = IamGroups.require(account, name);
        requireArn(group.arn(), arn, "group", name);
        addAll(identity, account, "group", group.groupName(), group.policies());
        return new Entity(type, group.arn(), account.accountId(), identity, null);
      }
      default -> {
        Role role = IamRoles.require(account, name);
        requireArn(role.arn(), arn, "role", name);
        addAll(identity, account, "role", role.roleName(), role.policies());
        return new Entity(
            type,
            role.arn(),
            account.accountId(),
            identity,
            boundary(account, role.permissionsBoundaryArn()));
      }
    }
  }

  /** A name that exists under another path is still no such entity. */
  private static void requireArn(String actual, String requested, String type, String name) {
    if (!actual.equals(requested)) {
      throw AwsServiceException.noSuchEntity(
          "The " + type + " with name " + name + " cannot be found.");
    }
  }

  private static void addAll(
      List<Named> out,
      AccountState account,
      String type,
      String entityName,
      PolicyAttachments policies) {
    PolicySourceType inlineType =
        switch (type) {
          case "user" -> PolicySourceType.USER;
          case "group" -> PolicySourceType.GROUP;
          default -> PolicySourceType.ROLE;
        };
    for (Map.Entry<String, String> inline : policies.inline().entrySet()) {
      String id = type + "_" + entityName + "_" + inline.getKey();
      out.add(new Named(stored(inline.getValue(), id, inlineType), id, inlineType));
    }
    for (ManagedPolicy managed : policies.attached().values()) {
      out.add(
          managed(
              managed,
              managed.isAwsManaged()
                  ? PolicySourceType.AWS_MANAGED
                  : PolicySourceType.USER_MANAGED));
    }
  }

  private static Named boundary(AccountState account, String boundaryArn) {
    if (boundaryArn == null) {
      return null;
    }
    ManagedPolicy policy = PolicyStore.of(account).find(boundaryArn);
    return policy == null ? null : managed(policy, PolicySourceType.PERMISSIONS_BOUNDARY);
  }

  private static Named managed(ManagedPolicy policy, PolicySourceType type) {
    return new Named(
        stored(policy.defaultVersion().document(), policy.policyName(), type),
        policy.policyName(),
        type);
  }

  /** A stored document, parsed once: the cached compilation carries it. */
  private static PolicyDocument stored(String json, String id, PolicySourceType type) {
    CompiledPolicy cached = PolicyCache.shared().get(json, id, type);
    return cached != null ? cached.document() : stored(json);
  }

  /**
   * Stored documents were validated when written; one that no longer parses cannot be evaluated.
   */
  private static PolicyDocument stored(String json) {
    try {
      return PolicyDocument.parse(json);
    } catch (PolicyParseException e) {
      throw new AwsServiceException(
          AwsErrorCode.POLICY_EVALUATION,
          "A stored policy could not be evaluated: " + e.getMessage());
    }
  }

  /** {@code PolicyInputList}-style documents named {@code <member>.1}, {@code <member>.2}… */
  static List<Named> inputs(
      AccountState account,
      List<String> documents,
      String member,
      PolicyKind kind,
      PolicySourceType type) {
    List<Named> out = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      out.add(new Named(validate(account, documents.get(i), kind), member + "." + (i + 1), type));
    }
    return out;
  }

  /**
   * The ResourcePolicy input: a resource-based policy, or a role trust policy (which has no
   * Resource).
   */
  static Named resourcePolicy(AccountState account, String json) {
    PolicyDocument doc;
    try {
      doc =
          PolicyValidator.parseAndValidate(
              json, PolicyKind.RESOURCE, PolicyDocuments.options(account));
    } catch (PolicyValidationException asResource) {
      try {
        doc =
            PolicyValidator.parseAndValidate(
                json, PolicyKind.TRUST, PolicyDocuments.options(account));
      } catch (PolicyValidationException asTrust) {
        throw AwsServiceException.invalidInput(asResource.getMessage());
      }
    }
    return new Named(doc, "ResourcePolicy", PolicySourceType.RESOURCE);
  }

  /**
   * Any policy a user might ask context keys for: identity first, then resource and trust grammar.
   */
  static PolicyDocument anyKind(AccountState account, String json) {
    PolicyValidationException first = null;
    for (PolicyKind kind :
        new PolicyKind[] {PolicyKind.IDENTITY, PolicyKind.RESOURCE, PolicyKind.TRUST}) {
      try {
        return PolicyValidator.parseAndValidate(json, kind, PolicyDocuments.options(account));
      } catch (PolicyValidationException e) {
        first = first == null ? e : first;
      }
    }
    throw AwsServiceException.invalidInput(first.getMessage());
  }

  private static PolicyDocument validate(AccountState account, String json, PolicyKind kind) {
    try {
      return PolicyValidator.parseAndValidate(json, kind, PolicyDocuments.options(account));
    } catch (PolicyValidationException e) {
      throw AwsServiceException.invalidInput(e.getMessage());
    }
  }

  static List<CompiledPolicy> compile(List<Named> policies) {
    return policies.stream().map(Named::compile).toList();
  }
}
