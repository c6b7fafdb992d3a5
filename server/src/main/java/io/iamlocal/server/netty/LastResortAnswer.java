package io.iamlocal.server.netty;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.RequestIds;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The answer to a request whose handling threw past every handler's own error mapping: an AWS-style
 * error and a log line, never a silently dropped connection. A stack overflow or any other
 * throwable is a 500 {@code InternalFailure}; running out of heap is a 503 {@code
 * ServiceUnavailable}, which the SDKs retry after a back-off.
 */
final class LastResortAnswer {
  private static final Logger LOG = Logger.getLogger(LastResortAnswer.class.getName());

  private LastResortAnswer() {}

  static HttpResponseData to(String method, String path, Throwable failure) {
    String requestId = RequestIds.next();
    if (failure instanceof OutOfMemoryError) {
      LOG.severe(
          "request "
              + requestId
              + " ("
              + method
              + " "
              + path
              + ") refused: the heap is full ("
              + failure.getMessage()
              + ")");
      return HttpResponseData.xml(
          503,
          ErrorRenderer.render(
              ErrorRenderer.IAM_NAMESPACE,
              AwsErrorCode.SERVICE_UNAVAILABLE,
              "IAMLocal is out of memory; retry later, or give it a larger -Xmx.",
              requestId),
          requestId);
    }
    if (failure instanceof StackOverflowError) {
      LOG.severe("request " + requestId + " (" + method + " " + path + ") failed: stack overflow");
    } else {
      LOG.log(
          Level.SEVERE, "request " + requestId + " (" + method + " " + path + ") failed", failure);
    }
    return HttpResponseData.xml(
        500,
        ErrorRenderer.render(
            ErrorRenderer.IAM_NAMESPACE,
            AwsErrorCode.INTERNAL_FAILURE,
            "The request processing has failed because of an unknown error, exception or failure.",
            requestId),
        requestId);
  }
}
