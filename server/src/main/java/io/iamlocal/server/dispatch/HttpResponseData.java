package io.iamlocal.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A complete HTTP response to write: status, content type, body, the AWS request ID, and any
 * further headers (e.g. the web console's caching and security headers).
 *
 * <p>A rendered XML body ({@link #copied}) sits in a reused array ({@link BodyArrays}) longer than
 * the body: the writer sends {@link #bodyArray}'s first {@link #bodyLength} bytes and then gives
 * the array back ({@link #releaseBody}); {@link #body} is an exact copy, refused once the array is
 * given back.
 */
public final class HttpResponseData {
  private final int status;
  private final String contentType;
  private final byte[] body;
  private final int bodyLength;
  private final boolean reused;
  private final String requestId;
  private final Map<String, String> headers;
  private volatile boolean released;

  public HttpResponseData(
      int status, String contentType, byte[] body, String requestId, Map<String, String> headers) {
    this(status, contentType, body, body.length, false, requestId, headers);
  }

  public HttpResponseData(int status, String contentType, byte[] body, String requestId) {
    this(status, contentType, body, requestId, Map.of());
  }

  private HttpResponseData(
      int status,
      String contentType,
      byte[] body,
      int bodyLength,
      boolean reused,
      String requestId,
      Map<String, String> headers) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.bodyLength = bodyLength;
    this.reused = reused;
    this.requestId = requestId;
    this.headers = headers;
  }

  /**
   * A response whose body is {@code bytes[0, length)}, copied now (the caller reuses its array)
   * into a reused array when one is big enough.
   */
  public static HttpResponseData copied(
      int status, String contentType, byte[] bytes, int length, String requestId) {
    byte[] array = BodyArrays.take(length);
    if (array == null) {
      return new HttpResponseData(
          status, contentType, Arrays.copyOf(bytes, length), requestId, Map.of());
    }
    System.arraycopy(bytes, 0, array, 0, length);
    return new HttpResponseData(status, contentType, array, length, true, requestId, Map.of());
  }

  public static HttpResponseData xml(int status, String body, String requestId) {
    return new HttpResponseData(
        status, "text/xml", body.getBytes(StandardCharsets.UTF_8), requestId);
  }

  public static HttpResponseData json(int status, String body, String requestId) {
    return new HttpResponseData(
        status, "application/json", body.getBytes(StandardCharsets.UTF_8), requestId);
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  /**
   * The body, exactly; for a body in a reused array a copy, which must precede {@link
   * #releaseBody}.
   */
  public byte[] body() {
    if (!reused) {
      return body;
    }
    if (released) {
      throw new IllegalStateException("the body of response " + requestId + " was released");
    }
    return Arrays.copyOf(body, bodyLength);
  }

  /** The array holding the body in its first {@link #bodyLength} bytes (no copy). */
  public byte[] bodyArray() {
    if (released) {
      throw new IllegalStateException("the body of response " + requestId + " was released");
    }
    return body;
  }

  public int bodyLength() {
    return bodyLength;
  }

  /** Whether the body sits in a reused array, to be given back once written. */
  public boolean reusesArray() {
    return reused;
  }

  /**
   * Gives a reused body array back once the body was written (copied out); the body may not be read
   * afterwards. Nothing for a body of its own array; idempotent.
   */
  public void releaseBody() {
    if (reused && !released) {
      released = true;
      BodyArrays.give(body);
    }
  }

  public String requestId() {
    return requestId;
  }

  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "HttpResponseData[status="
        + status
        + ", contentType="
        + contentType
        + ", bodyLength="
        + bodyLength
        + ", requestId="
        + requestId
        + ", headers="
        + headers
        + "]";
  }
}
