package io.iamlocal.policy.document;

import io.iamlocal.policy.document.JsonTree.Kind;
import io.iamlocal.policy.document.JsonTree.Node;
import io.iamlocal.policy.document.PolicyParseException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable IAM policy document: the original text exactly as received (IAM stores and returns
 * the bytes it was given) plus its parsed {@code Version}, {@code Id} and statements.
 *
 * <p>{@link #parse(String)} checks only JSON well-formedness and the shape of the grammar (element
 * names and value types); the rules that differ per policy kind live in {@code
 * validation.PolicyValidator}.
 */
public record PolicyDocument(String text, String version, String id, List<Statement> statements) {

  /** The current policy language version; the only one in which policy variables are recognised. */
  public static final String VERSION_2012_10_17 = "2012-10-17";

  /** The legacy version, also the default when {@code Version} is absent. */
  public static final String VERSION_2008_10_17 = "2008-10-17";

  private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_FIELDS =
      Set.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");

  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  /**
   * The language version in force: {@code Version} when present, else 2008-10-17 per
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
   */
  public String effectiveVersion() {
    return version == null ? VERSION_2008_10_17 : version;
  }

  /** Policy variables such as {@code ${aws:username}} are only substituted under 2012-10-17. */
  public boolean supportsVariables() {
    return VERSION_2012_10_17.equals(version);
  }

  /** Parses JSON text into a document, keeping {@code json} verbatim as {@link #text()}. */
  public static PolicyDocument parse(String json) throws PolicyParseException {
    Node root = JsonTree.parse(json);
    if (root.kind != Kind.OBJECT) {
      throw new PolicyParseException(Reason.INVALID_JSON, "policy is not a JSON object");
    }
    for (String name : root.fields.keySet()) {
      if (!TOP_LEVEL.contains(name)) {
        throw structure("unknown element " + name);
      }
    }
    String version = optionalString(root, "Version");
    String id = optionalString(root, "Id");
    Node statementNode = root.fields.get("Statement");
    if (statementNode == null || statementNode.kind == Kind.NULL) {
      throw structure("missing Statement");
    }
    List<Statement> statements = new ArrayList<>();
    if (statementNode.kind == Kind.OBJECT) {
      statements.add(statement(statementNode));
    } else if (statementNode.kind == Kind.ARRAY) {
      for (Node item : statementNode.items) {
        if (item.kind != Kind.OBJECT) {
          throw structure("statement is not an object");
        }
        statements.add(statement(item));
      }
    } else {
      throw structure("Statement must be an object or an array");
    }
    return new PolicyDocument(json, version, id, statements);
  }

  private static Statement statement(Node node) throws PolicyParseException {
    for (String name : node.fields.keySet()) {
      if (!STATEMENT_FIELDS.contains(name)) {
        throw structure("unknown statement element " + name);
      }
    }
    exclusive(node, "Principal", "NotPrincipal");
    exclusive(node, "Action", "NotAction");
    exclusive(node, "Resource", "NotResource");
    return new Statement(
        optionalString(node, "Sid"),
        optionalString(node, "Effect"),
        principal(node.fields.get("Principal")),
        principal(node.fields.get("NotPrincipal")),
        stringList(node.fields.get("Action")),
        stringList(node.fields.get("NotAction")),
        stringList(node.fields.get("Resource")),
        stringList(node.fields.get("NotResource")),
        conditions(node.fields.get("Condition")),
        node.range);
  }

  private static void exclusive(Node node, String a, String b) throws PolicyParseException {
    if (node.fields.containsKey(a) && node.fields.containsKey(b)) {
      throw structure("both " + a + " and " + b);
    }
  }

  private static String optionalString(Node node, String name) throws PolicyParseException {
    Node value = node.fields.get(name);
    if (value == null) {
      return null;
    }
    if (value.kind != Kind.STRING) {
      throw structure(name + " must be a string");
    }
    return value.text;
  }

  private static List<String> stringList(Node node) throws PolicyParseException {
    if (node == null) {
      return null;
    }
    if (node.kind == Kind.STRING) {
      return List.of(node.text);
    }
    if (node.kind != Kind.ARRAY) {
      throw structure("expected a string or an array of strings");
    }
    List<String> values = new ArrayList<>(node.items.size());
    for (Node item : node.items) {
      if (item.kind != Kind.STRING) {
        throw structure("expected a string");
      }
      values.add(item.text);
    }
    return values;
  }

  private static Principal principal(Node node) throws PolicyParseException {
    if (node == null) {
      return null;
    }
    if (node.kind == Kind.STRING) {
      if (!"*".equals(node.text)) {
        throw structure("a bare principal string must be \"*\"");
      }
      return Principal.wildcard();
    }
    if (node.kind != Kind.OBJECT) {
      throw structure("Principal must be \"*\" or an object");
    }
    Map<String, List<String>> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : node.fields.entrySet()) {
      entries.put(e.getKey(), stringList(e.getValue()));
    }
    return new Principal(false, entries);
  }

  private static List<ConditionEntry> conditions(Node node) throws PolicyParseException {
    if (node == null) {
      return List.of();
    }
    if (node.kind != Kind.OBJECT) {
      throw structure("Condition must be an object");
    }
    List<ConditionEntry> entries = new ArrayList<>();
    for (Map.Entry<String, Node> op : node.fields.entrySet()) {
      if (op.getValue().kind != Kind.OBJECT) {
        throw structure("condition operator " + op.getKey() + " must map keys to values");
      }
      for (Map.Entry<String, Node> key : op.getValue().fields.entrySet()) {
        entries.add(new ConditionEntry(op.getKey(), key.getKey(), scalars(key.getValue())));
      }
    }
    return entries;
  }

  private static List<String> scalars(Node node) throws PolicyParseException {
    if (node.isScalar()) {
      return List.of(node.text);
    }
    if (node.kind != Kind.ARRAY) {
      throw structure("condition values must be strings, numbers, booleans or an array of them");
    }
    List<String> values = new ArrayList<>(node.items.size());
    for (Node item : node.items) {
      if (!item.isScalar()) {
        throw structure("condition values must be strings, numbers or booleans");
      }
      values.add(item.text);
    }
    return values;
  }

  private static PolicyParseException structure(String detail) {
    return new PolicyParseException(Reason.INVALID_STRUCTURE, detail);
  }
}
