package io.iamlocal.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.query.QueryInputDecoder;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.RequestIds;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;

/**
 * {@code POST /_iamlocal/api/simulate}: the console's policy simulator form, run through the very
 * handlers of SimulatePrincipalPolicy and SimulateCustomPolicy (same validation, same evaluator,
 * same AWS error texts) as the account's root user. The request is turned into the Query parameters
 * an SDK would send and decoded against the IAM model. Simulations only read state.
 *
 * <p>Request: {@code {"policySourceArn": "arn:…:user/alice", "actionNames": ["iam:ListUsers"],
 * "resourceArns": ["*"], "policyDocuments": ["{…}"], "contextEntries": [{"key": "aws:SourceIp",
 * "values": ["10.0.0.1"], "type": "ip"}]}} — with a {@code policySourceArn} it is
 * SimulatePrincipalPolicy, without one SimulateCustomPolicy (which needs {@code policyDocuments}).
 * Answer: {@code {"operation": "…", "evaluationResults": [...]}} with AWS's member names.
 */
final class ConsoleSimulator {
  /**
   * Actions one form submission may simulate (each page's work is bounded by the simulator's
   * budget).
   */
  static final int MAX_ACTIONS = 200;

  private static final int MAX_PAGES = 50;

  /** Context keys whose type the form need not state (AWS's documented types). */
  private static final Map<String, String> KNOWN_TYPES =
      Map.ofEntries(
          Map.entry("aws:sourceip", "ip"),
          Map.entry("aws:multifactorauthpresent", "boolean"),
          Map.entry("aws:securetransport", "boolean"),
          Map.entry("aws:viaawsservice", "boolean"),
          Map.entry("aws:principalisawsservice", "boolean"),
          Map.entry("aws:multifactorauthage", "numeric"),
          Map.entry("aws:epochtime", "numeric"),
          Map.entry("aws:currenttime", "date"),
          Map.entry("aws:tokenissuetime", "date"));

  private final OperationRegistry registry;
  private final String rootAccessKeyId;
  private final String region;

  ConsoleSimulator(OperationRegistry registry, String rootAccessKeyId, String region) {
    this.registry = registry;
    this.rootAccessKeyId = rootAccessKeyId;
    this.region = region;
  }

  /** Runs the simulation, holding the account's read lock one result page at a time. */
  JsonNode simulate(AccountState account, JsonNode request) {
    if (request == null || !request.isObject()) {
      throw bad("The request body must be a JSON object.");
    }
    String sourceArn = text(request, "policySourceArn");
    String operationName = sourceArn == null ? "SimulateCustomPolicy" : "SimulatePrincipalPolicy";
    Map<String, String> params = new TreeMap<>();
    put(params, "PolicySourceArn", sourceArn);
    putList(params, "PolicyInputList", strings(request, "policyDocuments"));
    putList(
        params,
        "PermissionsBoundaryPolicyInputList",
        strings(request, "permissionsBoundaryDocuments"));
    List<String> actions = strings(request, "actionNames");
    if (actions.size() > MAX_ACTIONS) {
      throw bad("Simulate at most " + MAX_ACTIONS + " actions at once.");
    }
    putList(params, "ActionNames", actions);
    putList(params, "ResourceArns", strings(request, "resourceArns"));
    put(params, "CallerArn", text(request, "callerArn"));
    put(params, "ResourcePolicy", text(request, "resourcePolicy"));
    put(params, "ResourceOwner", text(request, "resourceOwner"));
    putContext(params, request.get("contextEntries"));

    OperationModel operation = registry.operation("iam", operationName);
    OperationRegistry.Registered registered = registry.handler("iam", operationName);
    if (operation == null || registered == null) {
      throw new ConsoleApi.ApiException(
          501, "NotImplemented", "This server does not serve " + operationName + ".");
    }
    Caller root = Caller.root(account.partition(), account.accountId(), rootAccessKeyId);
    OperationCall.RequestFacts facts =
        new OperationCall.RequestFacts("127.0.0.1", false, "iamlocal-console");
    ArrayNode results = ConsoleApi.JSON.createArrayNode();
    for (int page = 0; page < MAX_PAGES; page++) {
      OperationCall call =
          new OperationCall(
              operationName,
              QueryInputDecoder.decode(operation.input(), params),
              root,
              account,
              RequestIds.next(),
              region,
              facts);
      Map<String, ?> output;
      // The read lock is taken per page, so writers wait for at most one page's bounded work.
      Lock lock = account.lock().readLock();
      lock.lock();
      try {
        output = registered.handler().handle(call);
      } finally {
        lock.unlock();
      }
      Object evaluated = output.get("EvaluationResults");
      if (evaluated instanceof List<?> list) {
        list.forEach(item -> results.add(toJson(item)));
      }
      Object marker = output.get("Marker");
      if (!Boolean.TRUE.equals(output.get("IsTruncated")) || marker == null) {
        break;
      }
      params.put("Marker", marker.toString());
    }
    ObjectNode out = ConsoleApi.JSON.createObjectNode().put("operation", operationName);
    out.set("evaluationResults", results);
    return out;
  }

