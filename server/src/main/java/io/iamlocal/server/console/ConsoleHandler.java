package io.iamlocal.server.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.FormDecoder;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.RequestIds;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web console at {@code /_iamlocal/}: the page's static files from the jar, the read-only JSON
 * API under {@code /_iamlocal/api/} ({@link ConsoleApi}) and the simulator form's {@code POST
 * /_iamlocal/api/simulate} ({@link ConsoleSimulator}). Nothing here changes state, so these paths
 * take no SigV4 signature; {@code --no-console} turns them off.
 *
 * <p>IAMLocal's other own paths ({@code /_iamlocal/health}, {@code /_iamlocal/state}…) are routed
 * before this handler, so it never shadows them.
 */
public final class ConsoleHandler {
  public static final String ROOT = "/_iamlocal";
  private static final String API = ROOT + "/api/";
  private static final Logger LOG = Logger.getLogger(ConsoleHandler.class.getName());
  private static final byte[] NONE = new byte[0];

  /** The page loads only its own script, style and API: no inline code, no third-party origin. */
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final IamLocalState state;
  private final ConsoleApi api;
  private final ConsoleSimulator simulator;

  /**
   * A console over {@code state}; {@code registry} supplies the simulator's handlers.
   *
   * @param rootAccessKeyId the root key ID the simulator runs as (only its ID: no secret is used)
   */
  public ConsoleHandler(
      IamLocalState state,
      OperationRegistry registry,
      String rootAccessKeyId,
      String region,
      boolean enforce) {
    this.state = state;
    this.api = new ConsoleApi(region, enforce);
    this.simulator = new ConsoleSimulator(registry, rootAccessKeyId, region);
  }

  /** Whether {@code rawPath} is the console's: {@code /_iamlocal} and everything under it. */
  public static boolean handles(String rawPath) {
    return rawPath.equals(ROOT) || rawPath.startsWith(ROOT + "/");
  }

  public HttpResponseData handle(HttpRequestData request) {
    String path = request.rawPath();
    if (path.equals(ROOT)) {
      return response(
          308,
          "text/plain; charset=utf-8",
          NONE,
          Map.of("Location", ROOT + "/", "Cache-Control", "no-cache"));
    }
    if (path.startsWith(API) || path.equals(ROOT + "/api")) {
      return api(request, path.length() <= API.length() ? "" : path.substring(API.length()));
    }
    String name = path.substring(ROOT.length() + 1);
    ConsoleAssets.Asset asset = ConsoleAssets.all().get(name.isEmpty() ? "index.html" : name);
    if (asset == null) {
      return text(404, "Not found: this path is not part of the IAMLocal console.");
    }
    if (!isRead(request)) {
      return methodNotAllowed("GET, HEAD");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", asset.etag());
    // No hashed file names, so the browser revalidates each time (a cheap 304 while the jar is the
    // same).
    headers.put("Cache-Control", "no-cache");
    if (asset.name().endsWith(".html")) {
      headers.put("Content-Security-Policy", CSP);
    }
    if (asset.etag().equals(request.header("if-none-match"))) {
      return response(304, asset.contentType(), NONE, headers);
    }
    return response(
        200, asset.contentType(), "HEAD".equals(request.method()) ? NONE : asset.bytes(), headers);
  }

  private HttpResponseData api(HttpRequestData request, String rest) {
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
          return methodNotAllowed("POST");
        }
        return simulate(request, selectedAccount(query));
      }
      if (!isRead(request)) {
        return methodNotAllowed("GET, HEAD");
      }
      if (segments.size() == 1 && segments.get(0).equals("accounts")) {
        return json(200, "HEAD".equals(request.method()) ? NONE : bytes(accounts()));
      }
      AccountState account = selectedAccount(query);
      JsonNode body = underReadLock(account, () -> api.get(account, segments, query));
      return json(200, "HEAD".equals(request.method()) ? NONE : bytes(body));
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

  private static boolean isRead(HttpRequestData request) {
    return "GET".equals(request.method()) || "HEAD".equals(request.method());
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
    return response(status, "application/json", body, Map.of("Cache-Control", "no-store"));
  }

  private static HttpResponseData methodNotAllowed(String allow) {
    return response(
        405,
        "application/json",
        bytes(
            ConsoleApi.JSON
                .createObjectNode()
                .put("error", "MethodNotAllowed")
                .put("message", "Use " + allow + " here.")),
        Map.of("Allow", allow, "Cache-Control", "no-store"));
  }

  private static HttpResponseData text(int status, String message) {
    return response(
        status,
        "text/plain; charset=utf-8",
        message.getBytes(StandardCharsets.UTF_8),
        Map.of("Cache-Control", "no-store"));
  }

  private static HttpResponseData response(
      int status, String contentType, byte[] body, Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>(extra);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    return new HttpResponseData(
        status, contentType, body, RequestIds.next(), Collections.unmodifiableMap(headers));
  }
}
