package io.iamlocal.bench;

import io.iamlocal.bench.Filler.BenchUser;
import io.iamlocal.sigv4.SigningCredential;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same figures for the yardsticks of issue #20, in the same run on the same machine: moto_server
 * (started as its README says, when installed) with the same fill and signed GetUser replay, and the
 * machine's limit for a small HTTP answer, Debian's nginx returning a fixed body of about 700 bytes.
 */
final class Rivals {
  private static final int STARTUP_SAMPLES = 5;
  /** About the size of a GetUser answer. */
  private static final String FIXED_BODY = "<GetUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
      + "<GetUserResult><User><Path>/bench/</Path><UserName>bench-user-000001</UserName>"
      + "<UserId>AIDAEXAMPLEEXAMPLE0001</UserId><Arn>arn:aws:iam::123456789012:user/bench/bench-user-000001</Arn>"
      + "<CreateDate>2026-12-06T07:00:00Z</CreateDate><Tags><member><Key>team</Key><Value>team-1</Value></member>"
      + "<member><Key>env</Key><Value>bench</Value></member><member><Key>cost-center</Key><Value>cc-1</Value>"
      + "</member></Tags></User></GetUserResult><ResponseMetadata><RequestId>4f0d6c54-0d6e-4f55-9c1c-2d5e5f3c9a11"
      + "</RequestId></ResponseMetadata></GetUserResponse>";

  private final Options o;
  private final Wrk wrk;

  Rivals(Options o, Wrk wrk) {
    this.o = o;
    this.wrk = wrk;
  }

