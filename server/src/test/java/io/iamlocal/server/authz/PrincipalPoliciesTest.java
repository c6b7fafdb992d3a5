package io.iamlocal.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.IdGenerator;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Test;

/** The per-principal cache of resolved policies follows every write to the account. */
class PrincipalPoliciesTest {
  private static final String DOC =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:%s\",\"Resource\":\"*\"}]}";
  private final AccountState account =
      new AccountState("123456789012", Clock.systemUTC(), new IdGenerator());

  private void write(Runnable change) {
    Lock lock = account.lock().writeLock();
    lock.lock();
    try {
      change.run();
    } finally {
      lock.unlock();
    }
  }

  private List<String> identity(Caller caller) {
    Lock lock = account.lock().readLock();
    lock.lock();
    try {
      return PrincipalPolicies.of(caller, account).identity().stream()
          .map(CompiledPolicy::policyId)
          .toList();
    } finally {
      lock.unlock();
    }
  }

  @Test
  void cachedPoliciesFollowInlineGroupAndDeleteChanges() {
    User alice = new User(Partition.AWS, "123456789012", "alice", "/", "AIDAALICE", Instant.EPOCH);
    Group devs = new Group(Partition.AWS, "123456789012", "devs", "/", "AGPADEVS", Instant.EPOCH);
    write(
        () -> {
          account.users().put(alice);
          account.groups().put(devs);
          alice.policies().putInline("one", DOC.formatted("GetUser"));
        });
    Caller caller = Caller.user(alice, "AKIAALICE");
    assertThat(identity(caller)).containsExactly("one");
    assertThat(identity(caller)).containsExactly("one");
    write(() -> alice.policies().putInline("two", DOC.formatted("ListUsers")));
    assertThat(identity(caller)).containsExactly("one", "two");
    write(
        () -> {
          devs.policies().putInline("grp", DOC.formatted("ListGroups"));
          devs.addMember(alice);
        });
    assertThat(identity(caller)).containsExactly("one", "two", "grp");
    write(() -> account.users().remove("alice"));
    assertThat(identity(caller)).isEmpty();
  }

  @Test
  void policiesReadDuringAWriteAreNotReusedAfterIt() {
    User bob = new User(Partition.AWS, "123456789012", "bob", "/", "AIDABOB", Instant.EPOCH);
    Caller caller = Caller.user(bob, "AKIABOB");
    write(
        () -> {
          account.users().put(bob);
          // A write-locked operation is authorized first, then changes the state.
          assertThat(PrincipalPolicies.of(caller, account).identity()).isEmpty();
          bob.policies().putInline("p", DOC.formatted("GetUser"));
        });
    assertThat(identity(caller)).containsExactly("p");
  }
}
