package io.iamlocal.testcontainers;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Enables Docker tests only when an image built from this checkout is named: an engine alone is not
 * enough, since tests must never run against a stale or pulled image. Named but unusable is a
 * failure, not a skip.
 */
final class IamLocalImageCondition implements ExecutionCondition {
  static final String IMAGE_ENV = "IAMLOCAL_IMAGE";
  private static final String NOT_SET =
      IMAGE_ENV
          + " is not set, so no Docker test runs: .ci/run starts an engine,"
          + " builds the image and sets it; by hand: docker build -t iamlocal/iamlocal . &&"
          + " IAMLOCAL_IMAGE=iamlocal/iamlocal mvn verify";

  /** The reason for skipping goes to the build log once, not only into the test reports. */
  private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

  /** The image under test, e.g. {@code iamlocal/iamlocal}. */
  static String image() {
    return System.getenv(IMAGE_ENV);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String image = image();
    if (image == null || image.isBlank()) {
      if (SKIP_REPORTED.compareAndSet(false, true)) {
        System.err.println("Docker tests skipped: " + NOT_SET);
      }
      return ConditionEvaluationResult.disabled(NOT_SET);
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException(
          IMAGE_ENV
              + "="
              + image
              + " is set but no Docker engine answers (DOCKER_HOST="
              + System.getenv("DOCKER_HOST")
              + ")");
    }
    DockerCli.run("image", "inspect", "--format", "{{.Id}}", image);
    return ConditionEvaluationResult.enabled("Docker tests against the image " + image);
  }
}
