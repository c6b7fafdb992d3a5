package io.iamlocal.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.iamlocal.server.IamLocal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Runs fixture classes through the JUnit engine and checks what the extension did: how many
 * servers, when they were closed, resets, clients closed after tests, concurrency.
 */
class ExtensionLifecycleTest {
  /** Every server a fixture test saw, in order (fixtures run one class at a time). */
  static final List<IamLocal> SEEN = new CopyOnWriteArrayList<>();

  private static Events run(Class<?> fixture, boolean parallel) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(OnlyInTestKit.PARAMETER, "true")
        .configurationParameter(
            "junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .selectors(selectClass(fixture))
        .execute()
        .testEvents();
  }

  private static Set<IamLocal> distinct() {
    Set<IamLocal> servers = ConcurrentHashMap.newKeySet();
    servers.addAll(SEEN);
    return servers;
  }

  @Test
  void perClassSharesOneServerAndClosesItAfterTheClass() {
    Events events = run(PerClass.class, false);
    events.assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(SEEN).hasSize(3);
    assertThat(distinct()).hasSize(1);
    assertThat(SEEN.get(0).isRunning()).isFalse();
  }

  @Test
  void perMethodGivesEachTestAFreshServerClosedAfterIt() {
    Events events = run(PerMethod.class, false);
    events.assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(distinct()).hasSize(3);
    assertThat(SEEN).noneMatch(IamLocal::isRunning);
  }

  @Test
  void resetBetweenTestsWipesAPerClassServer() {
    run(ResetBetweenTests.class, false).assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(distinct()).hasSize(1);
  }

  @Test
  void withoutResetStateCarriesOver() {
    run(NoReset.class, false).assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void sdkClientsAreClosedAfterTheirTest() {
    run(ClientsClosed.class, false).assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void perMethodTestsRunInParallelOnSeparateServers() {
    run(ParallelPerMethod.class, true).assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(distinct()).hasSize(3);
    assertThat(SEEN).noneMatch(IamLocal::isRunning);
  }

  @Test
  void perClassServerIsSharedByConcurrentTests() {
    run(ParallelPerClass.class, true).assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(distinct()).hasSize(1);
  }

  @Test
  void resetWithAPerClassServerAndConcurrentTestsIsRefused() {
    Events events = run(ConcurrentReset.class, true);
    events.assertStatistics(s -> s.started(2).failed(2));
    assertThat(
            events.failed().stream()
                .map(
                    e ->
                        e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .getThrowable()
                            .orElseThrow()))
        .allSatisfy(
            t ->
                assertThat(t)
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("PER_METHOD"));
  }

  @Test
  void sameResetWithoutParallelExecutionIsFine() {
    run(ConcurrentReset.class, false).assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void perMethodServerCannotBeInjectedIntoBeforeAll() {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(OnlyInTestKit.PARAMETER, "true")
            .selectors(selectClass(PerMethodInBeforeAll.class))
            .execute()
            .containerEvents();
    assertThat(
            events.failed().stream()
                .map(
                    e ->
                        e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .getThrowable()
                            .orElseThrow()))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .isInstanceOf(ParameterResolutionException.class)
                    .hasMessageContaining("PER_METHOD"));
  }

  @Test
  void instanceFieldRegistrationStartsAServerPerTestInstance() {
    run(InstanceField.class, false).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(distinct()).hasSize(2);
    assertThat(SEEN).noneMatch(IamLocal::isRunning);
  }

  @Test
  void builderSettingsReachTheServer() {
    run(BuilderSettings.class, false).assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void builderChecksServerSettingsEarly() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IamLocalExtension.builder().accountId("42").build())
        .withMessageContaining("12 digits");
  }

  @Test
  void invalidAnnotationSettingsFailTheClass() {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(OnlyInTestKit.PARAMETER, "true")
            .selectors(selectClass(BadAnnotation.class))
            .execute()
            .containerEvents();
    assertThat(
            events.failed().stream()
                .map(
                    e ->
                        e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .getThrowable()
                            .orElseThrow()))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("12 digits"));
  }

  // ---- fixtures: run only through the test kit ----

  @ExtendWith(OnlyInTestKit.class)
  @IamLocalTest
  static class PerClass {
    @Test
    void a(IamLocal iamLocal) {
      SEEN.add(iamLocal);
    }

    @Test
    void b(IamLocal iamLocal) {
      SEEN.add(iamLocal);
    }

