package io.iamlocal.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs of the real jar that are expected to refuse to start (bad data directory or seed file). */
final class DataDirProcesses {
  private DataDirProcesses() {}

  /** What a refused start printed, and its exit code. */
  record Exit(int code, String output) {}

  /**
   * Starts the jar with {@code args} and waits for it to exit; fails if it starts serving instead.
   */
  static Exit runExpectingExit(String... args) {
    Path jar = Path.of(System.getProperty("iamlocal.jar", "../server/target/iamlocal.jar"));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port",
                "0"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("iamlocal " + String.join(" ", args) + " did not exit");
      }
      return new Exit(
          process.exitValue(),
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Kills the server at once (SIGKILL on Linux): no shutdown hook, no flush. */
  static void killMinus9(IamLocalProcess server) throws InterruptedException {
    server.process().destroyForcibly();
    server.process().waitFor(30, TimeUnit.SECONDS);
  }
}
