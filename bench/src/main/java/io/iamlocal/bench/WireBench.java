package io.iamlocal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iamlocal.bench.Filler.BenchUser;
import io.iamlocal.sigv4.SigningCredential;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The end-to-end benchmark: start the real jar (startup time, idle RSS), fill it through the wire
 * with the SDK (fill time, RSS), then replay precomputed SigV4-signed requests with wrk per
 * scenario, and write {@code <results>/<timestamp>.json} and {@code .md}.
 */
final class WireBench {
  /**
   * The second RSS reading after the fill, 10 s after it ended: the JIT's scratch memory of the
   * fill's compilations goes back to the OS only after HotSpot's chunk-pool cleaner (every 5 s) and
   * the periodic native trim (every 2 s) have run, so the reading at +1 s varies by ~20 MB run to run.
   */
  static final long SETTLE_MILLIS = 9000;

  static final String ACCOUNT = "123456789012";
  static final int STARTUP_SAMPLES = 5;
  /** AWS's default UsersPerAccount quota; the bench raises it with a system property for larger fills. */
  static final int DEFAULT_USER_QUOTA = 5000;

  private final Options o;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<Map<String, Object>> scenarios = new ArrayList<>();
  private final Wrk wrk;
  private ServerProcess server;
  private Filler.Result fill;
  private List<String> javaOpts;
  /** nginx's fixed answer, measured straight after IAMLocal's GetUser scenario (null until then). */
  private Map<String, Object> nginx;

  private WireBench(Options o) {
    this.o = o;
    this.wrk = new Wrk(Path.of("bench/wrk/replay.lua"), o.wrkThreads, o.connections, o.durationSeconds);
  }

  static void run(Options o) throws Exception {
    new WireBench(o).run();
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    javaOpts = new ArrayList<>(o.javaOpts);
    if (o.users > DEFAULT_USER_QUOTA) {
      javaOpts.add("-Diamlocal.quota.UsersPerAccount=" + o.users);
    }
    results.put("timestamp", started.toString());
    results.put("label", o.label);
    results.put("machine", Machine.describe());
    results.put("server_jar", o.jar.toString());
    results.put("server_jvm_options", String.join(" ", javaOpts));
    results.put("wrk_options", wrk.options());
    results.put("warmup_seconds_per_scenario", o.warmupSeconds);
    results.put("users_requested", o.users);
    Files.createDirectories(o.work);

    results.put("startup", startup());
    server = ServerProcess.start(o.jar, javaOpts, o.serverArgs, o.work.resolve("server.log"));
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + server.port());
      Map<String, Object> memory = new LinkedHashMap<>();
      Thread.sleep(1000);
      memory.put("idle_kb", server.memoryKb());
      log("idle RSS %d KiB", server.memoryKb().get("VmRSS"));

      log("filling %d users through the SDK (%d threads)...", o.users, o.fillThreads);
      fill = new Filler(endpoint, ACCOUNT).fill(o.users, o.fillThreads);
      results.put("fill", Filler.describe(fill));
      log("fill: %d users in %.1f s; skipped %s; errors %s", fill.users().size(), fill.seconds(), fill.skipped().keySet(),
          fill.errors());
      Thread.sleep(1000);
      memory.put("after_fill_kb", server.memoryKb());
      log("RSS after fill %d KiB", server.memoryKb().get("VmRSS"));
      Thread.sleep(SETTLE_MILLIS);
      memory.put("after_fill_settled_kb", server.memoryKb());
      log("RSS 10 s after fill %d KiB", server.memoryKb().get("VmRSS"));
      results.put("memory", memory);
      results.put("scenarios", scenarios);