  private static void putContext(Map<String, String> params, JsonNode entries) {
    if (entries == null || entries.isNull()) {
      return;
    }
    if (!entries.isArray()) {
      throw bad("contextEntries must be an array.");
    }
    int n = 0;
    for (JsonNode entry : entries) {
      String key = text(entry, "key");
      if (key == null || key.isBlank()) {
        throw bad("Each context entry needs a key.");
      }
      List<String> values = strings(entry, "values");
      String type = text(entry, "type");
      if (type == null || type.isBlank()) {
        type =
            KNOWN_TYPES.getOrDefault(key.toLowerCase(Locale.ROOT), "string")
                + (values.size() > 1 ? "List" : "");
      }
      String prefix = "ContextEntries.member." + ++n + ".";
      params.put(prefix + "ContextKeyName", key);
      params.put(prefix + "ContextKeyType", type);
      putList(params, prefix + "ContextKeyValues", values);
    }
  }

  /**
   * An output value (Struct, List, Instant, byte[], scalar) as JSON, keeping AWS's member names.
   */
  static JsonNode toJson(Object value) {
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = ConsoleApi.JSON.createObjectNode();
      map.forEach((k, v) -> out.set(String.valueOf(k), toJson(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      ArrayNode out = ConsoleApi.JSON.createArrayNode();
      list.forEach(v -> out.add(toJson(v)));
      return out;
    }
    if (value instanceof Instant instant) {
      return ConsoleApi.JSON.getNodeFactory().textNode(instant.toString());
    }
    if (value instanceof byte[] bytes) {
      return ConsoleApi.JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString(bytes));
    }
    return ConsoleApi.JSON.valueToTree(value);
  }

  private static void put(Map<String, String> params, String name, String value) {
    if (value != null && !value.isEmpty()) {
      params.put(name, value);
    }
  }

  private static void putList(Map<String, String> params, String name, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      params.put(name + ".member." + (i + 1), values.get(i));
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw bad(field + " must be a string.");
    }
    return value.asText();
  }

  /** A string array; a single string is taken as a one-element list, blank entries are dropped. */
  private static List<String> strings(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isTextual()) {
      return value.asText().isBlank() ? List.of() : List.of(value.asText());
    }
    if (!value.isArray()) {
      throw bad(field + " must be an array of strings.");
    }
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw bad(field + " must be an array of strings.");
      }
      if (!item.asText().isBlank()) {
        out.add(item.asText());
      }
    }
    return out;
  }

  private static ConsoleApi.ApiException bad(String message) {
    return new ConsoleApi.ApiException(400, "InvalidInput", message);
  }

  /** An AWS error from the simulation, as the console shows it. */
  static ConsoleApi.ApiException fromAws(AwsServiceException e) {
    return new ConsoleApi.ApiException(
        e.errorCode().httpStatus(), e.errorCode().code(), e.getMessage());
  }
}
