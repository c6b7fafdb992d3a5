package io.iamlocal.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command-line AWS client (aws-cli, python with boto3) if this machine has it. */
final class ExternalTool {
  private ExternalTool() {}

  /** The result of a finished command. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Skips the calling test unless {@code command} runs and exits 0. */
  static void assumeAvailable(String... command) {
    boolean ok;
    try {
      ok = run(Map.of(), List.of(command)).exitCode() == 0;
    } catch (IllegalStateException e) {
      ok = false;
    }
    assumeTrue(ok, "not available on this machine: " + String.join(" ", command));
  }

  static Result run(Map<String, String> env, List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      byte[] err = process.getErrorStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Result(
          process.exitValue(),
          new String(out, StandardCharsets.UTF_8),
          new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Environment for an AWS client signing as {@code keyId}. */
  static Map<String, String> awsEnv(String keyId, String secret) {
    return Map.of(
        "AWS_ACCESS_KEY_ID", keyId,
        "AWS_SECRET_ACCESS_KEY", secret,
        "AWS_DEFAULT_REGION", "us-east-1",
        "AWS_CONFIG_FILE", "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
        "AWS_PAGER", "");
  }
}
