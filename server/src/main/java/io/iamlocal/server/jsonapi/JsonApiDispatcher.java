package io.iamlocal.server.jsonapi;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.json.JsonError;
import io.iamlocal.protocol.json.JsonInputDecoder;
import io.iamlocal.protocol.json.JsonResponseWriter;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.query.FormDecoder;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.authz.PolicyAuthorizer;
import io.iamlocal.server.authz.RequestContexts;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.RequestIds;
import io.iamlocal.server.dispatch.ServiceHint;
import io.iamlocal.server.dispatch.SignedRequests;
import io.iamlocal.server.log.RequestLog;
import io.iamlocal.server.log.RequestLogEntry;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.sigv4.SigV4Failure;
import io.iamlocal.sigv4.SignatureVerifier;
import io.iamlocal.sigv4.Verified;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request chain of the JSON-protocol services (CloudTrail's JSON 1.1, Access Analyzer's
 * REST-JSON), chosen by the credential scope's service: verify SigV4, resolve the caller, find the
 * operation (X-Amz-Target, or method and path), decode and validate its input from the model,
 * authorize {@code prefix:Operation} on {@code *} by the caller's policies, run the handler under
 * the account's read lock, and write JSON. Errors are {@code {"__type":…,"message":…}} with the
 * {@code x-amzn-ErrorType} header, as the SDKs parse them.
 */
public final class JsonApiDispatcher {
  private static final Logger LOG = Logger.getLogger(JsonApiDispatcher.class.getName());
  private final IamLocalState state;
  private final SignatureVerifier verifier;
  private final CallerResolver callers;
  private final PolicyAuthorizer authorizer;
  private final RequestLog requestLog;
  private final Map<String, JsonService> services;

  /** {@code services}: by signing name ({@code cloudtrail}, {@code access-analyzer}). */
  public JsonApiDispatcher(
      IamLocalState state,
      SignatureVerifier verifier,
      CallerResolver callers,
      PolicyAuthorizer authorizer,
      RequestLog requestLog,
      Map<String, JsonService> services) {
    this.state = state;
    this.verifier = verifier;
    this.callers = callers;
    this.authorizer = authorizer;
    this.requestLog = requestLog;
    this.services = Map.copyOf(services);
  }

  /** Whether {@code signingName} (the request's {@link ServiceHint}) is one of these services. */
  public boolean handles(String signingName) {
    return services.containsKey(signingName);
  }

  /** Serves a request signed for {@code signingName}, one of these services. */
  public HttpResponseData dispatch(HttpRequestData request, String signingName) {
    long started = System.nanoTime();
    String requestId = RequestIds.next();
    JsonService service = services.get(signingName);
    String[] trace = new String[3]; // caller ARN, operation, account
    HttpResponseData response;
    String errorCode = null;
    try {
      response = handle(service, request, requestId, trace);
    } catch (JsonError e) {
      errorCode = e.code();
      response = error(service, e.status(), e.code(), e.getMessage(), requestId);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
      errorCode = "InternalServerException";
      response =
          error(
              service,
              500,
              errorCode,
              "Request processing has failed due to some unknown error.",
              requestId);
    }
    requestLog.record(
        new RequestLogEntry(
            System.currentTimeMillis(),
            requestId,
            trace[0],
            signingName,
            trace[1],
            response.status(),
            errorCode,
            System.nanoTime() - started,
            trace[2]));
    return response;
  }

