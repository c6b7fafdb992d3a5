package io.iamlocal.protocol.json;

/**
 * An error of a JSON-protocol service (CloudTrail, Access Analyzer): its wire code (the error
 * shape's name, e.g. {@code InvalidLookupAttributesException}), HTTP status and message. Rendered
 * as {@code {"__type":code,"message":…}} by {@link JsonResponseWriter#error}.
 */
public class JsonError extends RuntimeException {
  private final String code;
  private final int status;

  public JsonError(String code, int status, String message) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
  }

  /** A client error with status 400. */
  public static JsonError badRequest(String code, String message) {
    return new JsonError(code, 400, message);
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}
