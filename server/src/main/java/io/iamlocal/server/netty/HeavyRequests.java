package io.iamlocal.server.netty;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.iamlocal.protocol.query.FormDecoder;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.RequestIds;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Requests whose work is not O(1): the policy simulations ({@code Simulate*} IAM calls and the
 * console's {@code POST /_iamlocal/api/simulate}). Their work per call is bounded by a budget, but
 * it can still take milliseconds, so they run on one thread of their own, queued: a flood of
 * simulations waits for itself and is refused with {@code Throttling} when the queue is full, while
 * every other request keeps its event loop.
 */
final class HeavyRequests {
  private static final String CONSOLE_SIMULATE = "/_iamlocal/api/simulate";

  /** Simulations waiting for the thread before more are refused. */
  private static final int QUEUE = 64;

  private HeavyRequests() {}

  /**
   * A thread for heavy requests that exists only while there is work (so embedded servers leave
   * none behind).
   */
  static Executor executor() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "iamlocal-simulations");
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  static boolean isHeavy(HttpRequestData request) {
    if (CONSOLE_SIMULATE.equals(request.rawPath())) {
      return true;
    }
    String action = action(request);
    return action != null && action.startsWith("Simulate");
  }

  /**
   * The Query {@code Action}, read as the dispatcher reads it (query string first, then a form
   * body).
   */
  private static String action(HttpRequestData request) {
    String action = FormDecoder.valueOf(request.rawQuery(), "Action");
    if (action != null) {
      return action;
    }
    String contentType = request.header("content-type");
    if (!FormDecoder.isForm(contentType)) {
      return null;
    }
    return FormDecoder.valueOf(request.body(), "Action");
  }

  /**
   * The answer when too many simulations are waiting: IAM's own rate refusal, which the SDKs retry.
   */
  static HttpResponseData tooMany() {
    String requestId = RequestIds.next();
    return HttpResponseData.xml(
        AwsErrorCode.THROTTLING.httpStatus(),
        ErrorRenderer.render(
            ErrorRenderer.IAM_NAMESPACE, AwsErrorCode.THROTTLING, "Rate exceeded", requestId),
        requestId);
  }
}