  private HttpResponseData handle(
      JsonService service, HttpRequestData request, String requestId, String[] trace) {
    Verified verified = SignedRequests.verified(verifier, callers, state, request, REFUSALS);
    AccountState account = SignedRequests.account(state, verified, REFUSALS);
    Caller caller = SignedRequests.caller(callers, verified, account, REFUSALS);
    trace[0] = caller.arn();
    trace[2] = RequestLogEntry.accountLabel(account);
    Map<String, String> labels = new HashMap<>();
    OperationModel operation =
        service.operation(
            request.method(), request.rawPath(), request.header("x-amz-target"), labels);
    JsonOperation handler = operation == null ? null : service.handlers().get(operation.name());
    if (handler == null) {
      throw JsonError.badRequest(
          "UnknownOperationException",
          operation == null
              ? null
              : "IAMLocal does not implement the "
                  + service.model().serviceId()
                  + " operation "
                  + operation.name()
                  + " yet.");
    }
    trace[1] = operation.name();
    Params input = decode(operation, request, labels);
    JsonCall call =
        new JsonCall(
            operation.name(), input, caller, account, requestId, verified.scope().region());
    account.lock().readLock().lock();
    Map<String, ?> output;
    try {
      authorize(service, call, request);
      output = handler.handle(call);
    } finally {
      account.lock().readLock().unlock();
    }
    return response(
        service, 200, JsonResponseWriter.render(operation.output(), output), requestId, Map.of());
  }

  private static Params decode(
      OperationModel operation, HttpRequestData request, Map<String, String> labels) {
    Map<String, String> query = new TreeMap<>();
    if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
      FormDecoder.decodeInto(request.rawQuery(), query);
    }
    try {
      return JsonInputDecoder.decode(operation.input(), request.body(), labels, query);
    } catch (AwsServiceException e) {
      throw JsonError.badRequest("ValidationException", e.getMessage());
    }
  }

  private void authorize(JsonService service, JsonCall call, HttpRequestData request) {
    String action = service.actionPrefix() + ":" + call.operation();
    Map<String, java.util.List<String>> keys =
        RequestContexts.of(
            call.caller(),
            call.account(),
            call.now(),
            call.region(),
            request.remoteAddress(),
            request.secure(),
            request.header("user-agent"));
    if (!authorizer.allows(call.caller(), call.account(), call.requestId(), action, "*", keys)) {
      throw new JsonError(
          "AccessDeniedException",
          service.model().protocol().equals("json") ? 400 : 403,
          "User: "
              + call.caller().arn()
              + " is not authorized to perform: "
              + action
              + " because no identity-based policy allows the "
              + action
              + " action");
    }
  }

  /** How the JSON services refuse signed requests. */
  private static final SignedRequests.Refusals REFUSALS =
      new SignedRequests.Refusals() {
        @Override
        public RuntimeException badSignature(SigV4Failure failure) {
          return signatureError(failure);
        }

        @Override
        public RuntimeException expiredToken() {
          return JsonError.badRequest(
              "ExpiredTokenException", "The security token included in the request is expired");
        }

        @Override
        public RuntimeException unknownToken() {
          return JsonError.badRequest(
              "UnrecognizedClientException",
              "The security token included in the request is invalid.");
        }
      };

  /** The JSON services' names for SigV4 failures. */
  private static JsonError signatureError(SigV4Failure failure) {
    return switch (failure.kind()) {
      case MISSING_AUTHENTICATION_TOKEN ->
          new JsonError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
      case INCOMPLETE_SIGNATURE ->
          JsonError.badRequest("IncompleteSignatureException", failure.message());
      case INVALID_CLIENT_TOKEN_ID, INVALID_SECURITY_TOKEN ->
          JsonError.badRequest(
              "UnrecognizedClientException",
              "The security token included in the request is invalid.");
      case EXPIRED_TOKEN ->
          JsonError.badRequest(
              "ExpiredTokenException", "The security token included in the request is expired");
      case SIGNATURE_DOES_NOT_MATCH, SIGNATURE_EXPIRED, REQUEST_EXPIRED ->
          JsonError.badRequest("InvalidSignatureException", failure.message());
    };
  }

  private static HttpResponseData error(
      JsonService service, int status, String code, String message, String requestId) {
    return response(
        service,
        status,
        JsonResponseWriter.error(code, message),
        requestId,
        Map.of("x-amzn-ErrorType", code));
  }

  private static HttpResponseData response(
      JsonService service, int status, String body, String requestId, Map<String, String> headers) {
    String contentType =
        service != null && service.model().protocol().equals("json")
            ? "application/x-amz-json-1.1"
            : "application/json";
    return new HttpResponseData(
        status, contentType, body.getBytes(StandardCharsets.UTF_8), requestId, headers);
  }
}
