package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A hostile but realistic client on a shared network, one test per way it could stall, wipe or
 * starve the server (issue "Safe on a shared network"): the server runs as the README runs it
 * ({@code -Xss512k -Xmx256m}). Figures are printed as {@code shared-network: …} lines; the
 * assertions are generous bounds, since the CI machine is small and shared.
 */
class SharedNetworkIT {
  private static final List<String> README_JVM =
      List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx256m", "-Xss512k");
  private static final String[] ACTIONS = {
    "s3:GetObject",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:ListBucket",
    "s3:GetBucketPolicy",
    "s3:PutBucketPolicy",
    "s3:GetObjectAcl",
    "s3:PutObjectAcl",
    "s3:GetObjectTagging",
    "s3:PutObjectTagging",
    "s3:RestoreObject",
    "s3:GetObjectVersion"
  };
  private static final AtomicLong PROBES = new AtomicLong();
  private static IamLocalProcess server;
  private static URI endpoint;

  @BeforeAll
  static void start() throws IOException {
    server = IamLocalProcess.startWithJvm(README_JVM, "-q");
    endpoint = server.endpoint();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  // 1. One unsigned request stalls everyone.

  @Test
  void theWorstSimulationDelaysNoOtherClient() throws Exception {
    // The request: a backtracking bomb against 1,000 ARNs of 2,048 characters. Refused at
    // once as too large.
    long started = System.nanoTime();
    HttpResponse<String> bomb = consoleSimulate(simulation(1_000));
    long bombMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(400);
    assertThat(bomb.body()).contains("too large");
    assertThat(bombMillis).isLessThan(10_000);

    // The largest simulation still accepted, by the console and signed, three times over, while
    // others keep calling;
    // the same probes first run alone, so the figure separates what the simulation costs others
    // from machine noise.
    String largest = simulation(8);
    long[] alone = probe(() -> sleepQuietly(3_000));
    long[] heavyTimes = new long[2];
    long[] during =
        probe(
            () -> {
              for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                HttpResponse<String> console = consoleSimulate(largest);
                long t1 = System.nanoTime();
                HttpResponse<String> signed =
                    RawHttp.signedForm(endpoint, Clients.root(), "iam", signedSimulation(8));
                long t2 = System.nanoTime();
                assertThat(console.statusCode()).as(console.body()).isEqualTo(200);
                assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
                heavyTimes[0] = Math.max(heavyTimes[0], (t1 - t0) / 1_000_000);
                heavyTimes[1] = Math.max(heavyTimes[1], (t2 - t1) / 1_000_000);
              }
            });
    System.out.printf(
        "shared-network: bomb simulation (12 actions x 1,000 ARNs of 2,048 chars) refused in %d ms; "
            + "largest accepted (12 actions x 8 ARNs, 3 rounds): console %d ms, signed first page %d ms; longest delay of a "
            + "concurrent request (health / signed CreateUser): %d / %d ms during it over %d probes, %d / %d ms with no simulation "
            + "over %d probes%n",
        bombMillis,
        heavyTimes[0],
        heavyTimes[1],
        during[1],
        during[2],
        during[0],
        alone[1],
        alone[2],
        alone[0]);
    assertThat(during[1]).isLessThan(2_000);
    assertThat(during[2]).isLessThan(2_000);
  }

