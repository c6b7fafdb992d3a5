package io.iamlocal.server;

import io.iamlocal.server.analyzer.LeastPrivilegeEndpoint;
import io.iamlocal.server.authz.AuthorizationMessages;
import io.iamlocal.server.console.ConsoleHandler;
import io.iamlocal.server.dispatch.BrowserGuard;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.QueryDispatcher;
import io.iamlocal.server.dispatch.RequestIds;
import io.iamlocal.server.dispatch.ServiceHint;
import io.iamlocal.server.dispatch.StateEndpoint;
import io.iamlocal.server.dispatch.WriteJournal;
import io.iamlocal.server.jsonapi.JsonApiDispatcher;
import io.iamlocal.server.s3.S3Dispatcher;
import io.iamlocal.server.state.IamLocalState;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Routes every HTTP request: the health check, moto's reset endpoint, and AWS API calls. Anything
 * that is not one of IAMLocal's own paths is an AWS call.
 */
public final class RequestRouter {
  private static final String SERVICES =
      "{\"iam\":\"running\",\"sts\":\"running\",\"s3\":\"running\"}";
  private static final String HEALTH_BODY =
      "{\"status\":\"running\",\"services\":" + SERVICES + "}";
  private final QueryDispatcher dispatcher;
  private final IamLocalState state;
  private final S3Dispatcher s3;
  private final StateEndpoint stateEndpoint;
  private final Supplier<CompletableFuture<Void>> reset;
  private final ConsoleHandler console;
  private final JsonApiDispatcher jsonApis;
  private final LeastPrivilegeEndpoint leastPrivilege;
  private final Supplier<String> dataStoreProblem;
  private final BrowserGuard guard;

  /**
   * Routes AWS calls to {@code dispatcher} and, where given (null: not served), S3 calls to {@code
   * s3}, {@code GET /_iamlocal/state} to {@code stateEndpoint}, and the web console to {@code
   * console}; resets go through {@code reset} (journalled with a data directory) when given. {@code
   * dataStoreProblem} says why the data directory fails (null: it does not), for the health answer,
   * and {@code guard} keeps web pages away from the reset and {@code /_iamlocal/} paths. The
   * JSON-protocol services (CloudTrail, Access Analyzer) are served by {@code jsonApis} and the
   * console's least-privilege data by {@code leastPrivilege} (each null: not served).
   */
  public RequestRouter(
      QueryDispatcher dispatcher,
      IamLocalState state,
      S3Dispatcher s3,
      StateEndpoint stateEndpoint,
      Supplier<CompletableFuture<Void>> reset,
      ConsoleHandler console,
      Supplier<String> dataStoreProblem,
      BrowserGuard guard,
      JsonApiDispatcher jsonApis,
      LeastPrivilegeEndpoint leastPrivilege) {
    this.guard = guard;
    this.dataStoreProblem = dataStoreProblem;
    this.jsonApis = jsonApis;
    this.leastPrivilege = leastPrivilege;
    this.console = console;
    this.stateEndpoint = stateEndpoint;
    this.reset = reset;
    this.dispatcher = dispatcher;
    this.state = state;
    this.s3 = s3;
  }

  public HttpResponseData route(HttpRequestData request) {
    String path = request.rawPath();
    if (BrowserGuard.guards(path) && !isHealthCheck(request, path)) {
      HttpResponseData refused = guard.refusal(request);
      if (refused != null) {
        return refused;
      }
    }
    if ("/moto-api/reset".equals(path) && "POST".equals(request.method())) {
      if (reset == null) {
        state.reset();
        HeapRelease.ofThisJvm().afterReset();
      } else {
        CompletableFuture<Void> done = reset.get();
        done.thenRun(HeapRelease.ofThisJvm()::afterReset);
        WriteJournal.setPending(done);
      }
      return HttpResponseData.json(200, "{\"status\":\"ok\"}", RequestIds.next());
    }
    if (isHealthCheck(request, path)) {
      String problem = dataStoreProblem.get();
      if (problem != null) {
        // Degraded: reads are served, writes refused; 503 so that orchestrators' health checks
        // notice.
        return HttpResponseData.json(
            503,
            "{\"status\":\"degraded\",\"dataStore\":\""
                + new String(
                    com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                        .quoteAsString(problem))
                + "\",\"services\":"
                + SERVICES
                + "}",
            RequestIds.next());
      }
      return HttpResponseData.json(200, HEALTH_BODY, RequestIds.next());
    }
    if ("/_iamlocal/authorization-messages".equals(path) && "GET".equals(request.method())) {
      return HttpResponseData.json(
          200, AuthorizationMessages.of(state.account()).recentJson(), RequestIds.next());
    }
    if (stateEndpoint != null
        && StateEndpoint.PATH.equals(path)
        && "GET".equals(request.method())) {
      return stateEndpoint.export(request);
    }
    if (stateEndpoint != null
        && StateEndpoint.DENIALS_PATH.equals(path)
        && "GET".equals(request.method())) {
      return stateEndpoint.denials(request);
    }
    if (leastPrivilege != null && LeastPrivilegeEndpoint.handles(path)) {
      return leastPrivilege.handle(request);
    }
    if (console != null && ConsoleHandler.handles(path)) {
      return console.handle(request);
    }
    String service =
        ServiceHint.of(request); // the credential scope, parsed once for the whole routing
    if (s3 != null && service.equals("s3")) {
      return s3.dispatch(request);
    }
    if (jsonApis != null && jsonApis.handles(service)) {
      return jsonApis.dispatch(request, service);
    }
    return dispatcher.dispatch(request, service);
  }

  /** {@code GET /} without an API call in it, or the explicit health paths. */
  private static boolean isHealthCheck(HttpRequestData request, String path) {
    if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
      return false;
    }
    if ("/_iamlocal/health".equals(path) || "/health".equals(path)) {
      return true;
    }
    String query = request.rawQuery();
    return "/".equals(path)
        && (query == null || query.isEmpty())
        && request.header("authorization") == null;
  }
}
