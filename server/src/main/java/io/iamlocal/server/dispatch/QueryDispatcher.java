package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.query.FormDecoder;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.protocol.query.QueryInputDecoder;
import io.iamlocal.protocol.xml.XmlResponseWriter;
import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.log.RequestLog;
import io.iamlocal.server.state.AccessActivity;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Accounts;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.trail.CallChecks;
import io.iamlocal.server.trail.Trail;
import io.iamlocal.server.trail.TrailEvent;
import io.iamlocal.sigv4.SigV4Failure;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SignatureVerifier;
import io.iamlocal.sigv4.VerificationResult;
import io.iamlocal.sigv4.Verified;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AWS Query request chain, in order: read parameters, verify SigV4, resolve the caller, find
 * the operation, decode and validate its input, authorize, run the handler under the account lock,
 * render XML. Every failure on the way becomes an AWS {@code ErrorResponse}.
 */
public final class QueryDispatcher {
  private static final Logger LOG = Logger.getLogger(QueryDispatcher.class.getName());
  private final OperationRegistry registry;
  private final IamLocalState state;
  private final SignatureVerifier verifier;
  private final CallerResolver callers;
  private final Authorizer authorizer;
  private final RequestLog requestLog;
  private final WriteJournal journal;
  private final Trail trail;

  /**
   * A dispatcher that reports each answered request to {@code requestLog} ({@code RequestLog.NONE}:
   * none), runs handlers through {@code journal} ({@code WriteJournal.NONE} without a data
   * directory) and records every call that reached an operation in {@code trail}.
   */
  public QueryDispatcher(
      OperationRegistry registry,
      IamLocalState state,
      SignatureVerifier verifier,
      CallerResolver callers,
      Authorizer authorizer,
      RequestLog requestLog,
      WriteJournal journal,
      Trail trail) {
    this.trail = trail;
    this.journal = journal;
    this.requestLog = requestLog;
    this.registry = registry;
    this.state = state;
    this.verifier = verifier;
    this.callers = callers;
    this.authorizer = authorizer;
  }

  public HttpResponseData dispatch(HttpRequestData request) {
    return dispatch(request, ServiceHint.of(request));
  }

  /**
   * Serves a request whose credential scope (or Host) names {@code serviceHint} ({@link
   * ServiceHint}).
   */
  public HttpResponseData dispatch(HttpRequestData request, String serviceHint) {
    RequestTrace trace = new RequestTrace();
    if (!trail.enabled()) {
      HttpResponseData response = dispatch(request, serviceHint, trace);
      requestLog.record(trace.entry(response));
      return response;
    }
    CallChecks.begin();
    HttpResponseData response;
    try {
      response = dispatch(request, serviceHint, trace);
    } finally {
      trace.checks = CallChecks.end();
    }
    requestLog.record(trace.entry(response));
    TrailEvent event =
        trace.trailEvent(
            request,
            response,
            trace.account != null ? trace.account : state.account(),
            trace.checks);
    if (event != null) {
      trail.record(event);
      if (trace.reached
          != null) { // CloudTrail logs a cross-account AssumeRole in the role's account too
        trail.record(trace.trailEvent(request, response, trace.reached, trace.checks));
      }
    }
    return response;
  }

  private HttpResponseData dispatch(
      HttpRequestData request, String serviceHint, RequestTrace trace) {
    String requestId = RequestIds.next();
    ServiceModel service = registry.service(serviceHint);
    if (service == null) {
      service = registry.service("iam");
    }
    trace.service = service.endpointPrefix();
    try {
      return handle(request, requestId, trace);
    } catch (AwsServiceException e) {
      trace.failed(e.errorCode(), e.getMessage());
      return error(service, e.errorCode(), e.getMessage(), requestId);
    } catch (ServiceScopedException e) {
      trace.failed(e.error.errorCode(), e.error.getMessage());
      return error(e.service, e.error.errorCode(), e.error.getMessage(), requestId);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
      trace.failed(AwsErrorCode.INTERNAL_FAILURE);
      return error(
          service,
          AwsErrorCode.INTERNAL_FAILURE,
          "The request processing has failed because of an unknown error, exception or failure.",
          requestId);
    }
  }

  private HttpResponseData handle(HttpRequestData request, String requestId, RequestTrace trace) {
    Map<String, String> params = readParams(request);
    trace.operation = params.get("Action");
    if (UnsignedCalls.allowed(request, params, registry)) {
      ServiceModel sts = registry.service("sts");
      try {
        return invoke(sts, null, params, request, requestId, trace);
      } catch (AwsServiceException e) {
        throw new ServiceScopedException(sts, e);
      }
    }
    Verified verified = authenticate(request);
    ServiceModel service = registry.service(verified.scope().service());
    if (service == null) {
      throw new AwsServiceException(
          AwsErrorCode.INCOMPLETE_SIGNATURE,
          "Credential should be scoped to correct service: 'iam'. ");
    }
    try {
      return invoke(service, verified, params, request, requestId, trace);
    } catch (AwsServiceException e) {
      throw new ServiceScopedException(service, e);
    }
  }

