package io.iamlocal.junit5;

import io.iamlocal.server.IamLocal;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts in-process IAMLocal servers for JUnit Jupiter tests and injects them, their endpoint, root
 * credentials and (with the AWS SDK for Java v2 on the classpath) ready {@code IamClient}s and
 * {@code StsClient}s into test and lifecycle method parameters. See {@link IamLocalTest} for the
 * parameters and the annotation form; this class is also the programmatic form:
 *
 * <pre>{@code
 * @RegisterExtension
 * static IamLocalExtension iamLocal = IamLocalExtension.builder()
 *     .lifecycle(ServerLifecycle.PER_METHOD)
 *     .server(b -> b.accountId("111122223333").clock(clock))
 *     .build();
 * }</pre>
 *
 * <p>Register it on a {@code static} field: a per-class server then starts before
 * {@code @BeforeAll}. On an instance field it can only start at the first test; with JUnit's
 * default per-method test instances that field (and so the server) is new for each test.
 *
 * <p>Servers live in the JUnit {@link ExtensionContext.Store} of the class or method they belong to
 * and are closed with it, so the extension keeps no mutable state of its own and works with
 * parallel execution. A per-class server is shared by concurrently running tests of its class; give
 * each test its own with {@link ServerLifecycle#PER_METHOD}.
 */
public final class IamLocalExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(IamLocalExtension.class);
  private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";
  private static final String IAM_CLIENT = "software.amazon.awssdk.services.iam.IamClient";
  private static final String STS_CLIENT = "software.amazon.awssdk.services.sts.StsClient";
  private static final boolean SDK_IAM = isPresent(IAM_CLIENT);
  private static final boolean SDK_STS = isPresent(STS_CLIENT);
  private static final Settings ANNOTATION_DEFAULTS = fromAnnotation(null);
  private final Settings configured;

  /**
   * The extension as registered by {@link IamLocalTest} or {@code @ExtendWith}: configured by the
   * nearest {@code @IamLocalTest} on the test class or an enclosing class, with that annotation's
   * defaults when there is none.
   */
  public IamLocalExtension() {
    this.configured = null;
  }

  private IamLocalExtension(Settings configured) {
    this.configured = configured;
  }

  /**
   * A builder for use with {@code @RegisterExtension}; defaults as {@link IamLocalTest}'s.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the class's server when the lifecycle is per class.
   *
   * @param context the test class's context
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    Settings settings = settings(context);
    if (settings.lifecycle() == ServerLifecycle.PER_CLASS) {
      server(context, settings);
    }
  }

  /**
   * Resets a per-class server before the test when {@code resetBetweenTests} is set.
   *
   * @param context the test method's context
   * @throws ExtensionConfigurationException if the class's tests run concurrently, where a reset
   *     would wipe the state of a test still running
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    Settings settings = settings(context);
    if (settings.lifecycle() != ServerLifecycle.PER_CLASS || !settings.resetBetweenTests()) {
      return;
    }
    if (context.getExecutionMode() == ExecutionMode.CONCURRENT
        && context
            .getConfigurationParameter(PARALLEL_ENABLED)
            .map(Boolean::parseBoolean)
            .orElse(false)) {
      throw new ExtensionConfigurationException(
          "IAMLocal: resetBetweenTests with a per-class server cannot be used while the tests of "
              + context.getRequiredTestClass().getName()
              + " run concurrently: one test's reset would wipe another's state. "
              + "Use lifecycle PER_METHOD for a server per test.");
    }
    server(context, settings).reset();
  }

  /**
   * Whether the parameter is one this extension fills: {@link IamLocal}, {@link
   * IamLocal.Credentials}, a {@link URI} annotated {@link IamLocalEndpoint}, or an AWS SDK v2
   * {@code IamClient} or {@code StsClient}.
   *
   * @param parameterContext the parameter
   * @param extensionContext the current context
   * @return true for the supported types
   */
  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == IamLocal.class
        || type == IamLocal.Credentials.class
        || (type == URI.class && parameterContext.isAnnotated(IamLocalEndpoint.class))
        || (SDK_IAM && type.getName().equals(IAM_CLIENT))
        || (SDK_STS && type.getName().equals(STS_CLIENT));
  }

  /**
   * The server, its credentials or endpoint, or a new SDK client for it (one per test and type,
   * closed after the test).
   *
   * @param parameterContext the parameter
   * @param extensionContext the current context
   * @return the value to inject
   * @throws ParameterResolutionException when asked for a per-method server outside a test
   */
  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Parameter parameter = parameterContext.getParameter();
    Settings settings = settings(extensionContext);
    if (settings.lifecycle() == ServerLifecycle.PER_METHOD
        && extensionContext.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          "IAMLocal: parameter "
              + parameter
              + " of "
              + parameterContext.getDeclaringExecutable()
              + " needs a server, but with lifecycle PER_METHOD servers exist only for test, @BeforeEach and @AfterEach methods.");
    }
    IamLocal server = server(extensionContext, settings);
    Class<?> type = parameter.getType();
    if (type == IamLocal.class) {
      return server;
    }
    if (type == IamLocal.Credentials.class) {
      return server.credentials();
    }
    if (type == URI.class) {
      return server.endpoint();
    }
    boolean iam = type.getName().equals(IAM_CLIENT);
    return extensionContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            new Key(this, type.getName()),
            key ->
                new ClientResource(
                    iam ? SdkClients.Iam.create(server) : SdkClients.Sts.create(server)),
            ClientResource.class)
        .client();
  }

  /** The server for this context, started in the store of the class or method it belongs to. */
  private IamLocal server(ExtensionContext context, Settings settings) {
    Key key = new Key(this, "server");
    ExtensionContext owner = owner(context, settings, key);
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, k -> new ServerResource(start(settings)), ServerResource.class)
        .server();
  }

  private static ExtensionContext owner(ExtensionContext context, Settings settings, Key key) {
    boolean inMethod = context.getTestMethod().isPresent();
    if (settings.lifecycle() == ServerLifecycle.PER_METHOD) {
      return context;
    }
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    if (inMethod
        && classContext.getStore(NAMESPACE).get(key) == null
        && context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
            == TestInstance.Lifecycle.PER_METHOD) {
      // Never saw beforeAll: registered on an instance field, which is new for each test.
      return context;
    }
    return classContext;
  }

  private static IamLocal start(Settings settings) {
    IamLocal.Builder builder = IamLocal.builder().port(0);
    try {
      settings.server().accept(builder);
      return builder.start();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "IAMLocal: invalid configuration: " + e.getMessage(), e);
    }
  }

  private Settings settings(ExtensionContext context) {
    if (configured != null) {
      return configured;
    }
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Optional<IamLocalTest> annotation =
          c.getTestClass()
              .flatMap(type -> AnnotationSupport.findAnnotation(type, IamLocalTest.class));
      if (annotation.isPresent()) {
        return fromAnnotation(annotation.get());
      }
    }
    return ANNOTATION_DEFAULTS;
  }

  private static Settings fromAnnotation(IamLocalTest annotation) {
    if (annotation == null) {
      return new Settings(ServerLifecycle.PER_CLASS, false, builder -> {});
    }
    return new Settings(
        annotation.lifecycle(),
        annotation.resetBetweenTests(),
        builder ->
            builder
                .accountId(annotation.accountId())
                .rootCredentials(annotation.accessKeyId(), annotation.secretAccessKey())
                .region(annotation.region())
                .enforce(annotation.enforce()));
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, IamLocalExtension.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** What a registration asked for. */
  private record Settings(
      ServerLifecycle lifecycle, boolean resetBetweenTests, Consumer<IamLocal.Builder> server) {}

  /** Store key scoped to one extension instance, so two registrations get two servers. */
  private record Key(IamLocalExtension owner, String what) {}

  /** Closes the server when JUnit closes the store it lives in. */
  private record ServerResource(IamLocal server)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }

  /** Closes an SDK client when JUnit closes the store it lives in. */
  private record ClientResource(AutoCloseable client)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      client.close();
    }
  }

  /** Configures an {@link IamLocalExtension}; every setter returns the builder. */
  public static final class Builder {
    private ServerLifecycle lifecycle = ServerLifecycle.PER_CLASS;
    private boolean resetBetweenTests;
    private Consumer<IamLocal.Builder> server = builder -> {};

    private Builder() {}

    /**
     * One server per class (the default) or per test method.
     *
     * @param value the lifecycle
     * @return this builder
     */
    public Builder lifecycle(ServerLifecycle value) {
      lifecycle = Objects.requireNonNull(value, "lifecycle");
      return this;
    }

    /**
     * Shorthand for {@code lifecycle(ServerLifecycle.PER_METHOD)}: a fresh server for each test.
     *
     * @return this builder
     */
    public Builder perMethod() {
      return lifecycle(ServerLifecycle.PER_METHOD);
    }

    /**
     * Whether a per-class server's state is wiped before each test (default false). Not allowed
     * while the class's tests run concurrently.
     *
     * @param value true to reset
     * @return this builder
     */
    public Builder resetBetweenTests(boolean value) {
      resetBetweenTests = value;
      return this;
    }

    /**
     * The account ID used in ARNs (default {@code 123456789012}).
     *
     * @param value 12 digits
     * @return this builder
     */
    public Builder accountId(String value) {
      return server(builder -> builder.accountId(value));
    }

    /**
     * The root user's access key pair (default {@code test}/{@code test}).
     *
     * @param accessKeyId the access key ID
     * @param secretAccessKey its secret
     * @return this builder
     */
    public Builder rootCredentials(String accessKeyId, String secretAccessKey) {
      return server(builder -> builder.rootCredentials(accessKeyId, secretAccessKey));
    }

    /**
     * The region the server reports and injected STS clients use (default {@code us-east-1}).
     *
     * @param value a region name
     * @return this builder
     */
    public Builder region(String value) {
      return server(builder -> builder.region(value));
    }

    /**
     * Whether IAM policies are enforced for non-root callers (default true).
     *
     * @param value false to allow every authenticated call
     * @return this builder
     */
    public Builder enforce(boolean value) {
      return server(builder -> builder.enforce(value));
    }

    /**
     * The server's clock (default system UTC).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      return server(builder -> builder.clock(value));
    }

    /**
     * Any other server setting, applied to the {@link IamLocal.Builder} of every server this
     * extension starts (after {@code port(0)}, so a port may be chosen here too). Calls add up.
     *
     * @param customizer changes to the server builder
     * @return this builder
     */
    public Builder server(Consumer<IamLocal.Builder> customizer) {
      Objects.requireNonNull(customizer, "customizer");
      server = server.andThen(customizer);
      return this;
    }

    /**
     * The extension, checking the server settings now rather than at the first test.
     *
     * @return the extension, for a {@code @RegisterExtension} field
     * @throws IllegalArgumentException if a server setting is invalid
     */
    public IamLocalExtension build() {
      server.accept(IamLocal.builder());
      return new IamLocalExtension(new Settings(lifecycle, resetBetweenTests, server));
    }
  }
}
