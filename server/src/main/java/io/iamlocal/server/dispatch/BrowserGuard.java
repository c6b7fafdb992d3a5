package io.iamlocal.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Keeps web pages away from the endpoints that wipe or show the state ({@code /moto-api/reset} and
 * {@code /_iamlocal/*}). A page on another site gets no answer from them: browsers mark its
 * requests with {@code Sec-Fetch-Site: cross-site|same-site} and an {@code Origin} naming the page.
 * A page that rebinds its own DNS name to this server (DNS rebinding) looks same-origin, but its
 * requests carry its name as {@code Host}, so only loopback names, IP literals, the listen host and
 * names the user allows are answered. SDKs, the CLI and test suites send none of these headers, and
 * name the endpoint they were given, so they are unaffected; the console's own pages are
 * same-origin.
 */
public final class BrowserGuard {
  private static final Logger LOG = Logger.getLogger(BrowserGuard.class.getName());
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private final Set<String> names;

  /**
   * Answers Host names {@code listenHost} and {@code allowed} (any case) besides loopback names and
   * IP literals.
   */
  public BrowserGuard(String listenHost, Set<String> allowed) {
    Set<String> all = new HashSet<>();
    all.add(listenHost.toLowerCase(Locale.ROOT));
    allowed.forEach(name -> all.add(name.toLowerCase(Locale.ROOT)));
    this.names = Collections.unmodifiableSet(all);
  }

  /** Whether {@code rawPath} is one of the guarded endpoints. */
  public static boolean guards(String rawPath) {
    return rawPath.equals("/moto-api/reset")
        || rawPath.equals("/_iamlocal")
        || rawPath.startsWith("/_iamlocal/");
  }

  /** The refusal of a browser-originated or rebound request, or null to serve it. */
  public HttpResponseData refusal(HttpRequestData request) {
    String why = reason(request);
    if (why == null) {
      return null;
    }
    LOG.warning(
        "refused "
            + request.method()
            + " "
            + request.rawPath()
            + " from "
            + request.remoteAddress()
            + ": "
            + why);
    byte[] body =
        ("{\"error\":\"AccessDenied\",\"message\":\"IAMLocal does not answer "
                + why.replace("\"", "'")
                + " on this path; see --allowed-host.\"}")
            .getBytes(StandardCharsets.UTF_8);
    return new HttpResponseData(
        403, "application/json", body, RequestIds.next(), Map.of("Cache-Control", "no-store"));
  }

  private String reason(HttpRequestData request) {
    String site = request.header("sec-fetch-site");
    if (site != null
        && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
      return "requests from other web sites (Sec-Fetch-Site: " + site + ")";
    }
    String host = request.header("host");
    String origin = request.header("origin");
    if (origin != null && !sameAuthority(origin, host)) {
      return "requests from other web origins (Origin: " + origin + ")";
    }
    if (host != null && !allowedHost(host)) {
      return "requests for the host name " + host;
    }
    return null;
  }

  /** An {@code Origin} of the page that the request's own Host serves (the console's pages). */
  private static boolean sameAuthority(String origin, String host) {
    int scheme = origin.indexOf("://");
    return host != null
        && scheme > 0
        && origin.substring(scheme + 3).equalsIgnoreCase(host.strip());
  }

  private boolean allowedHost(String hostHeader) {
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      return true; // an IPv6 literal
    }
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || IPV4.matcher(host).matches()
        || names.contains(host);
  }
}
