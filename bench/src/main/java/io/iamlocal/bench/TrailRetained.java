package io.iamlocal.bench;

import io.iamlocal.server.IamLocal;
import io.iamlocal.sigv4.SigningCredential;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap a trail event keeps alive: an embedded server filled with a few users, then N signed GetUser
 * requests, with the trail ring at {@code events} entries and again at 0; the difference of the live
 * heap after a full collection, divided by the ring's size, is what one retained GetUser event costs.
 * With {@code histo DIR}, also writes each run's live class histogram (jcmd GC.class_histogram) there.
 */
final class TrailRetained {
  private TrailRetained() {}

  static void run(int users, int requests, int events, Path histograms) throws Exception {
    long without = liveAfter(users, requests, 0, histograms);
    long with = liveAfter(users, requests, events, histograms);
    System.out.printf("live heap after %d signed GetUser: %d bytes with --cloudtrail-events %d, %d with 0:"
        + " %.0f bytes per retained event%n", requests, with, events, without, (double) (with - without) / events);
  }

  private static long liveAfter(int users, int requests, int events, Path histograms) throws Exception {
    try (IamLocal server = IamLocal.builder().port(0).accountId(WireBench.ACCOUNT)
        .rootCredentials(Clients.ROOT_KEY, Clients.ROOT_SECRET).cloudTrailEvents(events).start()) {
      URI endpoint = server.endpoint();
      Filler.Result fill = new Filler(endpoint, WireBench.ACCOUNT).fill(users, 2);
      List<byte[]> wire = new ArrayList<>();
      Instant now = Instant.now();
      for (Filler.BenchUser u : fill.users()) {
        wire.add(RequestCost.bytes(WireRequest.sign(endpoint.getPort(), "iam",
            SigningCredential.of(u.keyId1(), u.secret1()), WireBench.params("GetUser", "2010-05-08"), now)));
      }
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Socket s = new Socket(endpoint.getHost(), endpoint.getPort());
          s.setTcpNoDelay(true);
          sockets.add(s);
        }
        RequestCost.send(sockets, wire, requests);
        long live = AccountsFootprint.liveHeap();
        if (histograms != null) {
          Files.createDirectories(histograms);
          new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
              .redirectOutput(histograms.resolve("histo-" + events + ".txt").toFile()).start().waitFor();
        }
        return live;
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }
}
