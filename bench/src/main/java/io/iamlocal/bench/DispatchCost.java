package io.iamlocal.bench;

import com.sun.management.ThreadMXBean;
import io.iamlocal.server.IamLocal;
import io.iamlocal.server.RequestRouter;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.sigv4.SigningCredential;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time and bytes allocated per signed GetUser in the dispatch path alone (router, signature,
 * caller, authorization, handler, XML, trail and request log), called on this thread without Netty
 * or sockets: the part of an event loop's work that is IAMLocal's own Java, measured by the thread's
 * own CPU clock, so a busy machine disturbs it far less than a wire figure. Each round goes through
 * every user once (their requests rotate as in the wire benchmark); rounds are repeated and the
 * lowest CPU per request is reported with the median. Not a timed test: a figure to compare builds
 * by.
 */
final class DispatchCost {
  private DispatchCost() {}

  static void run(int users, int requests, String action) throws Exception {
    try (IamLocal server = RequestCost.embeddedServer()) {
      URI endpoint = server.endpoint();
      Filler.Result fill = RequestCost.filled(server, users);
      RequestRouter router = server.server().router();
      List<HttpRequestData> signed = new ArrayList<>();
      Instant now = Instant.now();
      String service = action.equals("GetCallerIdentity") ? "sts" : "iam";
      String version = service.equals("sts") ? "2011-06-15" : "2010-05-08";
      for (Filler.BenchUser u : fill.users()) {
        signed.add(data(WireRequest.sign(endpoint.getPort(), service, SigningCredential.of(u.keyId1(), u.secret1()),
            WireBench.params(action, version), now)));
      }
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      send(router, signed, Math.max(requests, 50_000)); // warm-up: JIT, caches
      int rounds = 15;
      double[] cpu = new double[rounds];
      double[] bytes = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        long cpu0 = threads.getCurrentThreadCpuTime();
        send(router, signed, requests);
        cpu[r] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / requests;
        bytes[r] = (double) (threads.getCurrentThreadAllocatedBytes() - bytes0) / requests;
      }
      java.util.Arrays.sort(cpu);
      java.util.Arrays.sort(bytes);
      System.out.printf("signed %s dispatched on one thread without sockets (%d users, %d rounds of %d requests):"
          + " %.2f us CPU per request (lowest round; median %.2f), %.0f bytes allocated%n", action,
          fill.users().size(), rounds, requests, cpu[0], cpu[rounds / 2], bytes[rounds / 2]);
    }
  }

  private static void send(RequestRouter router, List<HttpRequestData> signed, int count) {
    for (int i = 0; i < count; i++) {
      HttpResponseData response = router.route(signed.get(i % signed.size()));
      if (response.status() != 200) {
        throw new IllegalStateException("answered " + response.status() + ": "
            + new String(response.body(), StandardCharsets.UTF_8));
      }
      response.releaseBody(); // as the Netty writer does once the codec has copied the body out
    }
  }

  /** The request as the Netty handler hands it on: lower-case header names, one value each. */
  private static HttpRequestData data(WireRequest r) {
    Map<String, List<String>> headers = new HashMap<>();
    r.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.of(v)));
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    headers.put("content-length", List.of(Integer.toString(body.length)));
    return new HttpRequestData(r.method(), r.path(), "", io.iamlocal.sigv4.ReceivedHeaders.takeOver(headers), body,
        "127.0.0.1", false);
  }
}