  /** moto_server: start-up, RSS idle / after the fill / after GetUser load, signed GetUser throughput. */
  Map<String, Object> moto() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    String moto = onPath("moto_server");
    if (moto == null) {
      out.put("skipped", "moto_server is not on the PATH");
      return out;
    }
    out.put("command", moto + " -p PORT");
    List<Double> samples = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    try (Spawned warmup = Spawned.start(List.of(moto, "-p", "PORT"), "/moto-api/", o.work.resolve("moto-startup.log"))) {
      // Not counted, as for IAMLocal (WireBench.startup): the first start pays for cold caches.
    }
    for (int i = 0; i < STARTUP_SAMPLES; i++) {
      try (Spawned p = Spawned.start(List.of(moto, "-p", "PORT"), "/moto-api/", o.work.resolve("moto-startup.log"))) {
        samples.add(p.firstAnswerMillis);
        cpu.add(p.firstAnswerCpuMillis);
      }
    }
    cpu.sort(null);
    out.put("first_answer_cpu_ms_median", cpu.get(cpu.size() / 2));
    List<Double> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    out.put("first_answer_ms_median", sorted.get(sorted.size() / 2));
    out.put("first_answer_ms_samples", samples);
    try (Spawned p = Spawned.start(List.of(moto, "-p", "PORT"), "/moto-api/", o.work.resolve("moto.log"))) {
      Thread.sleep(1000);
      out.put("idle_rss_kb", p.rssKb());
      WireBench.log("moto: startup median %s ms; filling %d users...", out.get("first_answer_ms_median"), o.users);
      Filler.Result fill = new Filler(java.net.URI.create("http://127.0.0.1:" + p.port), WireBench.ACCOUNT)
          .fill(o.users, o.fillThreads);
      out.put("fill", Filler.describe(fill));
      Thread.sleep(1000);
      out.put("after_fill_rss_kb", p.rssKb());
      Thread.sleep(WireBench.SETTLE_MILLIS);
      out.put("after_fill_settled_rss_kb", p.rssKb());
      List<WireRequest> getUser = new ArrayList<>();
      Instant now = Instant.now();
      for (BenchUser u : fill.users()) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "GetUser");
        params.put("Version", "2010-05-08");
        getUser.add(WireRequest.sign(p.port, "iam", SigningCredential.of(u.keyId1(), u.secret1()), params, now));
      }
      Map<String, Object> load = replay(p.port, List.of(Wrk.write(o.work.resolve("moto-get_user.tsv"), getUser)));
      out.put("get_user", load);
      out.put("after_load_rss_kb", p.rssKb());
      WireBench.log("moto: RSS after fill %s KiB, after load %s KiB, GetUser %s req/s p99 %s ms", out.get("after_fill_rss_kb"),
          out.get("after_load_rss_kb"), load.get("requests_per_second"), load.get("p99_ms"));
    }
    return out;
  }

  /** nginx answering every request with the same ~700-byte body: the most this machine serves. */
  Map<String, Object> nginx() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    String nginx = onPath("nginx");
    if (nginx == null) {
      nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : null;
    }
    if (nginx == null) {
      out.put("skipped", "nginx is not installed (bench/run.sh installs Debian's)");
      return out;
    }
    Path dir = o.work.resolve("nginx").toAbsolutePath();
    Files.createDirectories(dir.resolve("logs"));
    int port = freePort();
    Files.writeString(dir.resolve("nginx.conf"), "worker_processes auto;\ndaemon off;\npid " + dir.resolve("nginx.pid")
        + ";\nerror_log " + dir.resolve("logs/error.log") + ";\nevents { worker_connections 1024; }\n"
        + "http {\n  access_log off;\n  server {\n    listen 127.0.0.1:" + port + ";\n    location / {\n"
        + "      default_type text/xml;\n      return 200 '" + FIXED_BODY + "';\n    }\n  }\n}\n");
    out.put("command", nginx + " -p " + dir + " -c nginx.conf (worker_processes auto, fixed " + FIXED_BODY.length()
        + "-byte body)");
    try (Spawned p = Spawned.start(List.of(nginx, "-p", dir.toString(), "-c", "nginx.conf"), port, "/",
        dir.resolve("logs/stdout.log"))) {
      Path data = o.work.resolve("nginx-get.tsv");
      Files.writeString(data, "GET\t/\t\n");
      Map<String, Object> load = replay(p.port, List.of(data));
      out.put("fixed_answer", load);
      WireBench.log("nginx fixed answer: %s req/s p99 %s ms", load.get("requests_per_second"), load.get("p99_ms"));
    }
    return out;
  }

  private Map<String, Object> replay(int port, List<Path> files) throws Exception {
    if (o.warmupSeconds > 0) {
      new Wrk(wrk.script(), o.wrkThreads, o.connections, o.warmupSeconds).run(port, files);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("load_before", Machine.loadAverage());
    r.putAll(wrk.run(port, files));
    return r;
  }

  private static String onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A server process and its children (a pyenv shim execs python, nginx forks workers). */
  private static final class Spawned implements AutoCloseable {
    final Process process;
    final int port;
    final double firstAnswerMillis;
    final long firstAnswerCpuMillis;

    private Spawned(Process process, int port, double firstAnswerMillis) {
      this.process = process;
      this.port = port;
      this.firstAnswerMillis = firstAnswerMillis;
      this.firstAnswerCpuMillis = cpuMillis(process.pid());
    }

    /** User+system CPU of the process, milliseconds (100 ticks/s). */
    private static long cpuMillis(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
      } catch (IOException | RuntimeException gone) {
        return -1;
      }
    }

    static Spawned start(List<String> command, String path, Path log) throws Exception {
      int port = freePort();
      List<String> cmd = command.stream().map(a -> a.equals("PORT") ? Integer.toString(port) : a).toList();
      return start(cmd, port, path, log);
    }

    /** Spawns and returns once {@code GET path} answers 200, timing spawn to that answer. */
    static Spawned start(List<String> cmd, int port, String path, Path log) throws Exception {
      Files.createDirectories(log.toAbsolutePath().getParent());
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      while (status(port, path) != 200) {
        if (!p.isAlive() || System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
          p.destroyForcibly();
          throw new IllegalStateException(cmd.get(0) + " did not answer: " + Files.readString(log));
        }
        Thread.sleep(1);
      }
      return new Spawned(p, port, Math.round((System.nanoTime() - t0) / 1e5) / 10.0);
    }

    /** VmRSS of the process and its descendants (nginx's master and workers), KiB. */
    long rssKb() {
      long sum = rss(process.pid());
      for (ProcessHandle child : process.descendants().toList()) {
        sum += rss(child.pid());
      }
      return sum;
    }

    private static long rss(long pid) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | RuntimeException gone) {
        // ended while we looked
      }
      return 0;
    }

    private static int status(int port, String path) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        return head.startsWith("HTTP/1.") ? Integer.parseInt(head.substring(9, 12)) : -1;
      } catch (IOException | RuntimeException notYet) {
        return -1;
      }
    }

    @Override
    public void close() throws InterruptedException {
      List<ProcessHandle> children = process.descendants().toList();
      process.destroy();
      children.forEach(ProcessHandle::destroy);
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** The table of issue #20: IAMLocal beside moto and nginx, with the ratios its goals are stated in. */
  static String table(Map<String, Object> results) {
    Object moto = get(results, "comparison", "moto");
    double start = num(results, "startup", "first_answer_ms_median");
    double motoStart = num(moto, "first_answer_ms_median");
    double fill = num(results, "memory", "after_fill_kb", "VmRSS") / 1024;
    double motoFill = num(moto, "after_fill_rss_kb") / 1024;
    double settled = num(results, "memory", "after_fill_settled_kb", "VmRSS") / 1024;
    double motoSettled = num(moto, "after_fill_settled_rss_kb") / 1024;
    double load = num(results, "memory", "after_scenarios_kb", "VmRSS") / 1024;
    double motoLoad = num(moto, "after_load_rss_kb") / 1024;
    Map<String, Object> getUser = null;
    if (get(results, "scenarios") instanceof List<?> list) {
      for (Object sc : list) {
        if (sc instanceof Map<?, ?> m && "get_user".equals(m.get("name"))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> found = (Map<String, Object>) m;
          getUser = found;
        }
      }
    }
    double rps = num(getUser, "requests_per_second");
    double p99 = num(getUser, "p99_ms");
    double motoRps = num(moto, "get_user", "requests_per_second");
    double nginxRps = num(results, "comparison", "nginx", "fixed_answer", "requests_per_second");
    StringBuilder b = new StringBuilder();
    b.append("\n## Side by side (issue #20)\n\n");
    b.append("IAMLocal: `").append(results.get("server_jar")).append("`; moto: `").append(get(moto, "command"))
        .append("`; nginx: `").append(get(results, "comparison", "nginx", "command")).append("`");
    Object nginxWhen = get(results, "comparison", "nginx", "measured");
    b.append(nginxWhen == null ? "" : " (nginx measured " + nginxWhen + ")").append("\n\n");
    b.append("| figure | IAMLocal | moto_server | nginx fixed answer | ratio | goal |\n|---|---|---|---|---|---|\n");
    b.append(String.format("| start-up to first answer (median) | %.0f ms | %.0f ms | | %.2f x moto | <= 0.5 x moto |%n",
        start, motoStart, start / motoStart));
    b.append(String.format("| CPU time to first answer (median; survives a busy machine) | %.0f ms | %.0f ms | | %.2f x moto | |%n",
        num(results, "startup", "first_answer_cpu_ms_median"), num(moto, "first_answer_cpu_ms_median"),
        num(results, "startup", "first_answer_cpu_ms_median") / num(moto, "first_answer_cpu_ms_median")));
    b.append(String.format("| RSS after filling %s users | %.0f MB | %.0f MB | | %.2f x moto | <= 1 x moto |%n",
        results.get("users_requested"), fill, motoFill, fill / motoFill));
    b.append(String.format("| the same, 10 s after the fill (settled) | %.0f MB | %.0f MB | | %.2f x moto | |%n",
        settled, motoSettled, settled / motoSettled));
    b.append(String.format("| RSS after the load runs | %.0f MB | %.0f MB | | %.2f x own fill | <= 2 x own fill |%n",
        load, motoLoad, load / fill));
    b.append(String.format("| signed GetUser | %.0f req/s, p99 %.2f ms | %.0f req/s | %.0f req/s | %.2f x nginx | >= 0.5 x nginx, p99 <= 5 ms |%n",
        rps, p99, motoRps, nginxRps, rps / nginxRps));
    return b.toString();
  }

  private static Object get(Object root, String... path) {
    Object at = root;
    for (String key : path) {
      at = at instanceof Map<?, ?> m ? m.get(key) : null;
    }
    return at;
  }

  private static double num(Object root, String... path) {
    return get(root, path) instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
