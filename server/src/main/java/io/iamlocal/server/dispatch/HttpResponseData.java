package io.iamlocal.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A complete HTTP response to write: status, content type, body, the AWS request ID, and any
 * further headers (e.g. the web console's caching and security headers).
 */
public record HttpResponseData(
    int status, String contentType, byte[] body, String requestId, Map<String, String> headers) {

  public HttpResponseData(int status, String contentType, byte[] body, String requestId) {
    this(status, contentType, body, requestId, Map.of());
  }

  public static HttpResponseData xml(int status, String body, String requestId) {
    return new HttpResponseData(
        status, "text/xml", body.getBytes(StandardCharsets.UTF_8), requestId);
  }

  public static HttpResponseData json(int status, String body, String requestId) {
    return new HttpResponseData(
        status, "application/json", body.getBytes(StandardCharsets.UTF_8), requestId);
  }
}
