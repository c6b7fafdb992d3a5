package io.iamlocal.server.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.FormDecoder;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's JSON API under {@code /_iamlocal/api/}: the read API ({@link ConsoleApi}), the
 * account picker's list and the simulator form's {@code POST /_iamlocal/api/simulate} ({@link
 * ConsoleSimulator}). {@link ConsoleHandler} creates it at the first API request, so a server that
 * is never browsed loads no Jackson databind at all (~400 classes and an {@code ObjectMapper} off
 * the start-up path).
 */
final class ConsoleApiEndpoint {
  private static final Logger LOG = Logger.getLogger(ConsoleHandler.class.getName());

  private final IamLocalState state;
  private final ConsoleApi api;
  private final ConsoleSimulator simulator;

  ConsoleApiEndpoint(IamLocalState state, ConsoleApi api, ConsoleSimulator simulator) {
    this.state = state;
    this.api = api;
    this.simulator = simulator;
  }

  HttpResponseData handle(HttpRequestData request, String rest) {
    // Cross-site pages may not drive the API (browsers send Sec-Fetch-Site on every request).
    if ("cross-site".equals(request.header("sec-fetch-site"))) {
      return error(
          new ConsoleApi.ApiException(
              403, "AccessDenied", "The console API does not answer cross-site requests."));
    }
    List<String> segments;
    try {
      segments = segments(rest);
    } catch (IllegalArgumentException e) {
      return error(
          new ConsoleApi.ApiException(
              400, "InvalidInput", "The path is not valid percent-encoding."));
    }
    try {
      Map<String, String> query = query(request);
      if (segments.size() == 1 && segments.get(0).equals("simulate")) {
        if (!"POST".equals(request.method())) {
          return ConsoleHandler.methodNotAllowed("POST");
        }
        return simulate(request, selectedAccount(query));
      }
      if (!ConsoleHandler.isRead(request)) {
        return ConsoleHandler.methodNotAllowed("GET, HEAD");
      }
      if (segments.size() == 1 && segments.get(0).equals("accounts")) {
        return json(200, "HEAD".equals(request.method()) ? ConsoleHandler.NONE : bytes(accounts()));
      }
      AccountState account = selectedAccount(query);
      JsonNode body = underReadLock(account, () -> api.get(account, segments, query));
      return json(200, "HEAD".equals(request.method()) ? ConsoleHandler.NONE : bytes(body));
    } catch (ConsoleApi.ApiException e) {
      return error(e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "console API request " + request.rawPath() + " failed", e);
      return error(
          new ConsoleApi.ApiException(
              500, "InternalFailure", "The console API failed; see the server log."));
    }
  }

  /**
   * The account picked with {@code ?account=ID} (or {@code PARTITION/ID}); the default account
   * without it.
   */
  private AccountState selectedAccount(Map<String, String> query) {
    String picked = query.get("account");
    AccountState account = state.findAccount(picked);
    if (account == null) {
      throw ConsoleApi.ApiException.notFound("No account " + picked + " exists (yet).");
    }
    return account;
  }

  /** {@code GET api/accounts}: every account the server holds, for the console's account picker. */
  private JsonNode accounts() {
    com.fasterxml.jackson.databind.node.ArrayNode list = ConsoleApi.JSON.createArrayNode();
    for (AccountState a : state.accounts().all()) {
      list.addObject()
          .put("accountId", a.accountId())
          .put("partition", a.partition().id())
          .put(
              "key",
              a.partition() == Partition.AWS
                  ? a.accountId()
                  : a.partition().id() + "/" + a.accountId())
          .put(
              "default", a.accountId().equals(state.accountId()) && a.partition() == Partition.AWS);
    }
    return ConsoleApi.JSON.createObjectNode().set("accounts", list);
  }

  private HttpResponseData simulate(HttpRequestData request, AccountState account) {
    String contentType = request.header("content-type");
    // Requiring JSON also means a cross-origin page would need a CORS preflight, which is never
    // granted.
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return error(
          new ConsoleApi.ApiException(
              415, "UnsupportedMediaType", "Send the simulation as application/json."));
    }
    JsonNode input;
    try {
      input = ConsoleApi.JSON.readTree(request.body());
    } catch (IOException e) {
      return error(
          new ConsoleApi.ApiException(400, "InvalidInput", "The request body is not valid JSON."));
    }
    try {
      return json(200, bytes(simulator.simulate(account, input)));
    } catch (AwsServiceException e) {
      return error(ConsoleSimulator.fromAws(e));
    }
  }

  /**
   * The query string's parameters; bad percent-encoding is the client's mistake (400), not a
   * failure.
   */
  private static Map<String, String> query(HttpRequestData request) {
    Map<String, String> query = new HashMap<>();
    if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
      try {
        FormDecoder.decodeInto(request.rawQuery(), query);
      } catch (AwsServiceException e) {
        throw new ConsoleApi.ApiException(
            400, "InvalidInput", "The query string is not valid percent-encoding.");
      }
    }
    return query;
  }

  private static JsonNode underReadLock(
      AccountState account, java.util.function.Supplier<JsonNode> work) {
    Lock lock = account.lock().readLock();
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Path segments after {@code api/}, percent-decoded one by one (so {@code %2F} stays inside a
   * segment).
   */
  static List<String> segments(String rest) {
    List<String> out = new ArrayList<>();
    if (rest.isEmpty()) {
      return out;
    }
    for (String raw : rest.split("/", -1)) {
      out.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    if (out.get(out.size() - 1).isEmpty() && out.size() > 1) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return ConsoleApi.JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponseData error(ConsoleApi.ApiException e) {
    return json(
        e.status,
        bytes(
            ConsoleApi.JSON
                .createObjectNode()
                .put("error", e.code)
                .put("message", e.getMessage())));
  }

  private static HttpResponseData json(int status, byte[] body) {
    return ConsoleHandler.response(
        status, "application/json", body, Map.of("Cache-Control", "no-store"));
  }
}
