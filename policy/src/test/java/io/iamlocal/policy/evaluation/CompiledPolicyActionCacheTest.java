package io.iamlocal.policy.evaluation;

import static io.iamlocal.policy.evaluation.Fixtures.ALICE;
import static io.iamlocal.policy.evaluation.Fixtures.decide;
import static io.iamlocal.policy.evaluation.Fixtures.doc;
import static io.iamlocal.policy.evaluation.Fixtures.policy;
import static io.iamlocal.policy.evaluation.Fixtures.stmt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A compiled policy remembers which statements each action reaches; the answers must not depend on
 * the order actions are asked in, their spelling, or the cache filling up with names no policy
 * mentions.
 */
class CompiledPolicyActionCacheTest {

  private final CompiledPolicy policy =
      policy(
          doc(
              stmt("Allow", "s3:Get*", "*"),
              stmt("Deny", "s3:GetObjectAcl", "*"),
              stmt("Allow", "iam:*", "*")));

  @Test
  void theSamePolicyAnswersEachActionAsIfAskedFirst() {
    for (int round = 0; round < 3; round++) {
      assertThat(decide(RequestContext.of("s3:GetObject", "*", ALICE), policy))
          .isEqualTo(Decision.ALLOWED);
      assertThat(decide(RequestContext.of("S3:GETOBJECTACL", "*", ALICE), policy))
          .isEqualTo(Decision.EXPLICIT_DENY);
      assertThat(decide(RequestContext.of("s3:PutObject", "*", ALICE), policy))
          .isEqualTo(Decision.IMPLICIT_DENY);
      assertThat(decide(RequestContext.of("iam:CreateUser", "*", ALICE), policy))
          .isEqualTo(Decision.ALLOWED);
      assertThat(decide(RequestContext.of("s3:getobjectacl", "*", ALICE), policy))
          .isEqualTo(Decision.EXPLICIT_DENY);
    }
  }

  @Test
  void madeUpActionNamesBeyondTheCacheDoNotChangeAnswers() {
    for (int i = 0; i < 5_000; i++) {
      Decision expected = i % 2 == 0 ? Decision.ALLOWED : Decision.IMPLICIT_DENY;
      String action = i % 2 == 0 ? "iam:MadeUp" + i : "ec2:MadeUp" + i;
      assertThat(decide(RequestContext.of(action, "*", ALICE), policy))
          .as(action)
          .isEqualTo(expected);
      if (i % 1_000 == 0) {
        assertThat(decide(RequestContext.of("s3:GetObjectAcl", "*", ALICE), policy))
            .isEqualTo(Decision.EXPLICIT_DENY);
      }
    }
  }
}
