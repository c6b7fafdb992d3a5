package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.server.log.RequestLogEntry;

/**
 * What the request log needs to know about one request, filled in by {@link QueryDispatcher} as
 * the request goes down the chain. Confined to the thread dispatching that request.
 */
final class RequestTrace {
  private final long startedNanos = System.nanoTime();
  String service;
  String operation;
  String callerArn;
  String errorCode;

  /** Notes the AWS error the request ended with. */
  void failed(AwsErrorCode code) {
    errorCode = code.code();
  }

  RequestLogEntry entry(HttpResponseData response) {
    return new RequestLogEntry(System.currentTimeMillis(), response.requestId(), callerArn, service, operation,
        response.status(), errorCode, System.nanoTime() - startedNanos);
  }
}
