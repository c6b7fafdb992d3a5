package io.iamlocal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;

/** How the container is configured; needs no Docker engine. */
class IamLocalContainerTest {

  /** Exposes the protected wait strategy to the assertions. */
  private static final class Inspectable extends IamLocalContainer {
    WaitStrategy waitStrategy() {
      return getWaitStrategy();
    }
  }

  @Test
  void defaultImagePortAndCommand() {
    try (IamLocalContainer container = new IamLocalContainer()) {
      assertThat(imageName(container)).isEqualTo("iamlocal/iamlocal:latest");
      assertThat(container.getExposedPorts()).containsExactly(4566);
      assertThat(container.getCommandParts())
          .containsExactly(
              "--root-access-key",
              "test",
              "--root-secret-key",
              "test",
              "--account-id",
              "123456789012",
              "--region",
              "us-east-1");
      assertThat(container.getAccessKeyId()).isEqualTo("test");
      assertThat(container.getSecretAccessKey()).isEqualTo("test");
      assertThat(container.getAccountId()).isEqualTo("123456789012");
      assertThat(container.getRegion()).isEqualTo("us-east-1");
    }
  }

  @Test
  void settingsBecomeCliFlags() {
    try (IamLocalContainer container =
        new IamLocalContainer("registry.example/iamlocal:0.1.0")
            .withRootCredentials("AKIAEXAMPLE", "secret/key")
            .withAccountId("111122223333")
            .withRegion("eu-west-1")
            .withLogFormat("JSON")
            .withQuiet(true)
            .withEnforce(false)) {
      assertThat(imageName(container)).isEqualTo("registry.example/iamlocal:0.1.0");
      assertThat(container.getCommandParts())
          .containsExactly(
              "--root-access-key",
              "AKIAEXAMPLE",
              "--root-secret-key",
              "secret/key",
              "--account-id",
              "111122223333",
              "--region",
              "eu-west-1",
              "--log-format",
              "json",
              "--quiet",
              "--no-enforce");
      assertThat(container.getAccessKeyId()).isEqualTo("AKIAEXAMPLE");
      assertThat(container.getSecretAccessKey()).isEqualTo("secret/key");
      assertThat(container.getAccountId()).isEqualTo("111122223333");
      assertThat(container.getRegion()).isEqualTo("eu-west-1");
    }
  }

  @Test
  void waitsForTheHealthEndpointOnTheServicePort() throws Exception {
    try (Inspectable container = new Inspectable()) {
      WaitStrategy strategy = container.waitStrategy();
      assertThat(strategy).isInstanceOf(HttpWaitStrategy.class);
      assertThat(field(HttpWaitStrategy.class, strategy, "path")).isEqualTo("/_iamlocal/health");
      assertThat(field(HttpWaitStrategy.class, strategy, "statusCodes")).isEqualTo(Set.of(200));
      assertThat(field(HttpWaitStrategy.class, strategy, "livenessPort"))
          .isEqualTo(Optional.of(4566));
      assertThat(field(AbstractWaitStrategy.class, strategy, "startupTimeout"))
          .isEqualTo(Duration.ofSeconds(60));
    }
  }

  @Test
  void badSettingsAreRejectedEarly() {
    try (IamLocalContainer container = new IamLocalContainer()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> container.withAccountId("12345"))
          .withMessageContaining("12 digits");
      assertThatIllegalArgumentException().isThrownBy(() -> container.withRootCredentials("", "x"));
      assertThatIllegalArgumentException().isThrownBy(() -> container.withRegion(null));
      assertThatIllegalArgumentException().isThrownBy(() -> container.withLogFormat("xml"));
      assertThat(container.getAccountId()).isEqualTo("123456789012");
    }
  }

  @Test
  void endpointNeedsAStartedContainer() {
    try (IamLocalContainer container = new IamLocalContainer()) {
      assertThatIllegalStateException().isThrownBy(container::getEndpoint);
    }
  }

  /** The image name as configured; getDockerImageName() would ask the Docker engine. */
  private static String imageName(IamLocalContainer container) {
    return container.getImage().toString().replaceAll(".*imageName=([^,)]*).*", "$1");
  }

  private static Object field(Class<?> owner, Object target, String name)
      throws ReflectiveOperationException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(target);
  }
}
