package io.iamlocal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The container's settings reach the server in the image built from this checkout. */
@RequiresIamLocalImage
@Testcontainers
class IamLocalContainerDockerTest {

  @Container
  static final IamLocalContainer IAMLOCAL =
      new IamLocalContainer(IamLocalImageCondition.image())
          .withAccountId("111122223333")
          .withRootCredentials("AKIDCONTAINER", "container-secret")
          .withRegion("eu-west-1")
          .withLogFormat("json");

  @Test
  void servesIamAndStsWithTheConfiguredAccountAndKeys() {
    try (IamClient iam =
            Clients.iam(
                IAMLOCAL.getEndpoint(), IAMLOCAL.getAccessKeyId(), IAMLOCAL.getSecretAccessKey());
        StsClient sts =
            Clients.sts(
                IAMLOCAL.getEndpoint(), IAMLOCAL.getAccessKeyId(), IAMLOCAL.getSecretAccessKey())) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:root");
      assertThat(iam.createUser(r -> r.userName("alice")).user().arn())
          .isEqualTo("arn:aws:iam::111122223333:user/alice");
      assertThat(iam.listUsers().users()).extracting(u -> u.userName()).containsExactly("alice");
    }
    assertThat(IAMLOCAL.getLogs()).contains("\"action\":\"iam:CreateUser\"");
  }

  @Test
  void runsAsANonRootUserAndReportsHealthy() throws Exception {
    assertThat(IAMLOCAL.execInContainer("id", "-u").getStdout().trim()).isNotEqualTo("0");
    String id = IAMLOCAL.getContainerId();
    for (int i = 0;
        i < 100
            && !DockerCli.run("inspect", "--format", "{{.State.Health.Status}}", id)
                .equals("healthy");
        i++) {
      DockerCli.sleep(java.time.Duration.ofMillis(200));
    }
    assertThat(DockerCli.run("inspect", "--format", "{{.State.Health.Status}}", id))
        .isEqualTo("healthy");
  }

  @Test
  void theImagesClassDataArchiveMaps() throws Exception {
    // -Xshare:on refuses to start when the AppCDS archive does not match the runtime and jar.
    var result =
        IAMLOCAL.execInContainer(
            "sh",
            "-c",
            "IAMLOCAL_JAVA_OPTS=\"$IAMLOCAL_JAVA_OPTS -Xshare:on\" /opt/iamlocal/bin/iamlocal --version");
    assertThat(result.getExitCode()).as(result.getStderr()).isZero();
    assertThat(result.getStdout()).startsWith("IAMLocal ");
  }
}
