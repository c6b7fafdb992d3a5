package io.iamlocal.policy.evaluation;

import static io.iamlocal.policy.evaluation.Fixtures.ALICE;
import static io.iamlocal.policy.evaluation.Fixtures.allow;
import static io.iamlocal.policy.evaluation.Fixtures.decide;
import static io.iamlocal.policy.evaluation.Fixtures.doc;
import static io.iamlocal.policy.evaluation.Fixtures.policy;
import static io.iamlocal.policy.evaluation.Fixtures.stmt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionResourceMatchingTest {

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "iam:CreateUser, iam:CreateUser, ALLOWED",
    "iam:CreateUser, IAM:createuser, ALLOWED",
    "IAM:CREATEUSER, iam:CreateUser, ALLOWED",
    "iam:Get*, iam:GetUser, ALLOWED",
    "iam:get*, iam:GetUser, ALLOWED",
    "iam:Get*, iam:ListUsers, IMPLICIT_DENY",
    "iam:?etUser, iam:GetUser, ALLOWED",
    "iam:?etUser, iam:GGetUser, IMPLICIT_DENY",
    "iam:*User, iam:CreateUser, ALLOWED",
    "iam:*User, iam:CreateUsers, IMPLICIT_DENY",
    "iam:*Access*Key*, iam:UpdateAccessKey, ALLOWED",
    "*, sts:AssumeRole, ALLOWED",
    "s3:*, s3x:GetObject, IMPLICIT_DENY",
    "s3*:GetObject, s3x:GetObject, ALLOWED",
    "iam:CreateUser, iam:CreateUserX, IMPLICIT_DENY"
  })
  void actionsMatchWithoutRegardToCase(String pattern, String action, Decision expected) {
    assertThat(decide(RequestContext.of(action, "*", ALICE), allow(pattern, "*")))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "*, arn:aws:s3:::bucket, true",
    "*, *, true",
    "arn:aws:s3:::bucket/*, arn:aws:s3:::bucket/a/b.txt, true",
    "arn:aws:s3:::bucket/*, arn:aws:s3:::bucket, false",
    "arn:aws:s3:::Bucket, arn:aws:s3:::bucket, false",
    "arn:aws:s3:::b?, arn:aws:s3:::b1, true",
    "arn:aws:s3:::b?, arn:aws:s3:::b12, false",
    "arn:aws:iam::*:user/*, arn:aws:iam::123456789012:user/alice, true",
    "arn:aws:iam::*:user/*, arn:aws:iam::123456789012:role/alice, false",
    "arn:aws:iam::*, arn:aws:iam::123456789012:user/alice, true",
    "arn:aws:*, arn:aws:iam::123456789012:user/alice, true",
    "arn:*:s3:::b, arn:aws-cn:s3:::b, true",
    "arn:aws:ec2:*:*:instance/*, arn:aws:ec2:us-east-1:123456789012:instance/i-1, true",
    "arn:aws:ec2:*:*:instance/*, arn:aws:ec2:us-east-1:123456789012:volume/v-1, false",
    "arn:aws:sns:us-east-1:123456789012:topic:*, arn:aws:sns:us-east-1:123456789012:topic:sub, true",
    // Wildcards stay inside their segment: the doc's ArnLike counter-example.
    "arn:aws:someservice:*:111122223333:finance/*, arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt, false",
    "arn:aws:s3:::b, *, false",
    "arn:aws:s3:::b, arn:aws:s3, false",
    "bucket*, bucket-1, true"
  })
  void resourcesMatchPerArnSegmentAndCaseSensitively(
      String pattern, String resource, boolean expected) {
    Decision d =
        decide(RequestContext.of("s3:GetObject", resource, ALICE), allow("s3:GetObject", pattern));
    assertThat(d).isEqualTo(expected ? Decision.ALLOWED : Decision.IMPLICIT_DENY);
  }

  @Test
  void notActionWithAllowGrantsEverythingElse() {
    CompiledPolicy p =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}"));
    assertThat(decide(RequestContext.of("s3:GetObject", "arn:aws:s3:::b/k", ALICE), p))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(RequestContext.of("iam:CreateUser", "*", ALICE), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(RequestContext.of("Organizations:ListAccounts", "*", ALICE), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void notResourceWithDenyDeniesEverythingElse() {
    CompiledPolicy p =
        policy(
            doc(
                stmt("Allow", "s3:*", "*"),
                "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"NotResource\":[\"arn:aws:s3:::public/*\",\"arn:aws:s3:::public\"]}"));
    assertThat(decide(RequestContext.of("s3:GetObject", "arn:aws:s3:::public/a.txt", ALICE), p))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(RequestContext.of("s3:ListBucket", "arn:aws:s3:::public", ALICE), p))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(RequestContext.of("s3:GetObject", "arn:aws:s3:::private/a.txt", ALICE), p))
        .isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(
            decide(RequestContext.of("ec2:RunInstances", "arn:aws:s3:::private/a.txt", ALICE), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void notActionWithDenyLeavesTheListedActions() {
    CompiledPolicy p =
        policy(
            doc(
                stmt("Allow", "*", "*"),
                "{\"Effect\":\"Deny\",\"NotAction\":\"iam:ChangePassword\",\"Resource\":\"*\","
                    + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}"));
    assertThat(decide(RequestContext.of("iam:ChangePassword", "*", ALICE), p))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(RequestContext.of("s3:GetObject", "*", ALICE), p))
        .isEqualTo(Decision.EXPLICIT_DENY);
    RequestContext mfa =
        RequestContext.of("s3:GetObject", "*", ALICE)
            .withContextKey("aws:MultiFactorAuthPresent", "true");
    assertThat(decide(mfa, p)).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void statementsOfOtherServicesAndWildcardServicesAreBothConsidered() {
    CompiledPolicy p =
        policy(
            doc(
                stmt("Allow", "s3:GetObject", "*"),
                stmt("Deny", "*:Get*", "*"),
                stmt("Allow", "ec2:Describe*", "*"),
                stmt("Allow", "EC2:RunInstances", "*")));
    assertThat(decide(RequestContext.of("s3:GetObject", "*", ALICE), p))
        .isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(decide(RequestContext.of("ec2:DescribeVpcs", "*", ALICE), p))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(RequestContext.of("ec2:runinstances", "*", ALICE), p))
        .isEqualTo(Decision.ALLOWED);
    assertThat(decide(RequestContext.of("iam:ListUsers", "*", ALICE), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void unusableStatementsNeverApply() {
    CompiledPolicy badEffect = policy(doc(stmt("allow", "s3:*", "*")));
    CompiledPolicy badOperator =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEqual\":{\"aws:username\":\"alice\"}}}"));
    RequestContext r =
        RequestContext.of("s3:GetObject", "*", ALICE).withContextKey("aws:username", "alice");
    assertThat(decide(r, badEffect)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(r, badOperator)).isEqualTo(Decision.IMPLICIT_DENY);
  }
}
