package io.iamlocal.server.dispatch;

import java.util.Locale;

/**
 * Guesses the target service before the signature is verified, so that even authentication errors
 * render in the right XML namespace: the credential scope's service, else the Host name.
 */
public final class ServiceHint {
  private ServiceHint() {}

  /** The service named by the credential scope, else guessed from the Host name. */
  public static String of(HttpRequestData request) {
    String scope = credentialScope(request);
    if (scope != null) {
      String[] parts = scope.split("/");
      if (parts.length >= 4) {
        return parts[3];
      }
    }
    String host = request.header("host");
    if (host != null && host.toLowerCase(Locale.ROOT).startsWith("sts")) {
      return "sts";
    }
    return "iam";
  }

  private static String credentialScope(HttpRequestData request) {
    String auth = request.header("authorization");
    if (auth != null) {
      int at = auth.indexOf("Credential=");
      if (at >= 0) {
        int end = auth.indexOf(',', at);
        return auth.substring(at + "Credential=".length(), end < 0 ? auth.length() : end).trim();
      }
    }
    String query = request.rawQuery();
    if (query != null) {
      int at = query.indexOf("X-Amz-Credential=");
      if (at >= 0) {
        int end = query.indexOf('&', at);
        return query
            .substring(at + "X-Amz-Credential=".length(), end < 0 ? query.length() : end)
            .replace("%2F", "/");
      }
    }
    return null;
  }
}
