package io.iamlocal.server.dispatch;

import io.iamlocal.sigv4.ReceivedHeaders;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the dispatch layer sees it, free of Netty types. {@code headers} keys are
 * lower-case; {@code rawPath} and {@code rawQuery} are as received, still percent-encoded.
 */
public record HttpRequestData(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String remoteAddress,
    boolean secure) {

  public String header(String lowerCaseName) {
    if (headers instanceof ReceivedHeaders received) {
      return received.first(lowerCaseName); // no list made
    }
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
