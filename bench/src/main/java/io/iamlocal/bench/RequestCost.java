package io.iamlocal.bench;

import com.sun.management.ThreadMXBean;
import io.iamlocal.server.IamLocal;
import io.iamlocal.sigv4.SigningCredential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bytes allocated and CPU time spent per signed GetUser on the server's event loops: an embedded
 * server filled with a few hundred users the way the wire benchmark fills them, then N GetUser
 * requests, each signed by a different user's key, sent one at a time over a few kept-alive
 * connections after a warm-up. {@code ThreadMXBean} counts what the event-loop threads allocated and
 * ran, so the allocation figure is the same on a busy machine (the CPU figure less so, but it leaves
 * out the client). Not a timed test: a figure to compare two builds by.
 */
final class RequestCost {
  private static final int CONNECTIONS = 4;

  private RequestCost() {}

  /** An embedded server of the benchmark's account, started and not yet filled. */
  static IamLocal embeddedServer() {
    return IamLocal.builder().port(0).accountId(WireBench.ACCOUNT)
        .rootCredentials(Clients.ROOT_KEY, Clients.ROOT_SECRET).start();
  }

  /** Fills the server with {@code users} users the way the wire benchmark does; fails when none was made. */
  static Filler.Result filled(IamLocal server, int users) throws Exception {
    Filler.Result fill = new Filler(server.endpoint(), WireBench.ACCOUNT).fill(users, 4);
    if (fill.users().isEmpty()) {
      throw new IllegalStateException("no user could be created: " + fill.errors());
    }
    return fill;
  }

  static void run(int users, int requests) throws Exception {
    try (IamLocal server = embeddedServer()) {
      URI endpoint = server.endpoint();
      Filler.Result fill = filled(server, users);
      List<byte[]> wire = new ArrayList<>();
      Instant now = Instant.now();
      for (Filler.BenchUser u : fill.users()) {
        wire.add(bytes(WireRequest.sign(endpoint.getPort(), "iam", SigningCredential.of(u.keyId1(), u.secret1()),
            WireBench.params("GetUser", "2010-05-08"), now)));
      }
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < CONNECTIONS; i++) {
          Socket s = new Socket(endpoint.getHost(), endpoint.getPort());
          s.setTcpNoDelay(true);
          s.setSoTimeout(10_000);
          sockets.add(s);
        }
        send(sockets, wire, requests); // warm-up: JIT, pools, caches
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = eventLoopThreads();
        long bytes0 = sum(threads.getThreadAllocatedBytes(ids));
        long cpu0 = sumCpu(threads, ids, false);
        long user0 = sumCpu(threads, ids, true);
        send(sockets, wire, requests);
        long bytes = sum(threads.getThreadAllocatedBytes(ids)) - bytes0;
        long cpu = sumCpu(threads, ids, false) - cpu0;
        long user = sumCpu(threads, ids, true) - user0;
        System.out.printf("signed GetUser on the event loops (%d threads, %d users, %d requests after as many of"
            + " warm-up): %.0f bytes allocated and %.1f us CPU per request (%.1f us of it in user mode, i.e. Java)%n",
            ids.length, fill.users().size(), requests, (double) bytes / requests, cpu / 1e3 / requests,
            user / 1e3 / requests);
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  /** Sends {@code count} requests round-robin over the connections, one at a time, checking each is a 200. */
  static void send(List<Socket> sockets, List<byte[]> wire, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      Socket s = sockets.get(i % sockets.size());
      OutputStream out = s.getOutputStream();
      out.write(wire.get(i % wire.size()));
      out.flush();
      String head = readResponse(s.getInputStream());
      if (!head.startsWith("HTTP/1.1 200")) {
        throw new IllegalStateException("GetUser answered " + head);
      }
    }
  }

  /** Reads one response (headers and a Content-Length body); returns its head. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed");
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int at = text.toLowerCase().indexOf("content-length:");
    int end = text.indexOf('\r', at);
    int length = Integer.parseInt(text.substring(at + "content-length:".length(), end).trim());
    in.readNBytes(length);
    return text;
  }

  static byte[] bytes(WireRequest r) {
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\n");
    for (Map.Entry<String, String> h : r.headers().entrySet()) {
      b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    b.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** Netty's event-loop threads (NIO or epoll): their names end in the group's and the thread's number. */
  private static long[] eventLoopThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().matches("(nio|epoll)EventLoopGroup-\\d+-\\d+"))
        .mapToLong(Thread::getId).toArray();
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  /** Total (user and kernel) or user-mode CPU time of the threads, in nanoseconds. */
  private static long sumCpu(ThreadMXBean threads, long[] ids, boolean userOnly) {
    long total = 0;
    for (long id : ids) {
      total += userOnly ? threads.getThreadUserTime(id) : threads.getThreadCpuTime(id);
    }
    return total;
  }
}
