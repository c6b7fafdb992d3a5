package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Clients that misbehave on purpose, over raw sockets: slow-loris, piles of idle connections,
 * oversized request lines and headers, request smuggling, HTTP/1.0, pipelining, and connections cut
 * mid-body. Each gets the right status with an AWS-style XML body where one can be sent, and the
 * server keeps serving everyone else. The server runs with short limits so the test is quick.
 */
class HostileClientsIT {
  private static final int REQUEST_TIMEOUT = 2;
  private static final int IDLE_TIMEOUT = 4;
  private static final int MAX_HEADER = 8192;
  private static IamLocalProcess server;
  private static URI endpoint;

  @BeforeAll
  static void start() throws IOException {
    server =
        IamLocalProcess.start(
            "-q",
            "--request-timeout",
            String.valueOf(REQUEST_TIMEOUT),
            "--idle-timeout",
            String.valueOf(IDLE_TIMEOUT),
            "--max-header-size",
            String.valueOf(MAX_HEADER));
    endpoint = server.endpoint();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void slowLorisHeadersGet408WhileOthersAreServed() throws Exception {
    try (RawSocket slow = RawSocket.connect(endpoint)) {
      slow.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      AtomicBoolean stop = new AtomicBoolean();
      Thread trickle =
          new Thread(
              () -> {
                // One header byte every 250 ms: never silent long enough for the idle timeout.
                for (int i = 0; i < 60 && !stop.get() && slow.trySend("a"); i++) {
                  sleep(250);
                }
              });
      long started = System.nanoTime();
      trickle.start();
      for (int i = 0; i < 5; i++) {
        assertHealthyWithin(Duration.ofSeconds(2));
        sleep(200);
      }
      RawSocket.Response response = slow.read();
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      stop.set(true);
      trickle.join();
      assertThat(response.status()).isEqualTo(408);
      assertThat(response.body())
          .contains("<Code>RequestTimeout</Code>")
          .contains("<ErrorResponse");
      assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
      assertThat(waited)
          .isBetween(
              Duration.ofMillis(REQUEST_TIMEOUT * 1000L - 500),
              Duration.ofSeconds(REQUEST_TIMEOUT + 4));
      assertThat(slow.closedByPeer(Duration.ofSeconds(5))).isTrue();
    }
    assertHealthyWithin(Duration.ofSeconds(2));
  }

  @Test
  void aClientThatShutsItsSendingSideAfterTheRequestStillGetsTheAnswer() {
    try (RawSocket client = RawSocket.connect(endpoint)) {
      RawSocket.Response response =
          client
              .send("GET /_iamlocal/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .shutdownOutput()
              .read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(client.closedByPeer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void slowBodyGets408() {
    try (RawSocket slow = RawSocket.connect(endpoint)) {
      slow.send(
          "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              + "Content-Length: 100\r\n\r\nAction=");
      for (int i = 0; i < 6; i++) {
        sleep(500);
        if (!slow.trySend("x")) {
          break;
        }
      }
      RawSocket.Response response = slow.read();
      assertThat(response.status()).isEqualTo(408);
      assertThat(response.body()).contains("<Code>RequestTimeout</Code>");
      assertThat(slow.closedByPeer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void aThousandIdleConnectionsNeitherBlockOthersNorEatMemory() throws Exception {
    long rssBefore = residentKilobytes();
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
        idle.add(s);
      }
      assertHealthyWithin(Duration.ofSeconds(2));
      try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
        assertThat(iam.getAccountSummary().summaryMap()).isNotEmpty();
      }
      long rssAfter = residentKilobytes();
      System.out.printf(
          "1000 idle connections: server RSS %d KiB -> %d KiB%n", rssBefore, rssAfter);
      // Netty keeps no buffer for a silent connection: a thousand of them cost a few MB, not one
      // each.
      assertThat(rssAfter - rssBefore).as("RSS growth in KiB").isLessThan(96 * 1024);
      // ... and the idle timeout closes them.
      Socket first = idle.get(0);
      first.setSoTimeout((IDLE_TIMEOUT + 6) * 1000);
      assertThat(first.getInputStream().read()).isEqualTo(-1);
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
    assertHealthyWithin(Duration.ofSeconds(2));
  }

  @Test
  void oversizedHeadersGet431() {
    try (RawSocket client = RawSocket.connect(endpoint)) {
      client.send(
          "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
              + "a".repeat(MAX_HEADER + 100)
              + "\r\n\r\n");
      RawSocket.Response response = client.read();
      assertThat(response.status()).isEqualTo(431);
      assertThat(response.body()).contains("<Code>RequestHeaderFieldsTooLarge</Code>");
      assertThat(client.closedByPeer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void oversizedRequestLineGets414() {
    try (RawSocket client = RawSocket.connect(endpoint)) {
      client.send(
          "GET /?Action=ListUsers&Marker="
              + "m".repeat(20_000)
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      RawSocket.Response response = client.read();
      assertThat(response.status()).isEqualTo(414);
      assertThat(response.body()).contains("<Code>RequestURITooLong</Code>");
      assertThat(client.closedByPeer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
        "Transfer-Encoding: chunked, identity\r\n",
        "Transfer-Encoding: xchunked\r\nContent-Length: 5\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
        "Content-Length: 5\r\nContent-Length: 6\r\n",
        "Transfer-Encoding : chunked\r\n",
        "Content-Length: -5\r\n",
      })
  void ambiguousFramingIsRefusedAndTheConnectionClosed(String framing) {
    try (RawSocket client = RawSocket.connect(endpoint)) {
      // What follows the headers would be a second, smuggled request to whoever reads the framing
      // differently.
      client.send(
          "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + framing
              + "\r\n0\r\n\r\nPOST /moto-api/reset HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      RawSocket.Response response = client.read();
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("<ErrorResponse").contains("<Type>Sender</Type>");
      assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
      assertThat(client.closedByPeer(Duration.ofSeconds(5)))
          .as("no second response, connection closed")
          .isTrue();
    }
  }

  @Test
  void http10IsServedAndClosed() {
    try (RawSocket client = RawSocket.connect(endpoint)) {
      client.send("GET / HTTP/1.0\r\n\r\n");
      RawSocket.Response response = client.read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.version()).isEqualTo("HTTP/1.0");
      assertThat(response.body()).contains("running");
      assertThat(client.closedByPeer(Duration.ofSeconds(5))).isTrue();
    }
    try (RawSocket client = RawSocket.connect(endpoint)) {
      client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      RawSocket.Response first = client.read();
      assertThat(first.header("Connection")).isEqualToIgnoringCase("keep-alive");
      client.send("GET /_iamlocal/health HTTP/1.0\r\n\r\n");
      assertThat(client.read().status()).isEqualTo(200);
      assertThat(client.closedByPeer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() {
    try (RawSocket client = RawSocket.connect(endpoint)) {
      String form = "Action=ListUsers&Version=2010-05-08";
      client.send(
          "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              + "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
              + form.length()
              + "\r\n\r\n"
              + form
              + "HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              + "GET /_iamlocal/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      RawSocket.Response health = client.read();
      RawSocket.Response unsigned = client.read();
      RawSocket.Response head = client.read(true);
      RawSocket.Response last = client.read();
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body()).contains("running");
      assertThat(unsigned.status()).isEqualTo(403);
      assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>");
      assertThat(head.status()).isEqualTo(200);
      assertThat(last.status()).isEqualTo(200);
      assertThat(last.body()).contains("running");
      assertThat(client.closedByPeer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void clientsVanishingMidBodyLeaveTheServerFine() {
    for (int i = 0; i < 50; i++) {
      RawSocket client = RawSocket.connect(endpoint);
      String head =
          i % 2 == 0
              ? "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\n"
              : "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n";
      client.send(head + "Action=CreateUser&UserName=" + "x".repeat(100));
      if (i % 3 == 0) {
        client.abort();
      } else {
        client.close();
      }
    }
    assertHealthyWithin(Duration.ofSeconds(2));
    try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
      assertThat(iam.listUsers().users()).noneMatch(u -> u.userName().startsWith("xxx"));
    }
  }

  private static void assertHealthyWithin(Duration limit) {
    long start = System.nanoTime();
    var response =
        RawHttp.send(
            HttpRequest.newBuilder(endpoint.resolve("/_iamlocal/health"))
                .timeout(limit)
                .GET()
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limit);
  }

  private static long residentKilobytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + server.process().pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    throw new IllegalStateException("no VmRSS");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
