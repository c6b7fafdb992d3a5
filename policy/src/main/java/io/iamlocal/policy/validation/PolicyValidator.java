package io.iamlocal.policy.validation;

import io.iamlocal.policy.document.ConditionEntry;
import io.iamlocal.policy.document.ConditionOperator;
import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.PolicyParseException;
import io.iamlocal.policy.document.PolicyVariables;
import io.iamlocal.policy.document.Principal;
import io.iamlocal.policy.document.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and checks policy documents the way IAM/STS do before storing them, failing with AWS's
 * exact {@code MalformedPolicyDocument} message.
 *
 * <p>When a document has several faults AWS reports one. The order below is the one the real-AWS
 * recordings show (policy module test {@code AwsRecordedPolicyDocumentsTest}): grammar ("Syntax
 * errors in policy."), the managed-policy Version rule, the legacy parser (Effect case, short ARNs,
 * Date values), Sid uniqueness, actions present, resources present, resource format, action format,
 * then the kind-specific rules.
 */
public final class PolicyValidator {

  private static final Set<String> VERSIONS =
      Set.of(PolicyDocument.VERSION_2008_10_17, PolicyDocument.VERSION_2012_10_17);
  private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9*?.-]+");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern AWS_PRINCIPAL_ARN =
      Pattern.compile(
          "arn:[a-z-]+:(iam::\\d{12}:(root|user/.+|role/.+)|sts::\\d{12}:(assumed-role/[^/]+/.+|federated-user/.+))");
  private static final Pattern UNIQUE_ID = Pattern.compile("A(IDA|ROA)[A-Z0-9]{10,}");
  private static final Set<String> PRINCIPAL_TYPES =
      Set.of(Principal.AWS, Principal.SERVICE, Principal.FEDERATED, Principal.CANONICAL_USER);

  private PolicyValidator() {}

  /** Parses {@code json} and applies the rules for {@code kind}. */
  public static PolicyDocument parseAndValidate(String json, PolicyKind kind)
      throws PolicyValidationException {
    return parseAndValidate(json, kind, ValidationOptions.DEFAULT);
  }

  /**
   * As {@link #parseAndValidate(String, PolicyKind)}, with principal existence checks from {@code
   * options}.
   */
  public static PolicyDocument parseAndValidate(
      String json, PolicyKind kind, ValidationOptions options) throws PolicyValidationException {
    PolicyDocument doc;
    try {
      doc = PolicyDocument.parse(json);
    } catch (PolicyParseException e) {
      // Trust policies report malformed JSON with their own text (CreateRole /
      // UpdateAssumeRolePolicy).
      boolean trustJson =
          kind == PolicyKind.TRUST && e.reason() == PolicyParseException.Reason.INVALID_JSON;
      throw new PolicyValidationException(
          trustJson ? ValidationMessages.INVALID_JSON : ValidationMessages.SYNTAX_ERRORS);
    }
    validate(doc, kind, options);
    return doc;
  }

  /** Applies the rules for {@code kind} to an already parsed document. */
  public static void validate(PolicyDocument doc, PolicyKind kind)
      throws PolicyValidationException {
    validate(doc, kind, ValidationOptions.DEFAULT);
  }

  /**
   * As {@link #validate(PolicyDocument, PolicyKind)}, with principal existence checks from {@code
   * options}.
   */
  public static void validate(PolicyDocument doc, PolicyKind kind, ValidationOptions options)
      throws PolicyValidationException {
    List<Statement> statements = doc.statements();
    checkGrammar(doc);
    if (kind == PolicyKind.MANAGED && !doc.supportsVariables()) {
      fail(ValidationMessages.VERSION_TOO_OLD);
    }
    checkLegacyParsing(statements, options.partition());
    boolean legacy = !doc.supportsVariables();
    if (legacy && usesVariables(statements)) {
      fail(ValidationMessages.VERSION_TOO_OLD);
    }
    if (legacy && firstFormatProblem(statements, options.partition()) != null) {
      // Without Version 2012-10-17 IAM uses only its legacy parser, which reports any malformed
      // element the
      // same way (e.g. a 5-field IAM ARN in a policy without Version,
      // Graylog2/graylog-plugin-aws#172).
      fail(ValidationMessages.LEGACY_PARSING);
    }
    Set<String> sids = new HashSet<>();
    for (Statement s : statements) {
      if (s.sid() != null && !s.sid().isEmpty() && !sids.add(s.sid())) {
        fail(ValidationMessages.DUPLICATE_SID);
      }
    }
    for (Statement s : statements) {
      if (s.actions() == null || s.actions().isEmpty()) {
        fail(ValidationMessages.MISSING_ACTIONS);
      }
    }
    checkKindRules(statements, kind);
    String problem = firstFormatProblem(statements, options.partition());
    if (problem != null) {
      fail(problem);
    }
    if (kind == PolicyKind.TRUST) {
      checkTrustActions(statements);
    }
    if (!kind.identityGrammar()) {
      for (Statement s : statements) {
        checkPrincipalValues(s.principal() != null ? s.principal() : s.notPrincipal(), options);
      }
    }
  }

  /**
   * What the parser leaves to the grammar: known Version, at least one statement, Effect, operator
   * names.
   */
  private static void checkGrammar(PolicyDocument doc) throws PolicyValidationException {
    if (doc.version() != null && !VERSIONS.contains(doc.version())) {
      fail(ValidationMessages.SYNTAX_ERRORS);
    }
    if (doc.statements().isEmpty()) {
      fail(ValidationMessages.SYNTAX_ERRORS);
    }
    for (Statement s : doc.statements()) {
      if (!"Allow".equalsIgnoreCase(s.effect()) && !"Deny".equalsIgnoreCase(s.effect())) {
        fail(ValidationMessages.SYNTAX_ERRORS);
      }
      for (ConditionEntry c : s.conditions()) {
        if (ConditionOperator.parse(c.operator()) == null) {
          fail(ValidationMessages.SYNTAX_ERRORS);
        }
      }
    }
  }

  /**
   * Effect in the exact case, no short ARN with an empty field, Date condition values that are
   * dates.
   */
  private static void checkLegacyParsing(List<Statement> statements, String partition)
      throws PolicyValidationException {
    for (Statement s : statements) {
      if (!"Allow".equals(s.effect()) && !"Deny".equals(s.effect())) {
        fail(ValidationMessages.LEGACY_PARSING);
      }
      if (s.resources() != null) {
        for (String r : s.resources()) {
          if (!ResourceGrammar.passesLegacyParsing(r, partition)) {
            fail(ValidationMessages.LEGACY_PARSING);
          }
        }
      }
      for (ConditionEntry c : s.conditions()) {
        if (ConditionOperator.parse(c.operator()).base().category()
                == ConditionOperator.Category.DATE
            && !c.values().stream().allMatch(DateConditionValues::isValid)) {
          fail(ValidationMessages.LEGACY_PARSING);
        }
      }
    }
  }

  private static void checkKindRules(List<Statement> statements, PolicyKind kind)
      throws PolicyValidationException {
    for (Statement s : statements) {
      if (kind.identityGrammar()) {
        if (s.hasPrincipalElement()) {
          fail(ValidationMessages.PRINCIPAL_NOT_ALLOWED);
        }
        if (s.resources() == null || s.resources().isEmpty()) {
          fail(ValidationMessages.MISSING_RESOURCES);
        }
      } else if (kind == PolicyKind.TRUST) {
        if (s.resource() != null) {
          fail(ValidationMessages.prohibitedField("Resource"));
        }
        if (s.notResource() != null) {
          fail(ValidationMessages.prohibitedField("NotResource"));
        }
        requirePrincipal(s);
      } else {
        requirePrincipal(s);
        if (s.resources() == null || s.resources().isEmpty()) {
          fail(ValidationMessages.MISSING_RESOURCES);
        }
      }
    }
  }

  private static void requirePrincipal(Statement s) throws PolicyValidationException {
    Principal p = s.principal() != null ? s.principal() : s.notPrincipal();
    if (p == null || p.isEmpty()) {
      fail(ValidationMessages.MISSING_PRINCIPAL);
    }
  }

  private static void checkPrincipalValues(Principal p, ValidationOptions options)
      throws PolicyValidationException {
    if (p == null || p.anonymousWildcard()) {
      return;
    }
    for (Map.Entry<String, List<String>> e : p.entries().entrySet()) {
      String type = e.getKey();
      for (String value : e.getValue()) {
        if (!PRINCIPAL_TYPES.contains(type) || value.isEmpty()) {
          fail(ValidationMessages.invalidPrincipal(type, value));
        }
        if (type.equals(Principal.AWS)) {
          checkAwsPrincipal(value, options);
        }
        // A provider ARN of another partition (arn:aws:…:oidc-provider/… from GovCloud) names no
        // provider
        // IAM can federate with; IAM there answers so (users' reports).
        if (type.equals(Principal.FEDERATED)
            && value.startsWith("arn:")
            && !value.startsWith("arn:" + options.partition() + ":")) {
          fail(ValidationMessages.FEDERATED_PRINCIPAL);
        }
      }
    }
  }

  private static void checkAwsPrincipal(String value, ValidationOptions options)
      throws PolicyValidationException {
    if (value.equals("*")
        || ACCOUNT_ID.matcher(value).matches()
        || UNIQUE_ID.matcher(value).matches()) {
      return;
    }
    // Principals cannot be partly wildcarded (no "user/*", no "all sessions"): only "*" on its own.
    // Nor can
    // they be of another partition (IAM in GovCloud refuses "arn:aws:iam::…:root" so).
    if (!AWS_PRINCIPAL_ARN.matcher(value).matches()
        || value.indexOf('*') >= 0
        || value.indexOf('?') >= 0
        || !value.startsWith("arn:" + options.partition() + ":")) {
      fail(ValidationMessages.invalidPrincipal(Principal.AWS, value));
    }
    boolean entity = value.contains(":user/") || value.contains(":role/");
    if (entity && value.startsWith("arn:") && !options.awsPrincipalExists().test(value)) {
      fail(ValidationMessages.invalidPrincipal(Principal.AWS, value));
    }
  }

  /**
   * The first resource format fault of any statement, else the first action format fault, or null.
   */
  private static String firstFormatProblem(List<Statement> statements, String partition) {
    for (Statement s : statements) {
      for (String r : s.resources() == null ? List.<String>of() : s.resources()) {
        String problem = ResourceGrammar.problem(r, partition);
        if (problem != null) {
          return problem;
        }
      }
    }
    for (Statement s : statements) {
      for (String a : s.actions() == null ? List.<String>of() : s.actions()) {
        String problem = actionProblem(a);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  /**
   * Trust policies may only allow STS's role-assumption actions (wildcards that cover one of them
   * pass).
   */
  private static void checkTrustActions(List<Statement> statements)
      throws PolicyValidationException {
    for (Statement s : statements) {
      for (String a : s.action() == null ? List.<String>of() : s.action()) {
        if (!TrustActions.allowed(a)) {
          fail(ValidationMessages.TRUST_ACTIONS);
        }
      }
    }
  }

  static String actionProblem(String action) {
    if (action.equals("*")) {
      return null;
    }
    int colon = action.indexOf(':');
    if (colon < 0) {
      return ValidationMessages.VENDOR_PREFIX;
    }
    if (action.indexOf(':', colon + 1) >= 0) {
      return ValidationMessages.ONE_COLON;
    }
    String vendor = action.substring(0, colon);
    if (!VENDOR.matcher(vendor).matches()) {
      return ValidationMessages.invalidVendor(vendor);
    }
    return null;
  }

  private static boolean usesVariables(List<Statement> statements) {
    for (Statement s : statements) {
      if (s.resources() != null
          && s.resources().stream().anyMatch(PolicyVariables::containsVariable)) {
        return true;
      }
      for (ConditionEntry c : s.conditions()) {
        ConditionOperator op = ConditionOperator.parse(c.operator());
        if (op != null
            && op.base().supportsVariables()
            && c.values().stream().anyMatch(PolicyVariables::containsVariable)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void fail(String message) throws PolicyValidationException {
    throw new PolicyValidationException(message);
  }
}
