package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README runs as written: every {@code sh}, {@code python} and {@code java} block, in order,
 * against one server (its {@code http://127.0.0.1:4566} replaced by the server's address); the
 * shell and Python ones twice, since the README promises its snippets can be re-run. A block is
 * instead
 *
 * <ul>
 *   <li>a mirror, after {@code <!-- readme-test: mirror PATH -->}: PATH (a test the build runs)
 *       must hold the block verbatim, Java files exactly (without their package line);
 *   <li>skipped, after {@code <!-- readme-test: skip (REASON) -->}: the reason says why and which
 *       test covers it instead.
 * </ul>
 *
 * Blocks needing a tool this machine lacks (aws, python3 with boto3, curl, docker) are skipped.
 */
class ReadmeIT {
  private static final Path ROOT = Path.of(System.getProperty("iamlocal.project.root", ".."));
  private static final Pattern FENCE = Pattern.compile("^( *)```(\\w*)\\s*$");
  private static final Pattern MARKER =
      Pattern.compile("^\\s*<!-- readme-test: (skip|mirror) (.+?) -->\\s*$");
  private static final Pattern JAVA_CLASS = Pattern.compile("public class (\\w+)");
  private static final List<String> RUNNABLE = List.of("sh", "python", "java");
  private static IamLocalProcess server;
  private static Path work;

  /** A fenced block: where it starts (1-based line of the fence), its language, text and marker. */
  record Block(int line, String language, String text, String marker, String argument) {
    String name() {
      return "README.md:" + line + " (" + language + (marker == null ? "" : ", " + marker) + ")";
    }
  }

  @BeforeAll
  static void start() throws IOException {
    server = IamLocalProcess.startCapturing();
    work = Files.createTempDirectory("iamlocal-readme");
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.stop();
    }
    if (work != null) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static List<Block> blocks() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      StringBuilder text = new StringBuilder();
      int j = i + 1;
      while (!lines.get(j).equals(indent + "```")) {
        String line = lines.get(j++);
        text.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
      }
      Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : MARKER.matcher("");
      boolean marked = marker.matches();
      blocks.add(
          new Block(
              i + 1,
              open.group(2),
              text.toString(),
              marked ? marker.group(1) : null,
              marked ? marker.group(2) : null));
      i = j;
    }
    return blocks;
  }

  @TestFactory
  Stream<DynamicTest> everySnippetRunsOrHasAMirrorOrAReason() throws IOException {
    return blocks().stream()
        .filter(b -> RUNNABLE.contains(b.language()) || b.marker() != null)
        .map(b -> DynamicTest.dynamicTest(b.name(), () -> check(b)));
  }

  @Test
  void findsTheBlocksItPromises() throws IOException {
    List<Block> blocks = blocks();
    assertThat(blocks)
        .filteredOn(b -> b.marker() == null && b.language().equals("sh"))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(blocks)
        .filteredOn(b -> b.marker() == null && b.language().equals("python"))
        .hasSizeGreaterThanOrEqualTo(1);
    assertThat(blocks)
        .filteredOn(b -> b.marker() == null && b.language().equals("java"))
        .hasSizeGreaterThanOrEqualTo(1);
    assertThat(blocks).filteredOn(b -> "mirror".equals(b.marker())).hasSizeGreaterThanOrEqualTo(3);
    // The CLI's --max-items truncates on the client; only --page-size makes the server page.
    assertThat(blocks).noneMatch(b -> b.text().contains("--max-items"));
  }

  private void check(Block block) throws Exception {
    if ("skip".equals(block.marker())) {
      assertThat(block.argument()).as("a skip names its reason").matches("\\(.{10,}\\)");
      assumeTrue(false, block.argument());
    }
    if ("mirror".equals(block.marker())) {
      checkMirror(block);
      return;
    }
    String code =
        block
            .text()
            .replace("http://127.0.0.1:4566", server.endpoint().toString().replaceAll("/$", ""));
    // Twice where a block changes the account, since the README promises its snippets can be
    // re-run.
    int runs = block.language().equals("java") ? 1 : 2;
    for (int run = 1; run <= runs; run++) {
      int listUsersBefore = requests("iam:ListUsers");
      String output =
          switch (block.language()) {
            case "sh" -> runShell(code);
            case "python" -> runPython(code);
            case "java" -> runJava(code);
            default -> throw new IllegalStateException(block.language());
          };
      expectations(block, output, requests("iam:ListUsers") - listUsersBefore);
    }
  }

  /** What the README's own comments promise for its main walk-through blocks. */
  private static void expectations(Block block, String output, int listUsersRequests) {
    if (block.text().contains("--region cn-north-1")) {
      // The partitions block: each region's ARNs in its own partition.
      assertThat(output)
          .isEqualTo(
              "arn:aws-cn:iam::123456789012:root\narn:aws-us-gov:iam::aws:policy/ReadOnlyAccess\n");
    } else if (block.text().contains("sts get-caller-identity")) {
      assertThat(output).contains("arn:aws:iam::123456789012:user/alice");
      // --page-size 1 over alice and bob: two ListUsers requests, the second with the first's
      // Marker.
      assertThat(listUsersRequests).isEqualTo(2);
      assertThat(output).contains("\"UserName\": \"alice\"").contains("\"UserName\": \"bob\"");
    }
    if (block.language().equals("python")) {
      assertThat(output).isEqualTo("['alice']\n['bob']\n");
      assertThat(listUsersRequests).isEqualTo(2);
    }
    if (block.language().equals("java")) {
      // The boto3 block before it left alice and bob.
      assertThat(output)
          .isEqualTo("arn:aws:iam::123456789012:user/alice\narn:aws:iam::123456789012:user/bob\n");
    }
  }

  private int requests(String action) {
    return (int) server.output().stream().filter(l -> l.contains("action=" + action + " ")).count();
  }

  private static String runShell(String code) {
    ExternalTool.assumeAvailable("bash", "-c", "command -v aws && command -v curl");
    return succeed(
        List.of("bash", "-euo", "pipefail", "-c", "cd " + work + "\n" + code),
        ExternalTool.awsEnv("unset", "unset"));
  }

  private static String runPython(String code) {
    ExternalTool.assumeAvailable("python3", "-c", "import boto3");
    return succeed(List.of("python3", "-c", code), Map.of());
  }

  /**
   * Compiles the block with this JVM's class path (the AWS SDK is on it) and runs its main class.
   */
  private static String runJava(String code) throws IOException {
    Matcher className = JAVA_CLASS.matcher(code);
    assertThat(className.find())
        .as("a runnable Java block declares a public class with main")
        .isTrue();
    Path dir = Files.createTempDirectory(work, "java");
    Path source = dir.resolve(className.group(1) + ".java");
    Files.writeString(source, code);
    String classPath = System.getProperty("java.class.path");
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", dir.toString(), "-cp", classPath, source.toString());
    assertThat(compiled).as("javac of the README's Java block").isZero();
    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return succeed(
        List.of(
            javaBinary,
            "-XX:TieredStopAtLevel=1",
            "-cp",
            dir + File.pathSeparator + classPath,
            className.group(1)),
        Map.of());
  }

  private static String succeed(List<String> command, Map<String, String> env) {
    ExternalTool.Result result = ExternalTool.run(env, command);
    assertThat(result.exitCode())
        .as("exit code; stdout:\n" + result.stdout() + "\nstderr:\n" + result.stderr())
        .isZero();
    return result.stdout();
  }

  private static void checkMirror(Block block) throws IOException {
    Path mirror = ROOT.resolve(block.argument());
    assertThat(mirror).as("the mirror of " + block.name()).exists();
    String file = Files.readString(mirror).replace("@project.version@", projectVersion());
    if (block.language().equals("java")) {
      String withoutPackage = file.replaceFirst("(?m)\\Apackage [\\w.]+;\\n\\n", "");
      assertThat(withoutPackage).as(block.name() + " and " + mirror).isEqualTo(block.text());
    } else {
      assertThat(file).as(block.name() + " in " + mirror).contains(block.text());
    }
  }

  private static String projectVersion() throws IOException {
    Matcher version =
        Pattern.compile("<artifactId>iamlocal-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(version.find()).isTrue();
    return version.group(1);
  }
}
