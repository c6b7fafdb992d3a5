package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.server.log.RequestLogEntry;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.trail.AuthorizationCheck;
import io.iamlocal.server.trail.TrailEvent;
import java.util.List;
import java.util.Map;

/**
 * What the request log needs to know about one request, filled in by {@link QueryDispatcher} as the
 * request goes down the chain. Confined to the thread dispatching that request.
 */
final class RequestTrace {
  private final long startedNanos = System.nanoTime();
  String service;
  String operation;
  String callerArn;
  String errorCode;
  // For the trail: set once the operation is known.
  String errorMessage;
  OperationModel model;
  Caller caller;

  /** The account the call acted in (the signer's), once known. */
  AccountState account;

  /** Another account the call reached (a cross-account AssumeRole's role account), or null. */
  AccountState reached;

  Map<String, Object> input;
  Map<String, ?> output;
  String region;

  /** The connection facts of the call, once its operation was found (null before). */
  OperationCall.RequestFacts facts;

  boolean readOnly;

  /** When the response was ready, as the log entry says; the trail events say the same. */
  private long finishedMillis;

  java.util.List<io.iamlocal.server.trail.AuthorizationCheck> checks;

  /** Notes the AWS error the request ended with. */
  void failed(AwsErrorCode code) {
    errorCode = code.code();
  }

  void failed(AwsErrorCode code, String message) {
    errorCode = code.code();
    errorMessage = message;
  }

  /** The trail's event for this request, or null when it never got as far as a known operation. */
  TrailEvent trailEvent(
      HttpRequestData request,
      HttpResponseData response,
      AccountState account,
      List<AuthorizationCheck> checks) {
    if (model == null) {
      return null;
    }
    return new TrailEvent(
        finishedMillis != 0 ? finishedMillis : System.currentTimeMillis(),
        account,
        service,
        model.name(),
        region,
        caller,
        new TrailEvent.Request(
            response.requestId(),
            request.remoteAddress(),
            facts != null ? facts.userAgent() : request.header("user-agent"),
            request.header("host"),
            request.secure()),
        TrailEvent.Payload.query(model.input(), input, model.output(), output),
        errorCode,
        errorMessage,
        readOnly,
        checks);
  }

  RequestLogEntry entry(HttpResponseData response) {
    finishedMillis = System.currentTimeMillis();
    return new RequestLogEntry(
        finishedMillis,
        response.requestId(),
        callerArn,
        service,
        operation,
        response.status(),
        errorCode,
        System.nanoTime() - startedNanos,
        RequestLogEntry.accountLabel(account));
  }
}