    @Test
    void c(IamLocal iamLocal) {
      SEEN.add(iamLocal);
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerMethod {
    @RegisterExtension
    static final IamLocalExtension IAMLOCAL = IamLocalExtension.builder().perMethod().build();

    @BeforeEach
    void sameServerInBeforeEach(IamLocal iamLocal) {
      SEEN.add(iamLocal);
    }

    @Test
    @Order(1)
    void a(IamLocal iamLocal, IamClient iam) {
      assertThat(iamLocal).isSameAs(SEEN.get(SEEN.size() - 1));
      iam.createUser(r -> r.userName("alice"));
    }

    @Test
    @Order(2)
    void b(IamClient iam) {
      assertThat(iam.listUsers().users()).isEmpty();
      iam.createUser(r -> r.userName("alice"));
    }

    @Test
    @Order(3)
    void c(IamClient iam) {
      assertThat(iam.listUsers().users()).isEmpty();
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @IamLocalTest(resetBetweenTests = true)
  static class ResetBetweenTests {
    @Test
    void a(IamLocal iamLocal, IamClient iam) {
      SEEN.add(iamLocal);
      iam.createUser(r -> r.userName("alice"));
      assertThat(iam.listUsers().users()).hasSize(1);
    }

    @Test
    void b(IamLocal iamLocal, IamClient iam) {
      a(iamLocal, iam);
    }

    @Test
    void c(IamLocal iamLocal, IamClient iam) {
      a(iamLocal, iam);
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @IamLocalTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class NoReset {
    @Test
    @Order(1)
    void a(IamClient iam) {
      iam.createUser(r -> r.userName("alice"));
    }

    @Test
    @Order(2)
    void b(IamClient iam) {
      assertThat(iam.listUsers().users()).extracting(u -> u.userName()).containsExactly("alice");
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @IamLocalTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ClientsClosed {
    static IamClient first;

    @Test
    @Order(1)
    void a(IamClient iam) {
      first = iam;
      iam.listUsers();
    }

    @Test
    @Order(2)
    void b(IamClient iam) {
      assertThat(iam).isNotSameAs(first);
      iam.listUsers();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.listUsers())
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @Execution(ExecutionMode.CONCURRENT)
  static class ParallelPerMethod {
    static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(3);

    @RegisterExtension
    static final IamLocalExtension IAMLOCAL = IamLocalExtension.builder().perMethod().build();

    @Test
    void a(IamLocal iamLocal, IamClient iam) throws Exception {
      SEEN.add(iamLocal);
      iam.createUser(r -> r.userName("alice"));
      ALL_RUNNING.await(30, TimeUnit.SECONDS);
      assertThat(iam.listUsers().users()).hasSize(1);
    }

    @Test
    void b(IamLocal iamLocal, IamClient iam) throws Exception {
      a(iamLocal, iam);
    }

    @Test
    void c(IamLocal iamLocal, IamClient iam) throws Exception {
      a(iamLocal, iam);
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @Execution(ExecutionMode.CONCURRENT)
  @IamLocalTest
  static class ParallelPerClass {
    static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(3);

    private static void run(IamLocal iamLocal, IamClient iam, String user) throws Exception {
      SEEN.add(iamLocal);
      iam.createUser(r -> r.userName(user));
      ALL_RUNNING.await(30, TimeUnit.SECONDS);
      assertThat(iam.listUsers().users()).hasSize(3);
    }

    @Test
    void a(IamLocal iamLocal, IamClient iam) throws Exception {
      run(iamLocal, iam, "a");
    }

    @Test
    void b(IamLocal iamLocal, IamClient iam) throws Exception {
      run(iamLocal, iam, "b");
    }

    @Test
    void c(IamLocal iamLocal, IamClient iam) throws Exception {
      run(iamLocal, iam, "c");
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @Execution(ExecutionMode.CONCURRENT)
  @IamLocalTest(resetBetweenTests = true)
  static class ConcurrentReset {
    @Test
    void a(IamLocal iamLocal) {
      SEEN.add(iamLocal);
    }

    @Test
    void b(IamLocal iamLocal) {
      SEEN.add(iamLocal);
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @IamLocalTest(lifecycle = ServerLifecycle.PER_METHOD)
  static class PerMethodInBeforeAll {
    @BeforeAll
    static void setUp(IamLocal iamLocal) {
      SEEN.add(iamLocal);
    }

    @Test
    void a() {}
  }

  @ExtendWith(OnlyInTestKit.class)
  static class InstanceField {
    @RegisterExtension final IamLocalExtension iamLocal = IamLocalExtension.builder().build();

    @Test
    void a(IamLocal server) {
      SEEN.add(server);
    }

    @Test
    void b(IamLocal server) {
      SEEN.add(server);
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  static class BuilderSettings {
    @RegisterExtension
    static final IamLocalExtension IAMLOCAL =
        IamLocalExtension.builder()
            .accountId("210987654321")
            .rootCredentials("AKIDBUILDER", "builder-secret")
            .region("ap-southeast-2")
            .server(b -> b.host("127.0.0.1"))
            .build();

    @Test
    void a(IamLocal iamLocal, software.amazon.awssdk.services.sts.StsClient sts) {
      assertThat(iamLocal.credentials())
          .isEqualTo(new IamLocal.Credentials("AKIDBUILDER", "builder-secret"));
      assertThat(sts.getCallerIdentity().account()).isEqualTo("210987654321");
      assertThat(sts.serviceClientConfiguration().region().id()).isEqualTo("ap-southeast-2");
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @IamLocalTest(accountId = "not-digits")
  static class BadAnnotation {
    @Test
    void a() {}
  }
}
