package io.iamlocal.server.dispatch;

import static io.iamlocal.server.dispatch.OperationSpec.lock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.IamLocalServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A family added with {@link OperationRegistry#addFamily} is made and registers its handlers at the
 * first use of one of its operations, exactly once whichever threads get there, and serves as if
 * registered at start; one that registers other operations than the index lists serves none.
 */
class FamilyRegisteredAtFirstUseTest {
  private static final OperationRegistry.ReferenceAction READ =
      new OperationRegistry.ReferenceAction("Read", List.of(), List.of());
  private static final OperationHandler GET_USER = call -> Map.of("op", "GetUser");
  private static final OperationHandler LIST_USERS = call -> Map.of("op", "ListUsers");

  private final AtomicInteger made = new AtomicInteger();
  private final AtomicInteger registrations = new AtomicInteger();

  /** GetUser and ListUsers, counting how often it is made and registers. */
  private Operations users() {
    made.incrementAndGet();
    return registry -> {
      registrations.incrementAndGet();
      registry.register("iam", "GetUser", GET_USER);
      registry.register("iam", "ListUsers", LIST_USERS);
    };
  }

  private static OperationRegistry registry() {
    return OperationRegistry.specsAtFirstUse((service, action) -> READ)
        .addService(IamLocalServer.ServiceModels.iam());
  }

  @Test
  void aFamilyIsMadeAndRegistersAtTheFirstUseOfOneOfItsOperations() {
    OperationRegistry registry = registry();
    registry.addFamily("users", this::users, List.of("iam:GetUser", "iam:ListUsers"));
    registry.addFamily(
        "groups",
        () -> {
          throw new AssertionError("a family nobody calls is never made");
        },
        List.of("iam:GetGroup"));

    assertThat(registry.implemented("iam")).containsExactly("GetGroup", "GetUser", "ListUsers");
    assertThat(registry.handler("iam", "CreateUser")).isNull();
    assertThat(made).hasValue(0);

    assertThat(registry.handler("iam", "ListUsers").handler()).isSameAs(LIST_USERS);
    assertThat(registry.spec("iam", "GetUser").lock()).isEqualTo(OperationSpec.LockMode.READ);
    assertThat(registry.handler("iam", "GetUser").handler()).isSameAs(GET_USER);
    assertThat(made).hasValue(1);
    assertThat(registrations).hasValue(1);
  }

  @Test
  void theSpecOfAFamilysOperationIsTheOneItsDeclarationGives() {
    OperationRegistry registry = registry();
    registry.addFamily(
        "user writes",
        () ->
            r ->
                r.register(
                    "iam",
                    "GetUser",
                    GET_USER,
                    lock(OperationSpec.LockMode.WRITE, "a test of the declared lock")),
        List.of("iam:GetUser"));
    OperationRegistry eager = new OperationRegistry((service, action) -> READ);
    eager.addService(IamLocalServer.ServiceModels.iam());
    eager.register(
        "iam",
        "GetUser",
        GET_USER,
        lock(OperationSpec.LockMode.WRITE, "a test of the declared lock"));

    assertThat(registry.spec("iam", "GetUser")).isEqualTo(eager.spec("iam", "GetUser"));
  }

  @Test
  void concurrentFirstUsesRegisterTheFamilyOnce() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 50; round++) {
        made.set(0);
        registrations.set(0);
        OperationRegistry registry = registry();
        registry.addFamily("users", this::users, List.of("iam:GetUser", "iam:ListUsers"));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<OperationHandler>> uses = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String operation = t % 2 == 0 ? "GetUser" : "ListUsers";
          boolean specFirst = t % 4 < 2;
          uses.add(
              pool.submit(
                  () -> {
                    go.await();
                    OperationRegistry.Registered registered = registry.handler("iam", operation);
                    if (specFirst) {
                      assertThat(registered.spec().name()).isEqualTo(operation);
                    }
                    return registered.handler();
                  }));
        }
        go.countDown();
        for (int t = 0; t < threads; t++) {
          assertThat(uses.get(t).get(10, TimeUnit.SECONDS))
              .isSameAs(t % 2 == 0 ? GET_USER : LIST_USERS);
        }
        assertThat(made).hasValue(1);
        assertThat(registrations).hasValue(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFamilyRegisteringOtherOperationsThanItsIndexListsServesNone() {
    OperationRegistry registry = registry();
    registry.addFamily("users", this::users, List.of("iam:GetUser", "iam:CreateUser"));

    assertThatThrownBy(() -> registry.handler("iam", "GetUser").handler())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("users registers [iam:GetUser, iam:ListUsers]")
        .hasMessageContaining("the operation index lists [iam:GetUser, iam:CreateUser]");
    // Nothing was bound: the next use fails the same way rather than serving half a family.
    assertThatThrownBy(() -> registry.spec("iam", "GetUser"))
        .hasMessageContaining("the operation index lists");
  }

  @Test
  void anIndexedOperationTheModelsLackFailsWhenAdded() {
    OperationRegistry registry = registry();
    assertThatThrownBy(() -> registry.addFamily("users", this::users, List.of("iam:GetUsr")))
        .hasMessageContaining("no operation iam:GetUsr in the models");
    registry.addFamily("users", this::users, List.of("iam:GetUser", "iam:ListUsers"));
    assertThatThrownBy(() -> registry.addFamily("again", this::users, List.of("iam:GetUser")))
        .hasMessageContaining("operation registered twice: iam:GetUser");
  }

  @Test
  void aRegistryThatChecksSpecsAtRegistrationChecksAFamilysWhenItLinks() {
    OperationRegistry registry = new OperationRegistry((service, action) -> null);
    registry.addService(IamLocalServer.ServiceModels.iam());
    registry.addFamily("users", this::users, List.of("iam:GetUser", "iam:ListUsers"));

    // The reference lists neither operation, and the family declares no lock.
    assertThatThrownBy(() -> registry.handler("iam", "ListUsers").handler())
        .hasMessageContaining("is not in AWS's authorization reference");
    assertThatThrownBy(() -> registry.handler("iam", "GetUser").handler())
        .hasMessageContaining("is not in AWS's authorization reference");
  }
}
