package io.iamlocal.policy.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random authorization cases for {@link DifferentialAgainstIamSimulateTest}: identity
 * policies, an optional permissions boundary and resource policy, and a request (caller, action,
 * resource, context keys).
 *
 * <p>The cases stay on services without service-specific authorization rules (EC2, DynamoDB, SQS,
 * Lambda) and use every condition operator family, set qualifiers, IfExists, Null,
 * NotAction/NotResource, Principal/NotPrincipal, policy variables, same- and cross-account
 * resources. One thing is deliberately not generated: an operator without a set qualifier on a
 * multivalued key (aws:TagKeys); see known-differences.json, "notGenerated".
 */
final class DifferentialCases {

  static final String ACCOUNT = "111122223333";
  static final String OTHER = "444455556666";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] PRINCIPALS = {
    "arn:aws:iam::" + ACCOUNT + ":user/alice",
    "arn:aws:iam::" + ACCOUNT + ":user/bob",
    "arn:aws:sts::" + ACCOUNT + ":assumed-role/AppRole/session1",
    "arn:aws:iam::" + OTHER + ":user/carol",
  };
  private static final String[][] ACTIONS = {
    {"ec2", "RunInstances", "DescribeInstances", "TerminateInstances", "StartInstances"},
    {"dynamodb", "GetItem", "PutItem", "DeleteItem", "Query"},
    {"sqs", "SendMessage", "ReceiveMessage", "DeleteMessage"},
    {"lambda", "InvokeFunction", "GetFunction", "DeleteFunction"},
  };

  /** One case: what both engines are asked. */
  record Case(
      int id,
      String principal,
      String action,
      String resource,
      String resourceAccount,
      Map<String, Object> context,
      List<String> identity,
      List<String> boundary,
      String resourcePolicy) {

    String toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("principal", principal);
      m.put("action", action);
      m.put("resource", resource);
      m.put("resourceAccount", resourceAccount);
      m.put("context", context);
      m.put("identity", identity);
      m.put("boundary", boundary);
      m.put("resourcePolicy", resourcePolicy);
      return write(m);
    }
  }

  private final Random random;

  DifferentialCases(long seed) {
    this.random = new Random(seed);
  }

  List<Case> generate(int count) {
    List<Case> cases = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      cases.add(next(i));
    }
    return cases;
  }

  private Case next(int id) {
    String principal = pick(PRINCIPALS);
    String[] service = ACTIONS[random.nextInt(ACTIONS.length)];
    String action = service[0] + ":" + service[1 + random.nextInt(service.length - 1)];
    String account = chance(0.8) ? ACCOUNT : OTHER;
    String resource = resource(service[0], account);
    List<String> identity = new ArrayList<>();
    int policies = random.nextInt(3) + (chance(0.9) ? 1 : 0);
    for (int p = 0; p < policies; p++) {
      identity.add(policy(service[0], false, principal));
    }
    List<String> boundary = chance(0.25) ? List.of(policy(service[0], false, principal)) : null;
    String resourcePolicy = chance(0.35) ? policy(service[0], true, principal) : null;
    return new Case(
        id,
        principal,
        action,
        resource,
        account,
        context(principal),
        identity,
        boundary,
        resourcePolicy);
  }

  private String resource(String service, String account) {
    String prefix = "arn:aws:" + service + ":us-east-1:" + account + ":";
    return switch (service) {
      case "ec2" -> prefix + pick("instance/i-0123", "instance/i-0abc", "volume/vol-1");
      case "dynamodb" ->
          prefix + pick("table/Orders", "table/Users", "table/alice", "table/Orders/index/ByDate");
      case "sqs" -> prefix + pick("jobs", "jobs-dlq", "alice");
      default -> prefix + pick("function:resize", "function:alice", "function:resize:PROD");
    };
  }

  /**
   * A policy of 1-3 statements, mostly about {@code service}; resource policies carry a Principal.
   */
  private String policy(String service, boolean resourceBased, String principal) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", chance(0.95) ? "2012-10-17" : "2008-10-17");
    List<Object> statements = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      statements.add(
          statement(
              chance(0.85) ? service : pick("ec2", "dynamodb", "sqs", "lambda"),
              resourceBased,
              principal,
              doc.get("Version").equals("2012-10-17")));
    }
    doc.put("Statement", statements);
    return write(doc);
  }

  private Map<String, Object> statement(
      String service, boolean resourceBased, String principal, boolean variables) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Effect", chance(0.7) ? "Allow" : "Deny");
    if (resourceBased) {
      // NotPrincipal "must be used with Effect Deny; using it with Allow is not supported" (AWS).
      if (s.get("Effect").equals("Deny") && chance(0.2)) {
        s.put("NotPrincipal", Map.of("AWS", principalValue(principal)));
      } else {
        s.put("Principal", chance(0.1) ? "*" : Map.of("AWS", principalValue(principal)));
      }
    }
    s.put(chance(0.1) ? "NotAction" : "Action", oneOrMany(this::actionPattern, service));
    s.put(
        chance(0.1) ? "NotResource" : "Resource",
        oneOrMany(svc -> resourcePattern(svc, variables), service));
    if (chance(0.5)) {
      Map<String, Map<String, Object>> condition = new LinkedHashMap<>();
      int conditions = 1 + random.nextInt(2);
      for (int i = 0; i < conditions; i++) {
        addCondition(condition);
      }
      s.put("Condition", condition);
    }
    return s;
  }

  private Object oneOrMany(java.util.function.Function<String, String> gen, String service) {
    if (chance(0.7)) {
      return gen.apply(service);
    }
    List<String> values = new ArrayList<>();
    int n = 2 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      values.add(gen.apply(service));
    }
    return values;
  }

  private String principalValue(String principal) {
    String account = principal.split(":")[4];
    return switch (random.nextInt(7)) {
      case 0 -> principal;
      case 1 -> "arn:aws:iam::" + account + ":root";
      case 2 -> account;
      case 3 -> "arn:aws:iam::" + ACCOUNT + ":role/AppRole";
      case 4 -> "arn:aws:iam::" + ACCOUNT + ":user/bob";
      case 5 -> "arn:aws:iam::" + OTHER + ":root";
      default -> principal;
    };
  }

  private String actionPattern(String service) {
    String[] actions = ACTIONS[indexOf(service)];
    String name = actions[1 + random.nextInt(actions.length - 1)];
    return switch (random.nextInt(10)) {
      case 0 -> "*";
      case 1 -> service + ":*";
      case 2 -> service + ":" + name.substring(0, 3) + "*";
      case 3 -> service + ":*" + name.substring(name.length() - 4);
      case 4 -> service + ":" + "?" + name.substring(1);
      case 5 -> service.toUpperCase() + ":" + name.toLowerCase();
      default -> service + ":" + name;
    };
  }

  private String resourcePattern(String service, boolean variables) {
    String account = chance(0.85) ? ACCOUNT : OTHER;
    String exact = resource(service, account);
    return switch (random.nextInt(12)) {
      case 0, 1 -> "*";
      case 2 -> "arn:aws:" + service + ":*:*:*";
      case 3 -> "arn:aws:" + service + ":us-east-1:" + account + ":*";
      case 4 -> exact.substring(0, exact.length() - 2) + "*";
      case 5 -> exact.substring(0, exact.length() - 1) + "?";
      case 6 -> "arn:aws:" + service + ":*:" + account + ":" + exact.split(":", 6)[5];
      case 7 ->
          variables
              ? exact.substring(0, exact.lastIndexOf(exact.contains("/") ? '/' : ':') + 1)
                  + "${aws:username}"
              : exact;
      case 8 -> chance(0.3) ? exact.toLowerCase() : exact;
      default -> exact;
    };
  }

  /** Condition keys with their value generators, by type. */
  private void addCondition(Map<String, Map<String, Object>> condition) {
    String op;
    String key;
    Object values;
    switch (random.nextInt(9)) {
      case 0 -> {
        key = pick("aws:PrincipalTag/team", "aws:RequestedRegion");
        op =
            pick(
                "StringEquals",
                "StringNotEquals",
                "StringLike",
                "StringNotLike",
                "StringEqualsIgnoreCase",
                "StringNotEqualsIgnoreCase");
        values =
            key.equals("aws:RequestedRegion")
                ? manyOf("us-east-1", "eu-west-1", "us-*")
                : manyOf("red", "blue", "Red", "r*", "b?ue");
      }
      case 1 -> {
        key = "aws:TagKeys";
        op =
            pick("ForAnyValue:", "ForAllValues:")
                + pick("StringEquals", "StringLike", "StringNotEquals", "StringNotLike");
        values = manyOf("a", "b", "c*");
      }
      case 2 -> {
        key = "aws:MultiFactorAuthAge";
        op =
            pick(
                "NumericEquals",
                "NumericNotEquals",
                "NumericLessThan",
                "NumericLessThanEquals",
                "NumericGreaterThan",
                "NumericGreaterThanEquals");
        values = manyOf("100", "3600", "7200");
      }
      case 3 -> {
        key = "aws:CurrentTime";
        op =
            pick(
                "DateEquals",
                "DateNotEquals",
                "DateLessThan",
                "DateLessThanEquals",
                "DateGreaterThan",
                "DateGreaterThanEquals");
        values = manyOf("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z", "2023-12-31T23:00:00Z");
      }
      case 4 -> {
        key = pick("aws:SecureTransport", "aws:MultiFactorAuthPresent");
        op = "Bool";
        values = pick("true", "false");
      }
      case 5 -> {
        key = "aws:SourceIp";
        op = pick("IpAddress", "NotIpAddress");
        values = manyOf("10.0.0.0/8", "203.0.113.0/24", "198.51.100.7");
      }
      case 6 -> {
        key = "aws:SourceArn";
        op = pick("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike");
        values =
            manyOf(
                "arn:aws:sns:us-east-1:" + ACCOUNT + ":topic",
                "arn:aws:sns:*:" + ACCOUNT + ":*",
                "arn:aws:sns:us-east-1:*:top?c");
      }
      case 7 -> {
        key =
            pick("aws:PrincipalTag/team", "aws:SourceIp", "aws:TagKeys", "aws:MultiFactorAuthAge");
        op = "Null";
        values = pick("true", "false");
      }
      default -> {
        key = "aws:PrincipalTag/team";
        op = pick("StringEquals", "StringLike");
        values = pick("${aws:username}", "x-${aws:username}", "${aws:PrincipalTag/team}");
      }
    }
    if (!op.equals("Null") && !op.startsWith("For") && chance(0.2)) {
      op = op + "IfExists";
    }
    condition.computeIfAbsent(op, k -> new LinkedHashMap<>()).put(key, values);
  }

  private Map<String, Object> context(String principal) {
    Map<String, Object> c = new LinkedHashMap<>();
    String name = principal.substring(principal.lastIndexOf('/') + 1);
    if (chance(0.6)) {
      c.put("aws:username", chance(0.7) ? name : "alice");
    }
    if (chance(0.6)) {
      c.put(
          "aws:PrincipalTag/team", pick("red", "blue", "Red", "green", "alice", "x-alice", "bob"));
    }
    if (chance(0.5)) {
      c.put("aws:RequestedRegion", pick("us-east-1", "eu-west-1"));
    }
    if (chance(0.5)) {
      List<String> tags = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        String t = pick("a", "b", "c", "cx");
        if (!tags.contains(t)) {
          tags.add(t);
        }
      }
      c.put("aws:TagKeys", tags);
    }
    if (chance(0.5)) {
      c.put("aws:MultiFactorAuthAge", pick("100", "3600", "5000", "7200"));
    }
    if (chance(0.6)) {
      c.put(
          "aws:CurrentTime",
          pick(
              "2023-06-01T00:00:00Z",
              "2024-01-01T00:00:00Z",
              "2024-03-01T12:00:00Z",
              "2025-01-01T00:00:00Z"));
    }
    if (chance(0.5)) {
      c.put("aws:SecureTransport", pick("true", "false"));
    }
    if (chance(0.4)) {
      c.put("aws:MultiFactorAuthPresent", pick("true", "false"));
    }
    if (chance(0.6)) {
      c.put("aws:SourceIp", pick("10.1.2.3", "203.0.113.9", "198.51.100.7", "192.0.2.1"));
    }
    if (chance(0.5)) {
      c.put(
          "aws:SourceArn",
          pick(
              "arn:aws:sns:us-east-1:" + ACCOUNT + ":topic",
              "arn:aws:sns:eu-west-1:" + ACCOUNT + ":other",
              "arn:aws:sns:us-east-1:" + OTHER + ":topic"));
    }
    return c;
  }

  private Object manyOf(String... options) {
    if (chance(0.7)) {
      return pick(options);
    }
    List<String> values = new ArrayList<>();
    for (String o : options) {
      if (chance(0.6)) {
        values.add(o);
      }
    }
    return values.isEmpty() ? List.of(options[0]) : values;
  }

  private static int indexOf(String service) {
    for (int i = 0; i < ACTIONS.length; i++) {
      if (ACTIONS[i][0].equals(service)) {
        return i;
      }
    }
    throw new IllegalArgumentException(service);
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
