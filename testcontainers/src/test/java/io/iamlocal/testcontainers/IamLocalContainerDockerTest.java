package io.iamlocal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.images.builder.ImageFromDockerfile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The container against a real Docker engine; skipped where there is none. The image is
 * {@code -Diamlocal.image=NAME} when given (e.g. one built from the repository's Dockerfile),
 * otherwise built on the fly from {@code server/target/iamlocal.jar}.
 */
@Testcontainers(disabledWithoutDocker = true)
class IamLocalContainerDockerTest {

  @Container
  static final IamLocalContainer IAMLOCAL = container()
      .withAccountId("111122223333")
      .withRootCredentials("AKIDCONTAINER", "container-secret");

  private static IamLocalContainer container() {
    String image = System.getProperty("iamlocal.image");
    if (image != null && !image.isEmpty()) {
      return new IamLocalContainer(image);
    }
    Path jar = Path.of(System.getProperty("iamlocal.jar", "../server/target/iamlocal.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException("build the server first: " + jar.toAbsolutePath() + " is missing");
    }
    return new IamLocalContainer(new ImageFromDockerfile("iamlocal/iamlocal-test", true)
        .withFileFromPath("iamlocal.jar", jar)
        .withDockerfileFromBuilder(dockerfile -> dockerfile
            .from("eclipse-temurin:17-jre-alpine")
            .workDir("/opt/iamlocal")
            .copy("iamlocal.jar", "iamlocal.jar")
            .expose(IamLocalContainer.PORT)
            .entryPoint("java", "-jar", "iamlocal.jar", "--host", "0.0.0.0", "--port", "4566")
            .build()));
  }

  @Test
  void servesIamAndStsWithTheConfiguredAccountAndKeys() {
    StaticCredentialsProvider root = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(IAMLOCAL.getAccessKeyId(), IAMLOCAL.getSecretAccessKey()));
    try (IamClient iam = IamClient.builder().endpointOverride(IAMLOCAL.getEndpoint()).region(Region.AWS_GLOBAL)
            .credentialsProvider(root).build();
        StsClient sts = StsClient.builder().endpointOverride(IAMLOCAL.getEndpoint()).region(Region.of(IAMLOCAL.getRegion()))
            .credentialsProvider(root).build()) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:root");
      assertThat(iam.createUser(r -> r.userName("alice")).user().arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
      assertThat(iam.listUsers().users()).extracting(u -> u.userName()).containsExactly("alice");
    }
  }
}
