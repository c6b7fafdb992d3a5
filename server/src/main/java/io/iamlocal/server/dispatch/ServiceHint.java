package io.iamlocal.server.dispatch;

import java.util.Locale;

/**
 * Guesses the target service before the signature is verified, so that even authentication errors
 * render in the right XML namespace: the credential scope's service, else the Host name.
 */
public final class ServiceHint {
  private static final String CREDENTIAL = "Credential=";
  private static final String QUERY_CREDENTIAL = "X-Amz-Credential=";
  private static final String[] KNOWN = {"iam", "sts", "s3"};

  private ServiceHint() {}

  /** The service named by the credential scope, else guessed from the Host name. */
  public static String of(HttpRequestData request) {
    String service = scopeService(request);
    if (service != null) {
      return service;
    }
    String host = request.header("host");
    if (host != null && host.toLowerCase(Locale.ROOT).startsWith("sts")) {
      return "sts";
    }
    return "iam";
  }

  /**
   * The fourth {@code /}-separated part of the credential ({@code AKID/date/region/service/…}), or
   * null. Found by index in the Authorization header, which every signed call has: no copy of the
   * credential per request.
   */
  private static String scopeService(HttpRequestData request) {
    String auth = request.header("authorization");
    if (auth != null) {
      int at = auth.indexOf(CREDENTIAL);
      if (at >= 0) {
        int end = auth.indexOf(',', at);
        return fourthPart(auth, at + CREDENTIAL.length(), end < 0 ? auth.length() : end);
      }
    }
    String query = request.rawQuery();
    if (query != null) {
      int at = query.indexOf(QUERY_CREDENTIAL);
      if (at >= 0) {
        int end = query.indexOf('&', at);
        String scope =
            query
                .substring(at + QUERY_CREDENTIAL.length(), end < 0 ? query.length() : end)
                .replace("%2F", "/");
        return fourthPart(scope, 0, scope.length());
      }
    }
    return null;
  }

  /**
   * The fourth part of {@code s[from, to)} trimmed, as {@code trim().split("/")[3]} gives it: null
   * when there are fewer parts, counting trailing empty parts out.
   */
  private static String fourthPart(String s, int from, int to) {
    while (to > from && s.charAt(to - 1) <= ' ') {
      to--;
    }
    int start = from;
    for (int i = 0; i < 3; i++) {
      int slash = s.indexOf('/', start);
      if (slash < 0 || slash >= to) {
        return null;
      }
      start = slash + 1;
    }
    int slash = s.indexOf('/', start);
    int partEnd = slash < 0 || slash >= to ? to : slash;
    for (int i = start; i < to; i++) {
      if (s.charAt(i) != '/') {
        return known(s, start, partEnd);
      }
    }
    return null;
  }

  /** The services signed requests name, as constants; any other as a copy. */
  private static String known(String s, int from, int to) {
    for (String service : KNOWN) {
      if (to - from == service.length() && s.startsWith(service, from)) {
        return service;
      }
    }
    return s.substring(from, to);
  }
}
