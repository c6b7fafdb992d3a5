package io.iamlocal.testcontainers;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The IAMLocal Docker image as a Testcontainers container: IAM and STS on port {@value #PORT},
 * ready once {@code GET /_iamlocal/health} answers 200.
 *
 * <pre>{@code
 * @Container
 * static IamLocalContainer iamLocal = new IamLocalContainer().withAccountId("111122223333");
 *
 * IamClient iam = IamClient.builder()
 *     .endpointOverride(iamLocal.getEndpoint())
 *     .region(Region.AWS_GLOBAL)
 *     .credentialsProvider(StaticCredentialsProvider.create(
 *         AwsBasicCredentials.create(iamLocal.getAccessKeyId(), iamLocal.getSecretAccessKey())))
 *     .build();
 * }</pre>
 *
 * <p>Settings become the image's command-line flags (its entry point already passes {@code --host
 * 0.0.0.0 --port 4566}), so they must be made before {@link #start()}.
 */
public class IamLocalContainer extends GenericContainer<IamLocalContainer> {
  /** The image used by {@link #IamLocalContainer()}: {@code iamlocal/iamlocal:latest}. */
  public static final DockerImageName DEFAULT_IMAGE_NAME =
      DockerImageName.parse("iamlocal/iamlocal:latest");

  /** The port IAMLocal listens on inside the container. */
  public static final int PORT = 4566;

  /** The health check path used by the wait strategy. */
  public static final String HEALTH_PATH = "/_iamlocal/health";

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private String accessKeyId = "test";
  private String secretAccessKey = "test";
  private String accountId = "123456789012";
  private String region = "us-east-1";
  private String logFormat;
  private boolean quiet;
  private boolean enforce = true;

  /** A container of {@link #DEFAULT_IMAGE_NAME}. */
  public IamLocalContainer() {
    this(DEFAULT_IMAGE_NAME);
  }

  /**
   * A container of another IAMLocal image, e.g. a locally built {@code iamlocal:dev}.
   *
   * @param image the image name, with an optional tag
   */
  public IamLocalContainer(String image) {
    this(DockerImageName.parse(image));
  }

  /**
   * A container of another IAMLocal image.
   *
   * @param image the image name
   */
  public IamLocalContainer(DockerImageName image) {
    super(image);
    setUp();
  }

  /**
   * A container of an image built on the fly, e.g. a Testcontainers {@code ImageFromDockerfile}.
   *
   * @param image resolves to the image name once built
   */
  public IamLocalContainer(Future<String> image) {
    super(image);
    setUp();
  }

  private void setUp() {
    addExposedPort(PORT);
    waitingFor(
        Wait.forHttp(HEALTH_PATH)
            .forPort(PORT)
            .forStatusCode(200)
            .withStartupTimeout(Duration.ofSeconds(60)));
    updateCommand();
  }

  /**
   * The root user's credentials (default {@code test}/{@code test}), passed as {@code
   * --root-access-key} and {@code --root-secret-key}.
   *
   * @param accessKeyId the access key ID clients sign with
   * @param secretAccessKey its secret
   * @return this container
   */
  public IamLocalContainer withRootCredentials(String accessKeyId, String secretAccessKey) {
    this.accessKeyId = requireText(accessKeyId, "access key ID");
    this.secretAccessKey = requireText(secretAccessKey, "secret access key");
    updateCommand();
    return self();
  }

  /**
   * The account ID used in ARNs (default {@code 123456789012}), passed as {@code --account-id}.
   *
   * @param accountId exactly 12 digits
   * @return this container
   */
  public IamLocalContainer withAccountId(String accountId) {
    if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("account ID must be 12 digits, not " + accountId);
    }
    this.accountId = accountId;
    updateCommand();
    return self();
  }

  /**
   * The region the server reports (default {@code us-east-1}), passed as {@code --region}.
   *
   * @param region a region name
   * @return this container
   */
  public IamLocalContainer withRegion(String region) {
    this.region = requireText(region, "region");
    updateCommand();
    return self();
  }

  /**
   * The request log's format in the container's output, passed as {@code --log-format}.
   *
   * @param format {@code text} (the server's default) or {@code json}
   * @return this container
   */
  public IamLocalContainer withLogFormat(String format) {
    String value = requireText(format, "log format").toLowerCase(Locale.ROOT);
    if (!value.equals("text") && !value.equals("json")) {
      throw new IllegalArgumentException("log format must be text or json, not " + format);
    }
    this.logFormat = value;
    updateCommand();
    return self();
  }

  /**
   * Whether to leave requests out of the container's output ({@code --quiet}).
   *
   * @param quiet true for no request log
   * @return this container
   */
  public IamLocalContainer withQuiet(boolean quiet) {
    this.quiet = quiet;
    updateCommand();
    return self();
  }

  /**
   * Whether IAM policies are enforced for non-root callers (default true); false passes {@code
   * --no-enforce}, allowing every authenticated call.
   *
   * @param enforce false to skip policy evaluation
   * @return this container
   */
  public IamLocalContainer withEnforce(boolean enforce) {
    this.enforce = enforce;
    updateCommand();
    return self();
  }

  /**
   * The endpoint to give an SDK's {@code endpointOverride}, reachable from the host running the
   * tests, e.g. {@code http://localhost:32768}.
   *
   * @return the mapped endpoint
   * @throws IllegalStateException if the container is not started
   */
  public URI getEndpoint() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
  }

  /**
   * The root user's access key ID.
   *
   * @return the access key ID
   */
  public String getAccessKeyId() {
    return accessKeyId;
  }

  /**
   * The root user's secret access key.
   *
   * @return the secret
   */
  public String getSecretAccessKey() {
    return secretAccessKey;
  }

  /**
   * The account ID used in ARNs.
   *
   * @return 12 digits
   */
  public String getAccountId() {
    return accountId;
  }

  /**
   * The region the server reports.
   *
   * @return the region name
   */
  public String getRegion() {
    return region;
  }

  private void updateCommand() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--root-access-key", accessKeyId,
                "--root-secret-key", secretAccessKey,
                "--account-id", accountId,
                "--region", region));
    if (logFormat != null) {
      args.add("--log-format");
      args.add(logFormat);
    }
    if (quiet) {
      args.add("--quiet");
    }
    if (!enforce) {
      args.add("--no-enforce");
    }
    setCommand(args.toArray(String[]::new));
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return Objects.requireNonNull(value);
  }
}
