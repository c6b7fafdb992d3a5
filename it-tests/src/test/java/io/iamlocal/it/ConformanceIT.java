package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays the 320 IAM/STS cases recorded against real AWS (src/test/conformance/recorded) against
 * the jar and compares every answer with AWS's, through the pytest harness in src/test/conformance.
 * It passes when every case is reproduced except those listed, with a reason, in
 * src/test/conformance/not-yet-reproduced.txt; a listed case that now passes fails it too, so the
 * list stays true. Skipped where python3 with pytest, boto3 and cryptography is absent.
 */
class ConformanceIT {
  /** The account ID the recordings show in place of the recorder's own. */
  private static final String RECORDED_ACCOUNT = "111111111111";

  private static final Path HARNESS = Path.of("src/test/conformance");
  private static IamLocalProcess server;

  @BeforeAll
  static void start() throws Exception {
    ExternalTool.assumeAvailable("python3", "-c", "import pytest, boto3, cryptography");
    server = IamLocalProcess.start("--account-id", RECORDED_ACCOUNT, "--quiet");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void everyRecordedCaseIsReproducedOrListedWithItsReason() throws Exception {
    Path report = Files.createTempFile("conformance", ".txt");
    ExternalTool.Result run =
        ExternalTool.run(
            Map.of(
                "IAMLOCAL_ENDPOINT",
                server.endpoint().toString().replaceAll("/$", ""),
                "CONFORMANCE_REPORT",
                report.toString(),
                "PYTHONDONTWRITEBYTECODE",
                "1"),
            List.of(
                "python3",
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-q",
                "--no-header",
                "-rN",
                "--tb=no",
                "--rootdir",
                HARNESS.toString(),
                HARNESS.resolve("recorded").toString()));
    String summary =
        run.stdout()
            .lines()
            .filter(
                line ->
                    line.contains("recorded cases reproduced")
                        || line.startsWith("REGRESSION")
                        || line.startsWith("NOW REPRODUCED")
                        || line.startsWith("LISTED BUT"))
            .reduce("", (all, line) -> all + line + "\n");
    System.out.print(summary);
    assertThat(summary).as(run.stdout() + run.stderr()).contains("recorded cases reproduced");
    assertThat(run.exitCode())
        .as(summary + "\nnot reproduced now:\n" + Files.readString(report))
        .isZero();
    Files.deleteIfExists(report);
  }
}
