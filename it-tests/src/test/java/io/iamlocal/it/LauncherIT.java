package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher {@code mvn package} writes beside the jar ({@code server/target/iamlocal}, the
 * README's run command) maps the class-data-sharing archive the same build trained: the server's
 * own classes come from it, not from the jar.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("../server/target/iamlocal");

  @Test
  void theLauncherMapsTheArchiveItsBuildMade() throws Exception {
    assertThat(LAUNCHER.resolveSibling("iamlocal.jsa"))
        .as("the CDS archive mvn package trains (see server/target/iamlocal.jsa.log if missing)")
        .exists();
    // -Xshare:on refuses to start when the archive cannot be mapped for this jar and JVM.
    String out =
        run(
            "-Xshare:on -Xlog:class+load=info:stdout:none",
            // picocli's usage is loaded only for --version: Main is the archived class to check
            "--version");
    assertThat(out).contains("IAMLocal ");
    assertThat(out)
        .as("Main is mapped from the archive")
        .containsPattern("io\\.iamlocal\\.server\\.cli\\.Main source: shared objects file");
    assertThat(out)
        .as("one archive: the JDK's own classes come from it too")
        .containsPattern("java\\.lang\\.Object source: shared objects file")
        .doesNotContain("(top)");
  }

  private static String run(String javaOpts, String... args) throws Exception {
    Path log = Files.createTempFile("iamlocal-launcher", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  java.util.stream.Stream.concat(
                          java.util.stream.Stream.of(LAUNCHER.toString()), List.of(args).stream())
                      .toList())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("IAMLOCAL_JAVA_OPTS", javaOpts);
      Process p = builder.start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(out).isZero();
      return out;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
