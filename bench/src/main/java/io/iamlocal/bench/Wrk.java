package io.iamlocal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs wrk with the replay script and reads its WRKJSON summary line. */
final class Wrk {
  private final Path script;
  private final int threads;
  private final int connections;
  private final int durationSeconds;

  Wrk(Path script, int threads, int connections, int durationSeconds) {
    this.script = script;
    this.threads = threads;
    this.connections = connections;
    this.durationSeconds = durationSeconds;
  }

  Path script() {
    return script;
  }

  String options() {
    return "-t" + threads + " -c" + connections + " -d" + durationSeconds + "s --latency --timeout 5s";
  }

  int threads() {
    return threads;
  }

  /** Runs one bounded load and returns its summary (requests/s, percentiles in ms, errors). */
  Map<String, Object> run(int port, List<Path> dataFiles) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + durationSeconds + "s",
        "--latency", "--timeout", "5s", "-s", script.toString(), "http://127.0.0.1:" + port, "--"));
    dataFiles.forEach(p -> cmd.add(p.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(durationSeconds + 120L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("wrk did not finish");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    String json = text.lines().filter(l -> l.startsWith("WRKJSON ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no WRKJSON line from wrk:\n" + text)).substring(8);
    JsonNode n = new ObjectMapper().readTree(json);
    double seconds = n.get("duration_us").asLong() / 1e6;
    long requests = n.get("requests").asLong();
    long socketErrors = n.get("connect_errors").asLong() + n.get("read_errors").asLong()
        + n.get("write_errors").asLong() + n.get("timeouts").asLong();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("requests", requests);
    r.put("requests_per_second", Math.round(requests / seconds));
    r.put("p50_ms", ms(n.get("p50_us")));
    r.put("p90_ms", ms(n.get("p90_us")));
    r.put("p99_ms", ms(n.get("p99_us")));
    r.put("p999_ms", ms(n.get("p999_us")));
    r.put("max_ms", ms(n.get("latency_max_us")));
    r.put("mean_ms", Math.round(n.get("latency_mean_us").asDouble() / 10.0) / 100.0);
    r.put("non_2xx", n.get("non_2xx_3xx").asLong());
    r.put("socket_errors", socketErrors);
    r.put("wrk_seconds", Math.round(seconds * 100) / 100.0);
    return r;
  }

  private static double ms(JsonNode us) {
    return Math.round(us.asDouble() / 10.0) / 100.0;
  }

  /** Writes requests as the replay script's data file. */
  static Path write(Path file, List<WireRequest> requests) throws IOException {
    Files.createDirectories(file.getParent());
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (WireRequest r : requests) {
        r.writeLine(out);
      }
    }
    return file;
  }
}