      if (fill.users().isEmpty()) {
        throw new IllegalStateException("no user could be created: " + fill.errors());
      }
      runScenarios(endpoint);
      memory.put("after_scenarios_kb", server.memoryKb());
    } finally {
      results.put("server_output_tail", server.lastOutput(5));
      server.close();
    }
    if (o.rivals) {
      Rivals rivals = new Rivals(o, wrk);
      Map<String, Object> comparison = new LinkedHashMap<>();
      results.put("comparison", comparison);
      comparison.put("moto", rivals.moto());
      comparison.put("nginx", nginx != null ? nginx : rivals.nginx());
    }
    results.put("targets", Targets.check(results));
    write(started);
  }

  private void runScenarios(URI endpoint) throws Exception {
    List<BenchUser> users = fill.users();
    int port = server.port();
    if (o.wants("get_user")) {
      scenario("get_user", "iam GetUser of the caller, each request signed by a different user's key", () -> {
        List<WireRequest> list = new ArrayList<>();
        Instant now = Instant.now();
        for (BenchUser u : users) {
          list.add(WireRequest.sign(port, "iam", SigningCredential.of(u.keyId1(), u.secret1()),
              params("GetUser", "2010-05-08"), now));
        }
        return List.of(list);
      });
      if (o.rivals) {
        // The ratio of issue #20 compares GetUser with the machine's limit: both measured within
        // seconds of each other, as the machine's speed drifts by 20-30 % over the minutes a run
        // takes (moto's turn came between them before). IAMLocal stays up, idle, meanwhile.
        nginx = new Rivals(o, wrk).nginx();
        nginx.put("measured", "straight after IAMLocal's get_user scenario");
      }
    }
    if (o.wants("list_users")) {
      scenario("list_users", "iam ListUsers MaxItems=100, walking every page of all users (markers precomputed)", () -> {
        List<String> markers = new ArrayList<>();
        markers.add(null);
        try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
          String marker = null;
          while (true) {
            String m = marker;
            ListUsersResponse page = iam.listUsers(r -> r.maxItems(100).marker(m));
            if (!page.isTruncated()) {
              break;
            }
            marker = page.marker();
            markers.add(marker);
          }
        }
        List<WireRequest> list = new ArrayList<>();
        Instant now = Instant.now();
        for (String m : markers) {
          Map<String, String> p = params("ListUsers", "2010-05-08");
          p.put("MaxItems", "100");
          if (m != null) {
            p.put("Marker", m);
          }
          list.add(WireRequest.sign(port, "iam", SigningCredential.of(Clients.ROOT_KEY, Clients.ROOT_SECRET), p, now));
        }
        return List.of(list);
      });
    }
    if (o.wants("get_caller_identity")) {
      scenario("get_caller_identity", "sts GetCallerIdentity, each request signed by a different user's second key", () -> {
        List<WireRequest> list = new ArrayList<>();
        Instant now = Instant.now();
        for (BenchUser u : users) {
          list.add(WireRequest.sign(port, "sts", SigningCredential.of(u.keyId2(), u.secret2()),
              params("GetCallerIdentity", "2011-06-15"), now));
        }
        return List.of(list);
      });
    }
    if (o.wants("simulate_principal_policy")) {
      scenario("simulate_principal_policy", "iam SimulatePrincipalPolicy of a user (group + 2 managed policies), 3 actions",
          () -> {
            List<WireRequest> list = new ArrayList<>();
            Instant now = Instant.now();
            for (BenchUser u : users.subList(0, Math.min(users.size(), 2000))) {
              Map<String, String> p = params("SimulatePrincipalPolicy", "2010-05-08");
              p.put("PolicySourceArn", u.arn());
              p.put("ActionNames.member.1", "iam:GetUser");
              p.put("ActionNames.member.2", "s3:GetObject");
              p.put("ActionNames.member.3", "iam:DeleteUser");
              list.add(WireRequest.sign(port, "iam", SigningCredential.of(Clients.ROOT_KEY, Clients.ROOT_SECRET), p, now));
            }
            return List.of(list);
          });
    }
    if (o.wants("assume_role") && fill.roleArn() != null) {
      scenario("assume_role", "sts AssumeRole of the bench role (replayed: each call mints new credentials)", () -> {
        List<WireRequest> list = new ArrayList<>();
        Instant now = Instant.now();
        int i = 0;
        for (BenchUser u : users.subList(0, Math.min(users.size(), 5000))) {
          Map<String, String> p = params("AssumeRole", "2011-06-15");
          p.put("RoleArn", fill.roleArn());
          p.put("RoleSessionName", "bench-" + i++);
          list.add(WireRequest.sign(port, "sts", SigningCredential.of(u.keyId1(), u.secret1()), p, now));
        }
        return List.of(list);
      });
    } else if (o.wants("assume_role")) {
      skip("assume_role", "CreateRole is not implemented, so there is no role to assume");
    }
    if (o.wants("assumed_role_call") && fill.roleArn() != null) {
      scenario("assumed_role_call", "sts GetCallerIdentity signed with temporary credentials of 500 AssumeRole sessions",
          () -> {
            List<WireRequest> list = new ArrayList<>();
            for (BenchUser u : users.subList(0, Math.min(users.size(), 500))) {
              Credentials c;
              try (StsClient sts = Clients.sts(endpoint, AwsBasicCredentials.create(u.keyId1(), u.secret1()))) {
                c = sts.assumeRole(r -> r.roleArn(fill.roleArn()).roleSessionName("bench-call")).credentials();
              }
              list.add(WireRequest.sign(port, "sts", new SigningCredential(c.accessKeyId(), c.secretAccessKey(),
                  c.sessionToken(), null), params("GetCallerIdentity", "2011-06-15"), Instant.now()));
            }
            return List.of(list);
          });
    }
    if (o.wants("create_user")) {
      // Runs last: it resets the server. UsersPerAccount (5,000 in AWS) bounds how many users can
      // exist, so each wrk thread resets the state after every `window` creations; names alternate
      // between two halves so a creation still in flight across a reset never collides.
      int window = Math.max(100, Math.min(2000, 4500 / o.wrkThreads));
      scenario("create_user", "iam CreateUser with unique names (state reset every " + window
          + " creations per wrk thread to stay under UsersPerAccount; resets are "
          + String.format("%.2f", 100 / (window + 1.0)) + "% of requests)", () -> {
            List<List<WireRequest>> perThread = new ArrayList<>();
            Instant now = Instant.now();
            WireRequest reset = new WireRequest("POST", "/moto-api/reset", Map.of("Host", "127.0.0.1:" + port), "");
            for (int t = 0; t < o.wrkThreads; t++) {
              List<WireRequest> list = new ArrayList<>();
              for (int j = 0; j < 2 * window; j++) {
                Map<String, String> p = params("CreateUser", "2010-05-08");
                p.put("UserName", "bench-new-" + t + "-" + j);
                list.add(WireRequest.sign(port, "iam", SigningCredential.of(Clients.ROOT_KEY, Clients.ROOT_SECRET), p, now));
                if (j == window - 1 || j == 2 * window - 1) {
                  list.add(reset);
                }
              }
              perThread.add(list);
            }
            return perThread;
          });
    }
  }

  /** Precomputed requests: one list shared by all wrk threads, or one list per thread. */
  @FunctionalInterface
  interface RequestSource {
    List<List<WireRequest>> build() throws Exception;
  }

  private void scenario(String name, String description, RequestSource source) throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("description", description);
    scenarios.add(s);
    List<List<WireRequest>> lists;
    try {
      lists = source.build();
    } catch (AwsServiceException e) {
      s.put("skipped", e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
      log("%s skipped: %s", name, s.get("skipped"));
      return;
    }
    WireRequest first = lists.get(0).get(0);
    WireRequest reset = lists.get(0).stream().filter(r -> r.path().equals("/moto-api/reset")).findFirst().orElse(null);
    if (reset != null) {
      reset.send(server.port());
    }
    String[] check = first.send(server.port());
    if (reset != null) {
      reset.send(server.port());
    }
    if (!check[0].startsWith("2")) {
      String code = between(check[1], "<Code>", "</Code>");
      String message = between(check[1], "<Message>", "</Message>");
      s.put("skipped", "HTTP " + check[0] + " " + code + ": " + message);
      log("%s skipped: %s", name, s.get("skipped"));
      return;
    }
    List<Path> files = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < lists.size(); i++) {
      files.add(Wrk.write(o.work.resolve(name + (lists.size() > 1 ? "-" + (i + 1) : "") + ".tsv"), lists.get(i)));
      total += lists.get(i).size();
    }
    s.put("distinct_requests", total);
    if (o.warmupSeconds > 0) {
      // JIT warm-up and connection set-up, not reported: the first scenario would otherwise pay for both.
      new Wrk(wrk.script(), o.wrkThreads, o.connections, o.warmupSeconds).run(server.port(), files);
      if (reset != null) {
        reset.send(server.port());
      }
    }
    s.put("load_before", Machine.loadAverage());
    boolean profile = name.equals(o.profile);
    Path jfr = o.work.resolve(name + ".jfr");
    if (profile) {
      jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + jfr.toAbsolutePath());
    }
    long cpu0 = server.cpuMillis();
    Map<String, Long> threads0 = server.threadCpuMillis();
    long t0 = System.nanoTime();
    Map<String, Object> r = wrk.run(server.port(), files);
    double wall = (System.nanoTime() - t0) / 1e6;
    long cpu1 = server.cpuMillis();
    Map<String, Long> threads1 = server.threadCpuMillis();
    if (profile) {
      jcmd("JFR.stop", "name=bench");
      Map<String, Object> summary = JfrSummary.summarize(jfr);
      Object allocated = summary.get("allocated_bytes_total");
      if (allocated instanceof Long bytes) {
        summary.put("allocated_bytes_per_request", bytes / Math.max(1, (Long) r.get("requests")));
      }
      s.put("profile", summary);
      Files.writeString(o.work.resolve(name + "-profile.json"), json().writeValueAsString(summary));
    }
    s.putAll(r);
    s.put("server_cpu_percent", Math.round(100.0 * (cpu1 - cpu0) / wall));
    // CPU per request is the figure that survives a busy machine best: compare it across runs.
    s.put("server_cpu_us_per_request", Math.round(1000.0 * (cpu1 - cpu0) / Math.max(1, (Long) r.get("requests"))));
    // Where that CPU went: the event loops serve requests; JIT and GC time are not per-request work.
    Map<String, Long> perThread = new LinkedHashMap<>();
    threads1.forEach((k, v) -> perThread.put(k, Math.round(1000.0 * (v - threads0.getOrDefault(k, 0L))
        / Math.max(1, (Long) r.get("requests")))));
    s.put("server_cpu_us_per_request_by_thread", perThread);
    s.put("load_after", Machine.loadAverage());
    s.put("rss_after_kb", server.memoryKb().get("VmRSS"));
    log("%-26s %8s req/s  p50 %6s ms  p99 %6s ms  max %7s ms  non2xx %s  sockerr %s  server cpu %s%% (%s us/req %s)  load %s",
        name, r.get("requests_per_second"), r.get("p50_ms"), r.get("p99_ms"), r.get("max_ms"), r.get("non_2xx"),
        r.get("socket_errors"), s.get("server_cpu_percent"), s.get("server_cpu_us_per_request"), perThread,
        s.get("load_before"));
  }

  private void skip(String name, String why) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("skipped", why);
    scenarios.add(s);
    log("%s skipped: %s", name, why);
  }

  /** Startup: spawn to first 200 from health, sampled several times on fresh processes. */
  private Map<String, Object> startup() throws Exception {
    List<Double> firstAnswer = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    Map<String, Long> idle = null;
    try (ServerProcess warmup = ServerProcess.start(o.jar, javaOpts, List.of(), o.work.resolve("startup-warmup.log"))) {
      // Not counted, as for moto (Rivals): the first start after a build or another program pays for
      // cold caches and this JVM's own first polls.
    }
    for (int i = 0; i < STARTUP_SAMPLES; i++) {
      try (ServerProcess p = ServerProcess.start(o.jar, javaOpts, List.of(), o.work.resolve("startup-" + i + ".log"))) {
        firstAnswer.add(round(p.firstAnswerMillis()));
        cpu.add(p.cpuMillis());
        idle = p.memoryKb();
      }
    }
    List<Double> sorted = new ArrayList<>(firstAnswer);
    sorted.sort(null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("first_answer_ms_median", sorted.get(sorted.size() / 2));
    out.put("first_answer_ms_min", sorted.get(0));
    out.put("first_answer_ms_max", sorted.get(sorted.size() - 1));
    out.put("first_answer_ms_samples", firstAnswer);
    // CPU time (all threads) until the first answer: survives a busy machine better than wall time.
    List<Long> cpuSorted = new ArrayList<>(cpu);
    cpuSorted.sort(null);
    out.put("first_answer_cpu_ms_median", cpuSorted.get(cpuSorted.size() / 2));
    out.put("first_answer_cpu_ms_samples", cpu);
    out.put("rss_at_first_answer_kb", idle);
    log("startup to first answered request: median %s ms (samples %s)", sorted.get(sorted.size() / 2), firstAnswer);
    return out;
  }

  private void jcmd(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    cmd.add(Long.toString(server.pid()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    if (p.exitValue() != 0) {
      throw new IllegalStateException("jcmd failed: " + out);
    }
  }

  private void write(Instant started) throws IOException {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
    Files.createDirectories(o.results);
    Path jsonFile = o.results.resolve(stamp + ".json");
    Path mdFile = o.results.resolve(stamp + ".md");
    Files.writeString(jsonFile, json().writeValueAsString(results) + "\n");
    String md = Report.markdown(results) + (o.rivals ? Rivals.table(results) : "");
    Files.writeString(mdFile, md);
    System.out.println();
    System.out.println(md);
    System.out.println("results: " + jsonFile + " and " + mdFile);
  }

  static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  static Map<String, String> params(String action, String version) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", action);
    p.put("Version", version);
    return p;
  }

  private static String between(String text, String open, String close) {
    int a = text.indexOf(open);
    int b = a < 0 ? -1 : text.indexOf(close, a);
    return a < 0 || b < 0 ? text.strip() : text.substring(a + open.length(), b);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static void log(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
    System.out.flush();
  }
}
