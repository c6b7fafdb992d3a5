package io.iamlocal.server.analyzer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.protocol.query.FormDecoder;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.RequestIds;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.trail.AuthorizationCheck;
import io.iamlocal.server.trail.Trail;
import io.iamlocal.server.trail.TrailEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * The console's least-privilege page data, read-only and unsigned like the rest of the console API:
 * {@code GET /_iamlocal/api/trail/principals} (who called, how often, how many calls strict mode
 * would refuse) and {@code GET
 * /_iamlocal/api/trail/generated-policy?principal=ARN&conditionKeys=k1,k2} (the policy, its notes,
 * each statement with the calls it came from). Unlike Access Analyzer's API, it can pin condition
 * keys to their constant values.
 */
public final class LeastPrivilegeEndpoint {
  public static final String PRINCIPALS = "/_iamlocal/api/trail/principals";
  public static final String GENERATED_POLICY = "/_iamlocal/api/trail/generated-policy";
  private final IamLocalState state;
  private final Trail trail;

  public LeastPrivilegeEndpoint(IamLocalState state, Trail trail) {
    this.state = state;
    this.trail = trail;
  }

  public static boolean handles(String rawPath) {
    return rawPath.equals(PRINCIPALS) || rawPath.equals(GENERATED_POLICY);
  }

  public HttpResponseData handle(HttpRequestData request) {
    if (!"GET".equals(request.method())) {
      return json(
          405,
          Json.MAPPER
              .createObjectNode()
              .put("code", "MethodNotAllowed")
              .put("message", "Use GET."));
    }
    if ("cross-site".equals(request.header("sec-fetch-site"))) {
      return json(
          403,
          Json.MAPPER
              .createObjectNode()
              .put("code", "AccessDenied")
              .put("message", "No cross-site requests."));
    }
    Map<String, String> query = new HashMap<>();
    if (request.rawQuery() != null) {
      FormDecoder.decodeInto(request.rawQuery(), query);
    }
    AccountState account = state.findAccount(query.get("account")); // the console's account picker
    if (account == null) {
      return json(
          404,
          Json.MAPPER
              .createObjectNode()
              .put("code", "NotFound")
              .put("message", "No such account."));
    }
    if (request.rawPath().equals(PRINCIPALS)) {
      return json(200, principals(account));
    }
    String principal = query.get("principal");
    if (principal == null || principal.isBlank()) {
      return json(
          400,
          Json.MAPPER
              .createObjectNode()
              .put("code", "InvalidInput")
              .put("message", "Name a principal ARN."));
    }
    Set<String> keys = new LinkedHashSet<>();
    Arrays.stream(query.getOrDefault("conditionKeys", "").split(","))
        .map(String::trim)
        .filter(k -> !k.isEmpty())
        .forEach(keys::add);
    // Condition values may be read from the state (lazy request contexts): under the read lock,
    // like the console's reads.
    Lock lock = account.lock().readLock();
    lock.lock();
    try {
      return json(
          200,
          describe(
              PolicyGenerator.generate(
                  principal, trail.newestFirst(account), Long.MIN_VALUE, Long.MAX_VALUE, keys)));
    } finally {
      lock.unlock();
    }
  }

  private ObjectNode principals(AccountState account) {
    Map<String, long[]> counts = new LinkedHashMap<>(); // calls, would-be refusals
    for (TrailEvent event : trail.newestFirst(account)) {
      if (event.caller() == null || event.caller().arn() == null || event.caller().isRoot()) {
        continue;
      }
      long[] c = counts.computeIfAbsent(event.caller().arn(), k -> new long[2]);
      c[0]++;
      if (event.checks().stream()
          .anyMatch(k -> k.outcome() == AuthorizationCheck.Outcome.ALLOWED_ANYWAY)) {
        c[1]++;
      }
      if (event.caller().role() != null) {
        counts.computeIfAbsent(event.caller().role().arn(), k -> new long[2]);
      }
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("principals");
    counts.forEach(
        (arn, c) -> list.addObject().put("arn", arn).put("calls", c[0]).put("allowedAnyway", c[1]));
    return out;
  }

  private static ObjectNode describe(GeneratedPolicy policy) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("principal", policy.principalArn());
    out.set("policy", policy.document());
    ArrayNode notes = out.putArray("notes");
    policy.notes().forEach(notes::add);
    Map<String, TrailEvent> byId = new HashMap<>();
    policy.events().forEach(e -> byId.put(e.eventId(), e));
    ArrayNode statements = out.putArray("statements");
    for (GeneratedPolicy.Statement statement : policy.statements()) {
      ObjectNode s = statements.addObject();
      ArrayNode actions = s.putArray("actions");
      statement.actions().forEach(actions::add);
      ArrayNode resources = s.putArray("resources");
      statement.resources().forEach(resources::add);
      ArrayNode calls = s.putArray("calls");
      policy.events().stream()
          .filter(e -> statement.eventIds().contains(e.eventId()))
          .forEach(e -> calls.add(call(e)));
    }
    return out;
  }

  private static ObjectNode call(TrailEvent event) {
    ObjectNode call = Json.MAPPER.createObjectNode();
    call.put("eventId", event.eventId());
    call.put("eventTime", Instant.ofEpochMilli(event.epochMillis()).toString());
    call.put("eventSource", event.eventSource());
    call.put("eventName", event.eventName());
    ArrayNode checks = call.putArray("checks");
    for (AuthorizationCheck check : event.checks()) {
      checks
          .addObject()
          .put("action", check.action())
          .put("resource", check.resource())
          .put(
              "outcome",
              check.outcome() == AuthorizationCheck.Outcome.ALLOWED
                  ? "allowed"
                  : check.outcome() == AuthorizationCheck.Outcome.ALLOWED_ANYWAY
                      ? "allowed anyway (soft)"
                      : "denied");
    }
    return call;
  }

  private static HttpResponseData json(int status, ObjectNode body) {
    return new HttpResponseData(
        status,
        "application/json",
        body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        RequestIds.next(),
        Map.of("Cache-Control", "no-store"));
  }

  /** Made at the first request: a server whose console is never browsed loads no databind. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
