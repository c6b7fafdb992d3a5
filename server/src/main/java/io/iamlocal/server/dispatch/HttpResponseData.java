package io.iamlocal.server.dispatch;

import java.nio.charset.StandardCharsets;

/** A complete HTTP response to write: status, content type, body and the AWS request ID. */
public record HttpResponseData(int status, String contentType, byte[] body, String requestId) {

  public static HttpResponseData xml(int status, String body, String requestId) {
    return new HttpResponseData(status, "text/xml", body.getBytes(StandardCharsets.UTF_8), requestId);
  }

  public static HttpResponseData json(int status, String body, String requestId) {
    return new HttpResponseData(status, "application/json", body.getBytes(StandardCharsets.UTF_8), requestId);
  }
}
