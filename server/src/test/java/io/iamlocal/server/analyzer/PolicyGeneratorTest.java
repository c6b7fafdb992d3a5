package io.iamlocal.server.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.trail.AuthorizationCheck;
import io.iamlocal.server.trail.AuthorizationCheck.Outcome;
import io.iamlocal.server.trail.TrailEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyGeneratorTest {
  private final AccountState account =
      new IamLocalState("123456789012", "test", "test", Clock.systemUTC()).account();
  private final Caller root = Caller.root(Partition.AWS, "123456789012", "test");

  @Test
  void exactActionsAndResourcesWithSharedResourcesInOneStatement() {
    List<TrailEvent> events =
        List.of(
            event(root, check("s3:CreateBucket", "arn:aws:s3:::b", Outcome.ALLOWED)),
            event(root, check("s3:ListBucket", "arn:aws:s3:::b", Outcome.ALLOWED_ANYWAY)),
            event(
                root,
                check("s3:GetObject", "arn:aws:s3:::b/in", Outcome.ALLOWED),
                check("s3:PutObject", "arn:aws:s3:::b/out", Outcome.ALLOWED)));
    GeneratedPolicy policy =
        PolicyGenerator.generate(root.arn(), events, Long.MIN_VALUE, Long.MAX_VALUE, Set.of());
    assertThat(policy.json())
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:CreateBucket\",\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::b\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/in\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::b/out\"}]}");
    assertThat(policy.events()).hasSize(3);
    assertThat(policy.notes()).isEmpty();
  }

  @Test
  void refusedCallsAndResourcePolicyGrantsAndOtherPrincipalsAreLeftOut() {
    Caller other = Caller.anonymous("123456789012");
    List<TrailEvent> events =
        List.of(
            event(root, check("s3:DeleteBucket", "arn:aws:s3:::b", Outcome.DENIED)),
            event(
                root,
                new AuthorizationCheck(
                    "s3:GetObject", "arn:aws:s3:::b/k", Outcome.ALLOWED, false, Map.of())),
            event(other, check("s3:PutObject", "arn:aws:s3:::b/k", Outcome.ALLOWED)));
    GeneratedPolicy policy =
        PolicyGenerator.generate(root.arn(), events, Long.MIN_VALUE, Long.MAX_VALUE, Set.of());
    assertThat(policy.statements()).isEmpty();
    assertThat(policy.events()).isEmpty();
  }

  @Test
  void manyResourcesUnderOnePrefixCollapseAndSaySo() {
    List<TrailEvent> events = new ArrayList<>();
    for (int i = 0; i < PolicyGenerator.COLLAPSE_AT; i++) {
      events.add(event(root, check("s3:GetObject", "arn:aws:s3:::b/logs/" + i, Outcome.ALLOWED)));
    }
    events.add(event(root, check("s3:GetObject", "arn:aws:s3:::b/other", Outcome.ALLOWED)));
    GeneratedPolicy policy =
        PolicyGenerator.generate(root.arn(), events, Long.MIN_VALUE, Long.MAX_VALUE, Set.of());
    assertThat(policy.json())
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Collapsed10ResourcesUnderPrefix\","
                + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":[\"arn:aws:s3:::b/logs/*\",\"arn:aws:s3:::b/other\"]}]}");
    assertThat(policy.notes())
        .containsExactly(
            "s3:GetObject: 11 resources collapsed to arn:aws:s3:::b/logs/* (10 or more share the prefix)");
    // One fewer stays exact.
    GeneratedPolicy fewer =
        PolicyGenerator.generate(
            root.arn(), events.subList(1, events.size()), Long.MIN_VALUE, Long.MAX_VALUE, Set.of());
    assertThat(fewer.json()).doesNotContain("*");
  }

  @Test
  void constantConditionValuesArePinnedWhenAskedFor() {
    List<TrailEvent> events =
        List.of(
            event(
                root,
                new AuthorizationCheck(
                    "s3:ListBucket",
                    "arn:aws:s3:::b",
                    Outcome.ALLOWED,
                    true,
                    Map.of("s3:prefix", List.of("docs/"), "aws:SourceIp", List.of("10.0.0.1")))),
            event(
                root,
                new AuthorizationCheck(
                    "s3:ListBucket",
                    "arn:aws:s3:::b",
                    Outcome.ALLOWED,
                    true,
                    Map.of("s3:prefix", List.of("docs/"), "aws:SourceIp", List.of("10.0.0.2")))));
    GeneratedPolicy policy =
        PolicyGenerator.generate(
            root.arn(),
            events,
            Long.MIN_VALUE,
            Long.MAX_VALUE,
            Set.of("s3:prefix", "aws:SourceIp"));
    assertThat(policy.document().at("/Statement/0/Condition").toString())
        .isEqualTo("{\"StringEquals\":{\"s3:prefix\":\"docs/\"}}");
  }

  private static AuthorizationCheck check(String action, String resource, Outcome outcome) {
    return new AuthorizationCheck(action, resource, outcome, true, Map.of());
  }

  private TrailEvent event(Caller caller, AuthorizationCheck... checks) {
    return new TrailEvent(
        System.currentTimeMillis(),
        account,
        "s3",
        "Call",
        "us-east-1",
        caller,
        new TrailEvent.Request("r", "127.0.0.1", "test", "localhost", false),
        TrailEvent.Payload.s3(Map.of(), List.of(), false),
        null,
        null,
        false,
        List.of(checks));
  }
}
