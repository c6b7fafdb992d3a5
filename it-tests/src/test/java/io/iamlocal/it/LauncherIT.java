package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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

  @Test
  void theLauncherRunsTheRuntimeItsBuildLinked() throws Exception {
    Path runtime = LAUNCHER.resolveSibling("runtime");
    assumeTrue(
        Files.isExecutable(runtime.resolve("bin/java")),
        "mvn package links no runtime from a JDK without jmods");
    String out = run("-XshowSettings:properties", "--version");
    assertThat(out)
        .as("the launcher prefers the runtime beside the jar, the JVM its archive was made with")
        .contains("java.home = " + runtime.toRealPath());
  }

  @Test
  void theLauncherLoadsNettysEpollLibraryFromBesideTheJar() throws Exception {
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux")
            && List.of("amd64", "aarch64").contains(System.getProperty("os.arch")),
        "Netty's epoll transport is for Linux on x86_64 and aarch64");
    assertThat(LAUNCHER.resolveSibling("native"))
        .as("mvn package unpacks Netty's epoll libraries beside the jar")
        .isDirectoryContaining("glob:**/libnetty_transport_native_epoll_*.so");
    ProcessBuilder builder =
        new ProcessBuilder(LAUNCHER.toString(), "--port", "0", "--quiet").redirectErrorStream(true);
    builder.environment().put("IAMLOCAL_JAVA_OPTS", "-Xlog:class+load=info:stdout:none");
    Process p = builder.start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.append(line).append('\n');
        if (line.contains("listening on")) {
          break;
        }
      }
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    assertThat(out.toString())
        .as("the server started on the epoll transport")
        .contains("listening on")
        .contains("io.netty.channel.epoll.EpollEventLoop ");
    assertThat(out.toString())
        .as("Netty loaded the library in place: no temporary copy out of the jar")
        .doesNotContain("java.nio.file.TempFileHelper ");
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
