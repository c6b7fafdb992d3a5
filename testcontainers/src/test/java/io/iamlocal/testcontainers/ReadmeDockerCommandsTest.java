package io.iamlocal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The commands of the README's "Docker" section, run as written except for what a test on a shared
 * machine must change: containers start detached, on a free host port, with a volume of their own.
 * The image is the one {@code .ci/run} builds with the section's {@code docker build} command.
 */
@RequiresIamLocalImage
class ReadmeDockerCommandsTest {
  private static final Path REPO = Path.of(System.getProperty("iamlocal.repo", ".."));
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  @Test
  void theSectionBuildsTheImageTheTestsUse() throws IOException {
    assertThat(commands("docker build")).containsExactly("docker build -t iamlocal/iamlocal .");
  }

  @Test
  void everyDockerRunCommandServesIamAndSts() throws IOException {
    List<String> runs = commands("docker run");
    assertThat(runs).hasSizeGreaterThanOrEqualTo(2).anyMatch(c -> c.contains("--data-dir /data"));
    for (String command : runs) {
      String volume = "iamlocal-readme-test-" + UUID.randomUUID();
      String container = start(command, volume);
      try {
        URI endpoint = DockerCli.endpoint(container);
        DockerCli.awaitHealthy(endpoint, READY_WITHIN);
        try (StsClient sts = Clients.sts(endpoint, "test", "test");
            IamClient iam = Clients.iam(endpoint, "test", "test")) {
          assertThat(sts.getCallerIdentity().arn())
              .as(command)
              .isEqualTo("arn:aws:iam::123456789012:root");
          iam.createUser(r -> r.userName("written-before-restart"));
        }
        if (command.contains("--data-dir")) {
          DockerCli.run("rm", "-f", container);
          container = start(command, volume);
          endpoint = DockerCli.endpoint(container);
          DockerCli.awaitHealthy(endpoint, READY_WITHIN);
          try (IamClient iam = Clients.iam(endpoint, "test", "test")) {
            assertThat(iam.getUser(r -> r.userName("written-before-restart")).user().userName())
                .as(command)
                .isEqualTo("written-before-restart");
          }
        }
      } finally {
        DockerCli.run("rm", "-f", container);
        DockerCli.exec(List.of("docker", "volume", "rm", "-f", volume), Map.of(), null);
      }
    }
  }

  @Test
  void composeRunsTheAppAgainstTheSidecarByServiceName() throws IOException {
    List<String> ups = commands("docker compose up");
    assertThat(ups).hasSize(1);
    List<String> command = new ArrayList<>(List.of(ups.get(0).split("\\s+")));
    if (DockerCli.exec(List.of("docker", "compose", "version"), Map.of(), null).exitCode() != 0) {
      command.subList(0, 2).clear();
      command.add(0, "docker-compose"); // Compose v1, as Debian 12 packages it
    }
    Map<String, String> env =
        Map.of(
            "COMPOSE_PROJECT_NAME", "iamlocal-readme-test",
            "IAMLOCAL_PORT", "0",
            // amazon/aws-cli cannot be pulled here; docker/compose-app answers the same command
            // (.ci/run builds it).
            "IAMLOCAL_APP_IMAGE", "iamlocal/compose-app");
    try {
      DockerCli.Result result = DockerCli.exec(command, env, REPO);
      System.out.println(result.output());
      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output())
          .contains("\"Arn\": \"arn:aws:iam::123456789012:root\"")
          .contains("action=sts:GetCallerIdentity status=200");
    } finally {
      List<String> down = new ArrayList<>(command.subList(0, command.indexOf("up")));
      down.addAll(List.of("down", "-v"));
      DockerCli.exec(down, env, REPO);
    }
  }

  /**
   * Starts a README {@code docker run} command detached, on a free port, with the given volume
   * name.
   */
  private static String start(String readmeCommand, String volume) {
    List<String> args = new ArrayList<>();
    for (String word : readmeCommand.substring("docker run ".length()).split("\\s+")) {
      args.add(
          word.replace("4566:4566", "127.0.0.1::4566").replace("iamlocal-data:", volume + ":"));
    }
    args.add(0, "run");
    args.add(1, "-d");
    return DockerCli.run(args.toArray(String[]::new));
  }

  /**
   * The commands starting with {@code prefix} in the code blocks of the README's "Docker" section,
   * comments cut.
   */
  private static List<String> commands(String prefix) throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    int start = readme.indexOf("\n## Docker\n");
    assertThat(start).as("README has a Docker section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    return readme
        .substring(start, end < 0 ? readme.length() : end)
        .lines()
        .map(line -> line.replaceFirst("\\s+#.*$", "").trim())
        .filter(line -> line.startsWith(prefix))
        .toList();
  }
}
