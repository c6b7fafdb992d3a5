package io.iamlocal.policy.evaluation;

import static io.iamlocal.policy.evaluation.Fixtures.ALICE;
import static io.iamlocal.policy.evaluation.Fixtures.BOB;
import static io.iamlocal.policy.evaluation.Fixtures.allow;
import static io.iamlocal.policy.evaluation.Fixtures.decide;
import static io.iamlocal.policy.evaluation.Fixtures.doc;
import static io.iamlocal.policy.evaluation.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyContextKeysTest {

  private static final String USER_HOME =
      doc(
          "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
              + "\"Resource\":\"arn:aws:s3:::bucket/home/${aws:username}/*\"}");

  @Test
  void deferredKeysAreNotBuiltWhenNoConditionOrVariableReadsThem() {
    AtomicInteger built = new AtomicInteger();
    LazyContextKeys keys =
        LazyContextKeys.deferred(
            () -> {
              built.incrementAndGet();
              return Map.of("aws:username", List.of("alice"));
            });
    RequestContext request = new RequestContext("iam:GetUser", ALICE, ALICE, null, keys);
    assertThat(decide(request, allow("iam:Get*", "*"))).isEqualTo(Decision.ALLOWED);
    assertThat(built).hasValue(0);
    assertThat(request.contextKeys()).isSameAs(keys);
  }

  @Test
  void deferredKeysAreBuiltOnceAndLookedUpWithoutRegardToCase() {
    AtomicInteger built = new AtomicInteger();
    LazyContextKeys keys =
        LazyContextKeys.deferred(
            () -> {
              built.incrementAndGet();
              Map<String, List<String>> m = new HashMap<>();
              m.put("aws:PrincipalTag/Team", List.of("red"));
              m.put("AWS:principaltag/team", List.of("blue"));
              m.put("aws:SourceIp", List.of("203.0.113.7"));
              return m;
            });
    CompiledPolicy p =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringEquals\":{\"aws:principaltag/TEAM\":\"blue\"},"
                    + "\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"},"
                    + "\"NotIpAddress\":{\"AWS:SOURCEIP\":\"198.51.100.0/24\"}}}"));
    RequestContext request = new RequestContext("s3:GetObject", "*", ALICE, null, keys);
    assertThat(decide(request, p)).isEqualTo(Decision.ALLOWED);
    assertThat(built).hasValue(1);
    assertThat(request.values("aws:principaltag/team")).containsExactlyInAnyOrder("red", "blue");
    assertThat(keys.get("AWS:SOURCEIP")).containsExactly("203.0.113.7");
    assertThat(keys.keySet()).hasSize(2);
    assertThat(keys.entrySet().iterator().next().getKey())
        .isEqualToIgnoringCase("aws:PrincipalTag/Team");
  }

  @Test
  void aMapGivenAsIsIsCopied() {
    Map<String, List<String>> m = new HashMap<>(Map.of("aws:username", List.of("alice")));
    RequestContext request = new RequestContext("s3:GetObject", "*", ALICE, null, m);
    m.put("aws:username", List.of("bob"));
    assertThat(request.values("AWS:UserName")).containsExactly("alice");
    assertThat(request)
        .isEqualTo(
            new RequestContext(
                "s3:GetObject", "*", ALICE, null, Map.of("aws:username", List.of("alice"))));
  }

  @Test
  void variableResourcePatternsAreRightForEachUserInTurn() {
    CompiledPolicy home = policy(USER_HOME);
    for (int i = 0; i < 600; i++) {
      String user = "user" + (i % 300);
      RequestContext own =
          new RequestContext(
              "s3:GetObject",
              "arn:aws:s3:::bucket/home/" + user + "/f",
              ALICE,
              null,
              Map.of("aws:username", List.of(user)));
      RequestContext other =
          new RequestContext(
              "s3:GetObject",
              "arn:aws:s3:::bucket/home/x" + user + "/f",
              BOB,
              null,
              Map.of("aws:username", List.of(user)));
      assertThat(decide(own, home)).isEqualTo(Decision.ALLOWED);
      assertThat(decide(other, home)).isEqualTo(Decision.IMPLICIT_DENY);
    }
    RequestContext none =
        new RequestContext(
            "s3:GetObject", "arn:aws:s3:::bucket/home/alice/f", ALICE, null, Map.of());
    assertThat(decide(none, home)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(
            PolicyEvaluator.evaluate(EvaluationInput.identityOnly(none, List.of(home)))
                .missingContextValues())
        .containsExactly("aws:username");
  }
}
