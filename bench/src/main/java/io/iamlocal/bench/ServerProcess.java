package io.iamlocal.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server under test, as a separate {@code java -jar} process. Measures the time from spawning
 * the process to the first 200 answer of {@code GET /_iamlocal/health} (JVM start included), and
 * reads its memory from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final double firstAnswerMillis;
  private final int healthPolls;
  private final Path log;

  private ServerProcess(Process process, int port, double firstAnswerMillis, int healthPolls,
      Path log) {
    this.process = process;
    this.port = port;
    this.firstAnswerMillis = firstAnswerMillis;
    this.healthPolls = healthPolls;
    this.log = log;
  }

  static List<String> command(Path jar, List<String> javaOpts, List<String> serverArgs) {
    List<String> cmd = new ArrayList<>();
    if (isLauncher(jar)) {
      cmd.add(jar.toString());
      cmd.addAll(serverArgs);
      return cmd;
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(javaOpts);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(serverArgs);
    return cmd;
  }

  /** Starts the jar on a free port and returns once health answers 200 (polled every millisecond). */
  static ServerProcess start(Path jar, List<String> javaOpts, List<String> serverArgs, Path log) throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no server jar at " + jar);
    }
    // A free port chosen here and health polled on it from the first millisecond, as moto is
    // measured (Rivals.Spawned): reading the server's log for its "listening on" line every
    // millisecond cost this JVM CPU on the two cores the server was starting on.
    int port = Rivals.freePort();
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port)));
    args.addAll(serverArgs);
    // Output goes to a file, as a sidecar's log would: reading the request log through a pipe would
    // cost this JVM CPU on the machine under test.
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command(jar, javaOpts, args)).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    if (isLauncher(jar)) {
      builder.environment().put("IAMLOCAL_JAVA_OPTS", String.join(" ", javaOpts));
    }
    long t0 = System.nanoTime();
    Process process = builder.start();
    int polls = 0;
    while (true) {
      polls++;
      if (healthStatus(port) == 200) {
        break;
      }
      if (!process.isAlive() || System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) {
        process.destroyForcibly();
        throw new IllegalStateException("server never answered health: " + Files.readString(log));
      }
      Thread.sleep(1);
    }
    long tFirst = System.nanoTime();
    return new ServerProcess(process, port, (tFirst - t0) / 1e6, polls, log);
  }

  /**
   * The {@code iamlocal} launcher that {@code mvn package} writes next to the jar (the README's command) rather
   * than a jar: started as is, with extra JVM flags in {@code IAMLOCAL_JAVA_OPTS}.
   */
  static boolean isLauncher(Path server) {
    return !server.getFileName().toString().endsWith(".jar");
  }

  /** One raw HTTP/1.1 health request; -1 when the port does not answer yet. */
  static int healthStatus(int port) {
    try (Socket s = new Socket()) {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      out.write(("GET /_iamlocal/health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] head = s.getInputStream().readNBytes(12);
      String status = new String(head, StandardCharsets.US_ASCII);
      return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  double firstAnswerMillis() {
    return firstAnswerMillis;
  }

  int healthPolls() {
    return healthPolls;
  }

  /** VmRSS, VmHWM, RssAnon, RssFile in KiB from /proc/PID/status. */
  Map<String, Long> memoryKb() {
    Map<String, Long> out = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        for (String key : List.of("VmRSS", "VmHWM", "RssAnon", "RssFile")) {
          if (line.startsWith(key + ":")) {
            out.put(key, Long.parseLong(line.replaceAll("[^0-9]", "")));
          }
        }
      }
    } catch (IOException e) {
      out.put("error", -1L);
    }
    return out;
  }

  /** User+system CPU time of the process so far, in milliseconds (from /proc/PID/stat, 100 ticks/s). */
  long cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * CPU milliseconds per kind of server thread, from /proc/PID/task/TID/stat: {@code event_loop}
   * (Netty, where requests are served), {@code jit}, {@code gc_vm}, {@code request_log} and
   * {@code other}. Only threads alive now are counted, which covers a run's long-lived threads.
   */
  Map<String, Long> threadCpuMillis() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String k : List.of("event_loop", "jit", "gc_vm", "request_log", "other")) {
      out.put(k, 0L);
    }
    try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
          String kind = comm.startsWith("nioEventLoop") || comm.startsWith("epollEventLoop") ? "event_loop"
              : comm.contains("CompilerThre") || comm.startsWith("C1 ") || comm.startsWith("C2 ") ? "jit"
              : comm.startsWith("VM Thread") || comm.startsWith("GC") || comm.startsWith("G1") ? "gc_vm"
              : comm.startsWith("iamlocal-reques") ? "request_log" : "other";
          out.merge(kind, ms, Long::sum);
        } catch (IOException | RuntimeException threadGone) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      out.put("error", -1L);
    }
    return out;
  }

  /** The last lines the server wrote (its request log included). */
  List<String> lastOutput(int n) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return new ArrayList<>(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    } catch (IOException e) {
      return List.of("(no output: " + e + ")");
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
