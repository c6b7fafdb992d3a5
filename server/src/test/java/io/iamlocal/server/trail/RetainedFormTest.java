package io.iamlocal.server.trail;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.policy.evaluation.LazyContextKeys;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.trail.AuthorizationCheck.Outcome;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a trail event keeps of its call: small, shared where calls repeat, and read back as given.
 */
class RetainedFormTest {
  private final IamLocalState state =
      new IamLocalState("123456789012", "test", "test", Clock.systemUTC());

  @Test
  void aUuidRequestIdIsKeptAsNumbersAndReadBackAsTheSameTextAnyOtherIdAsItIs() {
    String uuid = "0f1e2d3c-4b5a-4978-8877-665544332211";
    assertThat(Uuids.isLowerCase(uuid)).isTrue();
    assertThat(Uuids.format(Uuids.high(uuid), Uuids.low(uuid))).isEqualTo(uuid);
    assertThat(event(uuid, "ua", List.of()).requestId()).isEqualTo(uuid).isNotSameAs(uuid);
    for (String other : List.of("3A4B5C6D7E8F9A0B", "0F1E2D3C-4B5A-4978-8877-665544332211", "r")) {
      assertThat(Uuids.isLowerCase(other)).isFalse();
      assertThat(event(other, "ua", List.of()).requestId()).isSameAs(other);
    }
    assertThat(event(uuid, "ua", List.of()).json()).contains("\"requestID\":\"" + uuid + "\"");
  }

  @Test
  void theRequestIdJustMadeOnTheThreadIsKeptAsNumbersWithoutBeingParsed() {
    String made = Uuids.random();
    TrailEvent event = event(made, "ua", List.of());
    assertThat(event.requestId()).isEqualTo(made).isNotSameAs(made);
  }

  @Test
  void consecutiveEventsOfOneClientShareTheirOriginAndEmptyReadsTheirPayload() {
    TrailEvent first = event(null, new String("ua/1"), List.of());
    TrailEvent second = event(null, new String("ua/1"), List.of());
    TrailEvent other = event(null, "ua/2", List.of());
    assertThat(second.origin).isSameAs(first.origin);
    assertThat(second.payload).isSameAs(first.payload);
    assertThat(other.origin).isNotSameAs(first.origin);
    assertThat(other.origin.userAgent()).isEqualTo("ua/2");
    assertThat(TrailEvent.Payload.query(null, Map.of("UserName", "bob"), null, null))
        .isNotSameAs(TrailEvent.Payload.query(null, Map.of("UserName", "bob"), null, null));
  }

  @Test
  void aCheckWhoseKeysWereNeverBuiltKeepsTheirRecipeAndBuildsThemAnewOnEachRead() {
    AtomicInteger builds = new AtomicInteger();
    LazyContextKeys lazy =
        LazyContextKeys.deferred(
            () -> {
              builds.incrementAndGet();
              Map<String, List<String>> keys = new HashMap<>();
              keys.put("aws:username", List.of("alice"));
              return keys;
            });
    String action = new String("iam:GetUser");
    TrailEvent event =
        event(
            null, "ua", List.of(new AuthorizationCheck(action, "r", Outcome.ALLOWED, true, lazy)));

    AuthorizationCheck kept = event.checks().get(0);
    assertThat(kept.keys()).isNotSameAs(lazy);
    assertThat(kept.keys().get("AWS:UserName")).containsExactly("alice");
    assertThat(kept.keys().get("aws:username")).containsExactly("alice");
    assertThat(builds).hasValue(2); // nothing built is kept by the event
    assertThat(lazy.unbuiltSupplier()).isNotNull();
    // The action as given: the spec's one string (OperationSpecsTest), shared by every check.
    assertThat(kept.action()).isSameAs(action);
  }

  @Test
  void keysBuiltDuringTheCallAndSeveralChecksAreKeptAsTheyWere() {
    LazyContextKeys built =
        LazyContextKeys.deferred(() -> Map.of("aws:SourceIp", List.of("10.0.0.1"))).materialize();
    AuthorizationCheck first =
        new AuthorizationCheck("s3:GetObject", "a", Outcome.ALLOWED, true, built);
    AuthorizationCheck second =
        new AuthorizationCheck("s3:PutObject", "b", Outcome.DENIED, true, null);
    TrailEvent event = event(null, "ua", List.of(first, second));
    assertThat(event.checks()).hasSize(2);
    assertThat(event.checks().get(0).keys()).isSameAs(built);
    assertThat(event.checks().get(1).keys()).isNull();
    assertThat(event.checks().get(1).wentThrough()).isFalse();
    assertThat(event(null, "ua", List.of()).checks()).isEmpty();
  }

  private TrailEvent event(String requestId, String userAgent, List<AuthorizationCheck> checks) {
    return new TrailEvent(
        0,
        state.account(),
        "iam",
        "GetUser",
        new String("us-east-1"),
        Caller.root(Partition.AWS, "123456789012", "test"),
        new TrailEvent.Request(
            requestId == null ? "0f1e2d3c-4b5a-4978-8877-665544332211" : requestId,
            new String("127.0.0.1"),
            userAgent,
            "localhost",
            false),
        TrailEvent.Payload.query(null, Map.of(), null, null),
        null,
        null,
        true,
        checks);
  }
}
