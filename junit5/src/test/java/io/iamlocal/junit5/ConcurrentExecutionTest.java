package io.iamlocal.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.IamLocal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Tests of one class running at the same time (parallel execution is enabled for this module in
 * {@code junit-platform.properties}), each on its own server: same user names, no interference.
 */
@Execution(ExecutionMode.CONCURRENT)
class ConcurrentExecutionTest {
  private static final int TESTS = 3;
  private static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(TESTS);
  private static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

  @RegisterExtension
  static final IamLocalExtension IAMLOCAL = IamLocalExtension.builder().perMethod().build();

  @RepeatedTest(TESTS)
  void eachTestHasItsOwnServer(IamLocal iamLocal, IamClient iam) throws Exception {
    iam.createUser(r -> r.userName("alice"));
    ALL_RUNNING.await(30, TimeUnit.SECONDS); // every test is between its create and its list
    assertThat(iam.listUsers().users()).extracting(u -> u.userName()).containsExactly("alice");
    PORTS.add(iamLocal.port());
  }

  @AfterAll
  static void serversWereDistinct() {
    assertThat(PORTS).hasSize(TESTS);
  }
}