  /**
   * Probes (health, then a signed CreateUser) every 5 ms while {@code work} runs: {count, worst
   * health ms, worst write ms}.
   */
  private static long[] probe(Runnable work) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    CompletableFuture<Void> heavy =
        CompletableFuture.runAsync(
            () -> {
              try {
                work.run();
              } finally {
                running.set(false);
              }
            });
    long worstHealth = 0;
    long worstWrite = 0;
    int probes = 0;
    try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
      while (running.get() || probes < 5) {
        long t0 = System.nanoTime();
        assertThat(server.get("/_iamlocal/health").statusCode()).isEqualTo(200);
        long t1 = System.nanoTime();
        String name = "probe-" + PROBES.incrementAndGet();
        iam.createUser(r -> r.userName(name));
        long t2 = System.nanoTime();
        worstHealth = Math.max(worstHealth, (t1 - t0) / 1_000_000);
        worstWrite = Math.max(worstWrite, (t2 - t1) / 1_000_000);
        probes++;
        Thread.sleep(5);
      }
    }
    heavy.get(5, TimeUnit.MINUTES);
    return new long[] {probes, worstHealth, worstWrite};
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // 2. Deep JSON drops the connection.

  @Test
  void deeplyNestedJsonIsAnsweredAsMalformed() {
    String deep =
        "{\"Version\":\"2012-10-17\",\"Statement\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}";
    try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
      iam.createUser(r -> r.userName("deep"));
      assertThatThrownBy(
              () -> iam.putUserPolicy(r -> r.userName("deep").policyName("p").policyDocument(deep)))
          .isInstanceOf(MalformedPolicyDocumentException.class);
    }
    HttpResponse<String> console =
        consoleSimulate(
            "{\"policyDocuments\":[" + quote(deep) + "],\"actionNames\":[\"s3:GetObject\"]}");
    assertThat(console.statusCode()).isEqualTo(400);
    HttpResponse<String> deepRequest = consoleSimulate("[".repeat(5_000) + "]".repeat(5_000));
    assertThat(deepRequest.statusCode()).isEqualTo(400);
    assertThat(server.get("/_iamlocal/health").statusCode()).isEqualTo(200);
  }

  // 3. A web page can wipe the state, and a rebinding page can read it.

  @Test
  void webPagesCanNeitherResetNorReadTheState() {
    try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
      iam.createUser(r -> r.userName("victim"));
      String host = endpoint.getHost() + ":" + endpoint.getPort();
      RawSocket.Response reset =
          raw(
              "POST /moto-api/reset HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nOrigin: https://evil.example\r\n"
                  + "Sec-Fetch-Site: cross-site\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      assertThat(reset.status()).isEqualTo(403);
      assertThat(iam.getUser(r -> r.userName("victim")).user().userName()).isEqualTo("victim");
      RawSocket.Response rebound =
          raw(
              "GET /_iamlocal/api/users HTTP/1.1\r\nHost: rebind.evil.example:"
                  + endpoint.getPort()
                  + "\r\nSec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n");
      assertThat(rebound.status()).isEqualTo(403);
      assertThat(rebound.body()).doesNotContain("victim");
      RawSocket.Response console =
          raw(
              "GET /_iamlocal/api/users HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nSec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n");
      assertThat(console.status()).isEqualTo(200);
      assertThat(console.body()).contains("victim");
    }
  }

  // 8. A bad percent-encoding is a 500 with a stack trace.

  @Test
  void aBadPercentEncodingIsA400() {
    RawSocket.Response response =
        raw(
            "GET /_iamlocal/api/users?x=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("Exception");
  }

  // 7. Memory pressure drops requests silently.

  @Test
  void memoryPressureLeavesNoRequestUnanswered() {
    byte[] object = new byte[5 << 20];
    int puts = 80;
    int answered = 0;
    int stored = 0;
    int refused = 0;
    try (S3Client s3 = StsTestSupport.s3(endpoint, Clients.root())) {
      s3.createBucket(r -> r.bucket("pressure"));
      for (int i = 0; i < puts; i++) {
        String key = "o" + i;
        try {
          s3.putObject(r -> r.bucket("pressure").key(key), RequestBody.fromBytes(object));
          stored++;
          answered++;
        } catch (S3Exception e) {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
          refused++;
          answered++;
        }
      }
      // Deleting makes room again.
      s3.deleteObject(r -> r.bucket("pressure").key("o0"));
      s3.putObject(r -> r.bucket("pressure").key("again"), RequestBody.fromBytes(object));
    }
    System.out.printf(
        "shared-network: %d of %d PUTs of 5 MiB answered (%d%%) under -Xmx256m: %d stored, %d refused as full%n",
        answered, puts, 100 * answered / puts, stored, refused);
    assertThat(answered).isEqualTo(puts);
    assertThat(refused).isPositive();
    assertThat(server.get("/_iamlocal/health").statusCode()).isEqualTo(200);
    server.reset();
  }

  // 5. An empty iamlocal.db beside its WAL starts empty.

  @Test
  void anEmptyDatabaseBesideItsWriteAheadLogIsDamage() throws IOException {
    Path dir = Files.createTempDirectory("iamlocal-damaged");
    Files.write(dir.resolve("iamlocal.db"), new byte[0]);
    Files.write(dir.resolve("iamlocal.db-wal"), new byte[4096]);
    DataDirProcesses.Exit exit = DataDirProcesses.runExpectingExit("--data-dir", dir.toString());
    assertThat(exit.code()).isEqualTo(1);
    assertThat(exit.output()).contains("damaged");
    assertThat(Files.size(dir.resolve("iamlocal.db"))).isZero();
  }

  // ---- helpers ----

  /**
   * A SimulateCustomPolicy form for the console: the bomb policy, 12 actions, {@code resources}
   * ARNs of 2,048 characters.
   */
  private static String simulation(int resources) {
    StringBuilder json =
        new StringBuilder("{\"policyDocuments\":[")
            .append(quote(bombPolicy()))
            .append("],\"actionNames\":[");
    for (int i = 0; i < ACTIONS.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(ACTIONS[i]).append('"');
    }
    json.append("],\"resourceArns\":[");
    for (int i = 0; i < resources; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(longArn()).append('"');
    }
    return json.append("]}").toString();
  }

  private static String signedSimulation(int resources) {
    StringBuilder form =
        new StringBuilder(
                "Action=SimulateCustomPolicy&Version=2010-05-08&PolicyInputList.member.1=")
            .append(URLEncoder.encode(bombPolicy(), StandardCharsets.UTF_8));
    for (int i = 0; i < ACTIONS.length; i++) {
      form.append("&ActionNames.member.")
          .append(i + 1)
          .append('=')
          .append(URLEncoder.encode(ACTIONS[i], StandardCharsets.UTF_8));
    }
    for (int i = 0; i < resources; i++) {
      form.append("&ResourceArns.member.")
          .append(i + 1)
          .append('=')
          .append(URLEncoder.encode(longArn(), StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  private static String bombPolicy() {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::*"
        + "a".repeat(1_000)
        + "?b\"}]}";
  }

  private static String longArn() {
    return "arn:aws:s3:::" + "a".repeat(2_048 - "arn:aws:s3:::".length());
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static HttpResponse<String> consoleSimulate(String json) {
    return RawHttp.send(
        HttpRequest.newBuilder(endpoint.resolve("/_iamlocal/api/simulate"))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static RawSocket.Response raw(String request) {
    try (RawSocket socket = RawSocket.connect(endpoint)) {
      return socket.send(request).read();
    }
  }
}
