package io.iamlocal.policy.evaluation;

import static io.iamlocal.policy.evaluation.Fixtures.allow;
import static io.iamlocal.policy.evaluation.Fixtures.decide;
import static io.iamlocal.policy.evaluation.Fixtures.doc;
import static io.iamlocal.policy.evaluation.Fixtures.evaluate;
import static io.iamlocal.policy.evaluation.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A policy naming another partition's resource or principal does not match: partitions are separate
 * worlds.
 */
class PartitionEvaluationTest {

  private static final String CN_ALICE = "arn:aws-cn:iam::123456789012:user/alice";
  private static final String CN_SESSION = "arn:aws-cn:sts::123456789012:assumed-role/AppRole/s1";

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "arn:aws-cn:s3:::b/*|arn:aws-cn:s3:::b/k|ALLOWED",
        "arn:aws:s3:::b/*|arn:aws-cn:s3:::b/k|IMPLICIT_DENY",
        "arn:aws-cn:s3:::b/*|arn:aws:s3:::b/k|IMPLICIT_DENY",
        "arn:*:s3:::b/*|arn:aws-us-gov:s3:::b/k|ALLOWED",
        "arn:aws-cn:iam::*:user/*|arn:aws-cn:iam::123456789012:user/bob|ALLOWED",
        "arn:aws:iam::*:user/*|arn:aws-cn:iam::123456789012:user/bob|IMPLICIT_DENY"
      })
  void resourceMatchingKeepsThePartition(String pattern, String resource, Decision expected) {
    String action = resource.contains(":iam:") ? "iam:GetUser" : "s3:GetObject";
    assertThat(decide(RequestContext.of(action, resource, CN_ALICE), allow(action, pattern)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} named by {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        CN_ALICE + "|arn:aws-cn:iam::123456789012:root|EXPLICIT_DENY",
        CN_ALICE + "|arn:aws:iam::123456789012:root|ALLOWED",
        CN_ALICE + "|123456789012|EXPLICIT_DENY",
        CN_ALICE + "|arn:aws-cn:iam::123456789012:user/alice|EXPLICIT_DENY",
        CN_ALICE + "|arn:aws:iam::123456789012:user/alice|ALLOWED",
        CN_SESSION + "|arn:aws-cn:iam::123456789012:role/AppRole|EXPLICIT_DENY",
        CN_SESSION + "|arn:aws:iam::123456789012:role/AppRole|ALLOWED"
      })
  void principalsOfAnotherPartitionDoNotMatch(String caller, String principal, Decision expected) {
    // The caller's identity policy allows; a resource policy Deny naming the caller turns that into
    // an explicit deny.
    CompiledPolicy denying =
        policy(
            "bucket",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\""
                    + principal
                    + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws-cn:s3:::b/*\"}"));
    RequestContext request = RequestContext.of("s3:GetObject", "arn:aws-cn:s3:::b/k", caller);
    EvaluationInput input =
        EvaluationInput.builder(request)
            .identityPolicies(allow("s3:GetObject", "*"))
            .resourcePolicies(denying)
            .build();
    assertThat(evaluate(input).decision()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "aws:PrincipalArn {0} against {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ArnLike|arn:aws-cn:iam::*:user/*|ALLOWED",
        "ArnLike|arn:aws:iam::*:user/*|IMPLICIT_DENY",
        "StringEquals|" + CN_ALICE + "|ALLOWED",
        "StringEquals|arn:aws:iam::123456789012:user/alice|IMPLICIT_DENY"
      })
  void principalArnConditionSeesThePartition(String operator, String value, Decision expected) {
    CompiledPolicy identity =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                    + "\"Condition\":{\""
                    + operator
                    + "\":{\"aws:PrincipalArn\":\""
                    + value
                    + "\"}}}"));
    RequestContext request =
        RequestContext.of("s3:GetObject", "arn:aws-cn:s3:::b/k", CN_ALICE)
            .withContextKey("aws:PrincipalArn", CN_ALICE);
    assertThat(decide(request, identity)).isEqualTo(expected);
  }
}
