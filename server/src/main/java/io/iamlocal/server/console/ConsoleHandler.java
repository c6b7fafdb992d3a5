package io.iamlocal.server.console;

import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.RequestIds;
import io.iamlocal.server.state.IamLocalState;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web console at {@code /_iamlocal/}: the page's static files from the jar, the read-only JSON
 * API under {@code /_iamlocal/api/} ({@link ConsoleApiEndpoint}, made at its first request) and the
 * simulator form's {@code POST /_iamlocal/api/simulate} ({@link ConsoleSimulator}). Nothing here
 * changes state, so these paths take no SigV4 signature; {@code --no-console} turns them off.
 *
 * <p>IAMLocal's other own paths ({@code /_iamlocal/health}, {@code /_iamlocal/state}…) are routed
 * before this handler, so it never shadows them.
 */
public final class ConsoleHandler {
  public static final String ROOT = "/_iamlocal";
  private static final String API = ROOT + "/api/";
  static final byte[] NONE = new byte[0];

  /** The page loads only its own script, style and API: no inline code, no third-party origin. */
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final IamLocalState state;
  private final OperationRegistry registry;
  private final String rootAccessKeyId;
  private final String region;
  private final boolean enforce;
  private volatile ConsoleApiEndpoint api;

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
    this.registry = registry;
    this.rootAccessKeyId = rootAccessKeyId;
    this.region = region;
    this.enforce = enforce;
  }

  /** The JSON API, made at its first request: Jackson databind stays off the start-up path. */
  private ConsoleApiEndpoint api() {
    ConsoleApiEndpoint made = api;
    if (made == null) {
      synchronized (this) {
        made = api;
        if (made == null) {
          made =
              new ConsoleApiEndpoint(
                  state,
                  new ConsoleApi(region, enforce),
                  new ConsoleSimulator(registry, rootAccessKeyId, region));
          api = made;
        }
      }
    }
    return made;
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
      return api()
          .handle(request, path.length() <= API.length() ? "" : path.substring(API.length()));
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

  static boolean isRead(HttpRequestData request) {
    return "GET".equals(request.method()) || "HEAD".equals(request.method());
  }

  /**
   * 405 with the console's JSON error body; written by hand (the text is fixed) so that the static
   * files need no JSON library.
   */
  static HttpResponseData methodNotAllowed(String allow) {
    return response(
        405,
        "application/json",
        ("{\"error\":\"MethodNotAllowed\",\"message\":\"Use " + allow + " here.\"}")
            .getBytes(StandardCharsets.UTF_8),
        Map.of("Allow", allow, "Cache-Control", "no-store"));
  }

  private static HttpResponseData text(int status, String message) {
    return response(
        status,
        "text/plain; charset=utf-8",
        message.getBytes(StandardCharsets.UTF_8),
        Map.of("Cache-Control", "no-store"));
  }

  static HttpResponseData response(
      int status, String contentType, byte[] body, Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>(extra);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    return new HttpResponseData(
        status, contentType, body, RequestIds.next(), Collections.unmodifiableMap(headers));
  }
}
