package io.iamlocal.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code docker} command line, as the README's commands use it. */
final class DockerCli {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private DockerCli() {}

  /** What a command printed (standard output and error together) and its exit code. */
  record Result(int exitCode, String output) {}

  /** Runs {@code docker ARGS} and returns its trimmed output; fails on a non-zero exit. */
  static String run(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Result result = exec(command, Map.of(), null);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited with "
              + result.exitCode()
              + ":\n"
              + result.output());
    }
    return result.output().trim();
  }

  /** Runs a command with extra environment variables in a directory (null: the current one). */
  static Result exec(List<String> command, Map<String, String> env, Path directory) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      // Read while it runs, so that a chatty command cannot fill the pipe and stall.
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + TIMEOUT);
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The host endpoint a container's port 4566 is published on, e.g. {@code http://127.0.0.1:32768}.
   */
  static URI endpoint(String container) {
    String mapping = run("port", container, "4566/tcp").lines().findFirst().orElseThrow();
    return URI.create("http://" + mapping.replace("0.0.0.0:", "127.0.0.1:"));
  }

  /** Waits until the health path answers 200 and returns how long that took. */
  static Duration awaitHealthy(URI endpoint, Duration limit) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(2)).build();
    long start = System.nanoTime();
    while (System.nanoTime() - start < limit.toNanos()) {
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(20));
    }
    throw new IllegalStateException(endpoint + " did not answer within " + limit);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
