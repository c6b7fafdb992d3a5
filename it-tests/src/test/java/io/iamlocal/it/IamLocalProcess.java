package io.iamlocal.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code iamlocal.jar}, started once per test JVM on a free port (as a user would start
 * it) and stopped when the JVM exits. Tests reset its state through {@code POST /moto-api/reset}.
 */
public final class IamLocalProcess {
  private static final Pattern LISTENING = Pattern.compile("listening on (https?://\\S+)");
  private static IamLocalProcess shared;
  private final Process process;
  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Every line the process printed, when started with {@link #startCapturing}; else null. */
  private final List<String> output;

  private IamLocalProcess(List<String> extraArgs) throws IOException {
    this(extraArgs, false);
  }

  private IamLocalProcess(List<String> extraArgs, boolean capture) throws IOException {
    this(List.of(), extraArgs, capture);
  }

  private IamLocalProcess(List<String> jvmArgs, List<String> extraArgs, boolean capture)
      throws IOException {
    output = capture ? java.util.Collections.synchronizedList(new ArrayList<>()) : null;
    Path jar = Path.of(System.getProperty("iamlocal.jar", "../server/target/iamlocal.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          "build the server first: " + jar.toAbsolutePath() + " is missing");
    }
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", jar.toString(), "--port", "0"));
    command.addAll(extraArgs);
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    URI found = null;
    while ((line = out.readLine()) != null) {
      if (output != null) {
        output.add(line);
      }
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        found = URI.create(m.group(1));
        break;
      }
    }
    if (found == null) {
      throw new IllegalStateException("iamlocal did not start");
    }
    endpoint = found;
    Thread drain =
        new Thread(
            () ->
                out.lines()
                    .forEach(
                        l -> {
                          if (output != null) {
                            output.add(l);
                          }
                          System.err.println(l);
                        }),
            "iamlocal-output");
    drain.setDaemon(true);
    drain.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
  }

  /** The server shared by all tests of this JVM. */
  public static synchronized IamLocalProcess shared() {
    if (shared == null) {
      try {
        shared = new IamLocalProcess(List.of());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return shared;
  }

  /** A separate server with its own flags; the caller stops it. */
  public static IamLocalProcess start(String... args) throws IOException {
    return new IamLocalProcess(List.of(args));
  }

  /**
   * A separate server run with JVM options {@code jvmArgs} (e.g. the README's -Xss512k -Xmx256m)
   * and its own flags.
   */
  public static IamLocalProcess startWithJvm(List<String> jvmArgs, String... args)
      throws IOException {
    return new IamLocalProcess(jvmArgs, List.of(args), false);
  }

  /**
   * A separate server with its own flags whose output is kept for {@link #output()}; the caller
   * stops it.
   */
  public static IamLocalProcess startCapturing(String... args) throws IOException {
    return new IamLocalProcess(List.of(args), true);
  }

  /**
   * What a capturing process has printed so far (standard output and error), one line per element.
   */
  public List<String> output() {
    if (output == null) {
      throw new IllegalStateException("start the process with startCapturing to keep its output");
    }
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public void reset() {
    post("/moto-api/reset");
  }

  public HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(endpoint.resolve(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> post(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(endpoint.resolve(path))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Process process() {
    return process;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Duration timeout() {
    return Duration.ofSeconds(30);
  }
}
