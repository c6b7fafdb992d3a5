package io.iamlocal.server.trail;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrailTest {
  private final IamLocalState state =
      new IamLocalState("123456789012", "test", "test", Clock.systemUTC());

  @Test
  void keepsTheNewestEventsAndSaysWhenOlderOnesWereDropped() {
    Trail trail = new Trail(3, null);
    for (int i = 0; i < 3; i++) {
      trail.record(event("Op" + i, 1000 + i));
    }
    assertThat(trail.oldestRetainedMillis()).isEqualTo(Long.MIN_VALUE);
    trail.record(event("Op3", 1003));
    assertThat(trail.newestFirst(state.account()))
        .extracting(TrailEvent::eventName)
        .containsExactly("Op3", "Op2", "Op1");
    assertThat(trail.oldestRetainedMillis()).isEqualTo(1001);
  }

  @Test
  void eventsFromBeforeAResetAreNotTheNewAccountsAndCapacityZeroKeepsNothing() {
    Trail trail = new Trail(10, null);
    trail.record(event("Before", 1));
    state.reset();
    trail.record(event("After", 2));
    assertThat(trail.newestFirst(state.account()))
        .extracting(TrailEvent::eventName)
        .containsExactly("After");
    Trail none = new Trail(0, null);
    none.record(event("Ignored", 3));
    assertThat(none.enabled()).isFalse();
    assertThat(none.newestFirst(state.account())).isEmpty();
  }

  @Test
  void recordsLeaveSecretsOutAndNameMembersInLowerCamelCase() {
    TrailEvent event =
        new TrailEvent(
            0,
            state.account(),
            "iam",
            "CreateLoginProfile",
            "eu-west-1",
            Caller.root(Partition.AWS, "123456789012", "test"),
            new TrailEvent.Request("r", "10.0.0.1", "ua", "h", false),
            TrailEvent.Payload.query(
                io.iamlocal.server.IamLocalServer.ServiceModels.iam()
                    .operation("CreateLoginProfile")
                    .input(),
                Map.of(
                    "UserName", "alice", "Password", "Secret-123", "PasswordResetRequired", true),
                null,
                null),
            null,
            null,
            false,
            List.of());
    String json = event.json();
    assertThat(json)
        .contains("\"requestParameters\":{\"passwordResetRequired\":true,\"userName\":\"alice\"}")
        .contains("\"awsRegion\":\"us-east-1\"")
        .contains("\"eventTime\":\"1970-01-01T00:00:00Z\"")
        .doesNotContain("Secret-123");
  }

  private TrailEvent event(String name, long millis) {
    return new TrailEvent(
        millis,
        state.account(),
        "iam",
        name,
        "us-east-1",
        null,
        new TrailEvent.Request("r", "127.0.0.1", "ua", "h", false),
        TrailEvent.Payload.query(null, null, null, null),
        null,
        null,
        true,
        List.of());
  }
}
