package io.iamlocal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code docker kill} (SIGKILL) while writes are under way, then {@code docker start} on the same
 * volume: every write that was acknowledged is there.
 */
@RequiresIamLocalImage
class DockerRestartTest {
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  @Test
  void everyAcknowledgedWriteSurvivesDockerKill() throws Exception {
    String volume = "iamlocal-restart-test-" + UUID.randomUUID();
    String container =
        DockerCli.run(
            "run",
            "-d",
            "-p",
            "127.0.0.1::4566",
            "-v",
            volume + ":/data",
            IamLocalImageCondition.image(),
            "--data-dir",
            "/data",
            "--quiet");
    try {
      URI endpoint = DockerCli.endpoint(container);
      DockerCli.awaitHealthy(endpoint, READY_WITHIN);
      AccessKey key;
      try (IamClient iam = Clients.iam(endpoint, "test", "test")) {
        iam.createUser(r -> r.userName("keeper"));
        key = iam.createAccessKey(r -> r.userName("keeper")).accessKey();
      }

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicInteger next = new AtomicInteger();
      Thread writer = new Thread(() -> writeUntilRefused(endpoint, next, acknowledged), "writer");
      writer.start();
      for (int i = 0; i < 300 && acknowledged.size() < 100; i++) {
        DockerCli.sleep(Duration.ofMillis(100));
      }
      DockerCli.run("kill", container);
      writer.join(Duration.ofSeconds(30).toMillis());
      assertThat(acknowledged)
          .as("writes acknowledged before the kill")
          .hasSizeGreaterThanOrEqualTo(100);

      DockerCli.run("start", container);
      URI restarted = DockerCli.endpoint(container);
      DockerCli.awaitHealthy(restarted, READY_WITHIN);
      try (IamClient iam = Clients.iam(restarted, "test", "test");
          StsClient keeper = Clients.sts(restarted, key.accessKeyId(), key.secretAccessKey())) {
        Set<String> users =
            iam.listUsersPaginator().users().stream()
                .map(User::userName)
                .collect(Collectors.toSet());
        assertThat(users).contains("keeper").containsAll(acknowledged);
        // At most the one write in flight at the kill may be there without having been
        // acknowledged.
        assertThat(users.size()).isBetween(acknowledged.size() + 1, acknowledged.size() + 2);
        assertThat(keeper.getCallerIdentity().arn())
            .isEqualTo("arn:aws:iam::123456789012:user/keeper");
      }
      System.out.printf(
          "DockerRestartTest: %d acknowledged writes, all present after docker kill and start%n",
          acknowledged.size());
    } finally {
      DockerCli.run("rm", "-f", container);
      DockerCli.exec(List.of("docker", "volume", "rm", "-f", volume), Map.of(), null);
    }
  }

  /** Creates users one after another until a request fails (the container was killed). */
  private static void writeUntilRefused(
      URI endpoint, AtomicInteger next, Set<String> acknowledged) {
    try (IamClient iam =
        IamClient.builder()
            .endpointOverride(endpoint)
            .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
            .credentialsProvider(
                () ->
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        "test", "test"))
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      while (true) {
        String name = "user-" + next.getAndIncrement();
        iam.createUser(r -> r.userName(name));
        acknowledged.add(name);
      }
    } catch (RuntimeException refused) {
      // the kill: the request in flight may or may not have been written
    }
  }
}