  private HttpResponseData invoke(
      ServiceModel service,
      Verified verified,
      Map<String, String> params,
      HttpRequestData request,
      String requestId,
      RequestTrace trace) {
    // verified is null for the STS calls AWS serves unsigned (the web identity token or SAML
    // assertion authenticates).
    AccountState account = verified == null ? unsignedAccount(params) : signerAccount(verified);
    trace.account = account;
    Caller caller =
        verified == null
            ? Caller.anonymous(account.accountId())
            : callers.callerOf(verified.credential(), account);
    // The request's time, read once: the key's last use and the access advisor's record.
    Instant now = account.now();
    if (verified != null) {
      callers.recordUse(verified, account, now);
    }
    trace.callerArn = caller.arn();
    String action = params.get("Action");
    if (action == null || action.isEmpty()) {
      throw new AwsServiceException(AwsErrorCode.MISSING_ACTION, "Missing Action");
    }
    String version = params.get("Version");
    OperationModel operation = service.operation(action);
    if (operation == null || (version != null && !version.equals(service.apiVersion()))) {
      throw new AwsServiceException(
          AwsErrorCode.INVALID_ACTION,
          "Could not find operation "
              + action
              + " for version "
              + (version == null ? service.apiVersion() : version));
    }
    trace.model = operation;
    trace.caller = caller;
    String region =
        verified == null ? UnsignedCalls.REGION : RepeatedFacts.region(verified.scope().region());
    trace.region = region;
    Params input = QueryInputDecoder.decode(operation.input(), params);
    trace.input = input.asMap();
    OperationRegistry.Registered registered = registry.handler(service.endpointPrefix(), action);
    if (registered == null) {
      throw new AwsServiceException(
          AwsErrorCode.NOT_IMPLEMENTED,
          "IAMLocal does not implement the "
              + service.serviceId()
              + " operation "
              + action
              + " yet.");
    }
    OperationSpec spec = registered.spec();
    trace.readOnly = spec.lock().shared();
    OperationCall.RequestFacts facts =
        RepeatedFacts.facts(
            request.remoteAddress(), request.secure(), request.header("user-agent"));
    trace.facts = facts;
    OperationCall call =
        new OperationCall(
            action, input, caller, account, requestId, region, facts, authorizer.settings());
    trace.reached = CrossAccountCalls.reached(spec, input, account);
    List<Lock> locks = Accounts.locks(account, trace.reached, spec.lock().shared());
    Map<String, ?> output;
    for (int i = 0; i < locks.size(); i++) { // no iterator
      locks.get(i).lock();
    }
    try {
      ArnSyntaxChecks.check(spec, input, account.partition());
      authorizer.authorize(spec, call);
      output = journal.run(service.endpointPrefix(), registered, call, params);
    } finally {
      for (int i = locks.size() - 1; i >= 0; i--) {
        locks.get(i).unlock();
      }
    }
    if (!spec.lock().shared()) {
      trace.output = output; // CloudTrail logs response elements of writes only
    }
    // Access advisor (service last accessed) data comes from the calls really served.
    // Role sessions count as their role's activity, as access advisor reports it.
    // The model's operation name rather than the request's copy: the same instance call after
    // call, compared at once.
    AccessActivity activity = AccessActivity.of(account);
    if (caller.role() != null) {
      activity.record(caller.role(), service.endpointPrefix(), operation.name(), now, region);
    } else if (caller.kind() == Caller.Kind.USER) {
      activity.record(caller.user(), service.endpointPrefix(), operation.name(), now, region);
    } else if (caller.arn() != null) {
      activity.record(caller.arn(), service.endpointPrefix(), operation.name(), now, region);
    }
    return XmlResponseWriter.renderUtf8(
        operation,
        output,
        requestId,
        (body, length) -> HttpResponseData.copied(200, "text/xml", body, length, requestId));
  }

  private Verified authenticate(HttpRequestData request) {
    VerificationResult result =
        verifier.verify(
            new SignableRequest(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                request.headers(),
                request.body()));
    if (result instanceof SigV4Failure failure) {
      throw new AwsServiceException(SignatureErrors.code(failure), failure.message());
    }
    return (Verified) result;
  }

  /**
   * The account the signing key or session belongs to (a root key: in the partition of the signed
   * region).
   */
  private AccountState signerAccount(Verified verified) {
    AccountState account =
        state.accountOf(
            verified.credential().accessKeyId(),
            verified.credential().principal(),
            verified.scope().region());
    if (account == null) { // deleted between the signature check and now
      throw new AwsServiceException(
          AwsErrorCode.INVALID_CLIENT_TOKEN_ID,
          "The security token included in the request is invalid.");
    }
    return account;
  }

  /**
   * An unsigned call (web identity, SAML) acts in the account of the role it names, when that
   * account exists.
   */
  private AccountState unsignedAccount(Map<String, String> params) {
    Partition partition = UnsignedCalls.partition(params);
    AccountState named =
        state.accounts().find(partition, IamLocalState.accountIn(params.get("RoleArn")));
    return named != null ? named : state.defaultAccount(partition);
  }

  private static Map<String, String> readParams(HttpRequestData request) {
    Map<String, String> params = new TreeMap<>();
    if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
      FormDecoder.decodeInto(request.rawQuery(), params);
    }
    String contentType = request.header("content-type");
    if (request.body().length > 0 && FormDecoder.isForm(contentType)) {
      FormDecoder.decodeInto(request.body(), 0, request.body().length, params);
    }
    return params;
  }

  private static HttpResponseData error(
      ServiceModel service, AwsErrorCode code, String message, String requestId) {
    return HttpResponseData.xml(
        code.httpStatus(),
        ErrorRenderer.render(service.xmlNamespace(), code, message, requestId),
        requestId);
  }

  /** Carries an error raised once the target service is known, so it renders in that namespace. */
  private static final class ServiceScopedException extends RuntimeException {
    private final ServiceModel service;
    private final AwsServiceException error;

    ServiceScopedException(ServiceModel service, AwsServiceException error) {
      super(null, null, false, false);
      this.service = service;
      this.error = error;
    }
  }
}
