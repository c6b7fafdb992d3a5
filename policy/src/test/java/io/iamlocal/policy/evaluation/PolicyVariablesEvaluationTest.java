package io.iamlocal.policy.evaluation;

import static io.iamlocal.policy.evaluation.Fixtures.ALICE;
import static io.iamlocal.policy.evaluation.Fixtures.decide;
import static io.iamlocal.policy.evaluation.Fixtures.doc;
import static io.iamlocal.policy.evaluation.Fixtures.policy;
import static io.iamlocal.policy.evaluation.Fixtures.stmt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyVariablesEvaluationTest {

  private static RequestContext get(String resource) {
    return RequestContext.of("s3:GetObject", resource, ALICE);
  }

  @ParameterizedTest(name = "{0} as {1} on {2} -> {3}")
  @CsvSource({
    "arn:aws:s3:::b/${aws:username}/*, alice, arn:aws:s3:::b/alice/x, ALLOWED",
    "arn:aws:s3:::b/${aws:username}/*, bob, arn:aws:s3:::b/alice/x, IMPLICIT_DENY",
    "arn:aws:s3:::b/${aws:username}, a*, arn:aws:s3:::b/a*, ALLOWED",
    "arn:aws:s3:::b/${aws:username}, a*, arn:aws:s3:::b/abc, IMPLICIT_DENY",
    "arn:aws:s3:::b/${aws:username}-*, a:b, arn:aws:s3:::b/a:b-1, ALLOWED",
    "arn:aws:s3:::b/${*}, alice, arn:aws:s3:::b/*, ALLOWED",
    "arn:aws:s3:::b/${*}, alice, arn:aws:s3:::b/x, IMPLICIT_DENY",
    "arn:aws:s3:::b/${?}${$}, alice, arn:aws:s3:::b/?$, ALLOWED",
    "arn:aws:s3:::b/${?}, alice, arn:aws:s3:::b/x, IMPLICIT_DENY"
  })
  void resourceVariables(String pattern, String username, String resource, Decision expected) {
    CompiledPolicy p = policy(doc(stmt("Allow", "s3:GetObject", pattern)));
    assertThat(decide(get(resource).withContextKey("aws:username", username), p))
        .isEqualTo(expected);
  }

  @Test
  void missingVariableWithoutDefaultMatchesNothingAndIsReportedMissing() {
    CompiledPolicy p =
        policy(doc(stmt("Allow", "s3:GetObject", "arn:aws:s3:::b/${aws:username}/*")));
    EvaluationResult r =
        Fixtures.evaluate(EvaluationInput.identityOnly(get("arn:aws:s3:::b/alice/x"), List.of(p)));
    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.missingContextValues()).containsExactly("aws:username");
  }

  @Test
  void defaultValueIsUsedWhenTheKeyIsMissing() {
    CompiledPolicy p =
        policy(doc(stmt("Allow", "s3:GetObject", "arn:aws:s3:::b/${aws:userid, 'anonymous'}/*")));
    assertThat(decide(get("arn:aws:s3:::b/anonymous/x"), p)).isEqualTo(Decision.ALLOWED);
    assertThat(decide(get("arn:aws:s3:::b/AIDA1/x").withContextKey("aws:userid", "AIDA1"), p))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(get("arn:aws:s3:::b/anonymous/x").withContextKey("aws:userid", "AIDA1"), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void tagVariablesResolveWithoutRegardToKeyCase() {
    CompiledPolicy p =
        policy(
            doc(
                stmt(
                    "Allow",
                    "s3:GetObject",
                    "arn:aws:s3:::bucket/${aws:PrincipalTag/department}")));
    assertThat(
            decide(
                get("arn:aws:s3:::bucket/hr").withContextKey("AWS:principaltag/DEPARTMENT", "hr"),
                p))
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void multivaluedKeysCannotBeVariables() {
    CompiledPolicy p = policy(doc(stmt("Allow", "s3:GetObject", "arn:aws:s3:::b/${aws:TagKeys}")));
    assertThat(decide(get("arn:aws:s3:::b/x").withContextKey("aws:TagKeys", "x", "y"), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(get("arn:aws:s3:::b/x").withContextKey("aws:TagKeys", "x"), p))
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void variablesAreLiteralUnderVersion2008() {
    CompiledPolicy p =
        policy(
            "{\"Version\":\"2008-10-17\",\"Statement\":["
                + stmt("Allow", "s3:GetObject", "arn:aws:s3:::b/${aws:username}")
                + "]}");
    RequestContext alice = get("arn:aws:s3:::b/alice").withContextKey("aws:username", "alice");
    assertThat(decide(alice, p)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(get("arn:aws:s3:::b/${aws:username}"), p)).isEqualTo(Decision.ALLOWED);
  }

  /**
   * "The resource that includes a policy variable with no value will not match any resource" (AWS).
   */
  @Test
  void notResourceWithAnUnresolvableVariableExcludesNothing() {
    CompiledPolicy p =
        policy(
            doc(
                stmt("Allow", "s3:*", "*"),
                "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::home/${aws:username}/*\"}"));
    assertThat(decide(get("arn:aws:s3:::other/x").withContextKey("aws:username", "alice"), p))
        .isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(decide(get("arn:aws:s3:::home/alice/x").withContextKey("aws:username", "alice"), p))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(get("arn:aws:s3:::other/x"), p)).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(decide(get("arn:aws:s3:::home/alice/x"), p)).isEqualTo(Decision.EXPLICIT_DENY);
  }

  @Test
  void conditionValuesSubstituteVariablesForStringArnAndBoolOperators() {
    CompiledPolicy like =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"\",\"home/\",\"home/${aws:username}/*\"]}}}"));
    RequestContext list =
        RequestContext.of("s3:ListBucket", "arn:aws:s3:::b", ALICE)
            .withContextKey("aws:username", "alice");
    assertThat(decide(list.withContextKey("s3:prefix", "home/alice/docs"), like))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(list.withContextKey("s3:prefix", "home/bob/docs"), like))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(list.withContextKey("s3:prefix", "home/"), like)).isEqualTo(Decision.ALLOWED);

    CompiledPolicy equals =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"s3:prefix\":\"${aws:username}${*}\"}}}"));
    assertThat(decide(list.withContextKey("s3:prefix", "alice*"), equals))
        .isEqualTo(Decision.ALLOWED);

    CompiledPolicy arn =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:user/${aws:username}\"}}}"));
    assertThat(decide(list.withContextKey("aws:PrincipalArn", ALICE), arn))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(list.withContextKey("aws:PrincipalArn", Fixtures.BOB), arn))
        .isEqualTo(Decision.IMPLICIT_DENY);

    CompiledPolicy bool =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"${test:expected}\"}}}"));
    assertThat(
            decide(
                list.withContextKey("aws:SecureTransport", "true")
                    .withContextKey("test:expected", "true"),
                bool))
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void numericDateIpAndNullOperatorsTakeNoVariables() {
    CompiledPolicy p =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"NumericEquals\":{\"s3:max-keys\":\"${test:n}\"}}}"));
    RequestContext r = get("*").withContextKey("s3:max-keys", "5").withContextKey("test:n", "5");
    assertThat(decide(r, p)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  /**
   * "Inverted condition operators like StringNotEquals or StringNotLike do match against a null
   * value" (reference_policies_variables.html, "Policy variables with no value").
   */
  @Test
  void negatedOperatorWithUnresolvableVariableHolds() {
    CompiledPolicy p =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringNotEquals\":{\"s3:prefix\":\"${aws:username}\"}}}"));
    assertThat(decide(get("*").withContextKey("s3:prefix", "x"), p)).isEqualTo(Decision.ALLOWED);
    assertThat(
            decide(
                get("*").withContextKey("s3:prefix", "x").withContextKey("aws:username", "x"), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
    CompiledPolicy arn =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:sns:*:*:${aws:username}\"}}}"));
    assertThat(decide(get("*").withContextKey("aws:SourceArn", "arn:aws:sns:us-east-1:1:t"), arn))
        .isEqualTo(Decision.ALLOWED);
    CompiledPolicy equals =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"s3:prefix\":\"${aws:username}\"}}}"));
    assertThat(decide(get("*").withContextKey("s3:prefix", "x"), equals))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }
}
