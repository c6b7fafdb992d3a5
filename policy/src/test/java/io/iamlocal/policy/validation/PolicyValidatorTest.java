package io.iamlocal.policy.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.policy.document.PolicyDocument;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyValidatorTest {

  private static final String V12 = "\"Version\":\"2012-10-17\",";

  /** An identity policy with one statement whose body is {@code body}. */
  private static String identity(String body) {
    return "{" + V12 + "\"Statement\":[{" + body + "}]}";
  }

  private static String trust(String body) {
    return "{" + V12 + "\"Statement\":[{" + body + "}]}";
  }

  static Stream<Arguments> failures() {
    String allowAll = "\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"";
    String trustOk =
        "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"";
    return Stream.of(
        // JSON and grammar shape
        Arguments.of(PolicyKind.IDENTITY, "not json", "Syntax errors in policy."),
        Arguments.of(PolicyKind.IDENTITY, "null", "Syntax errors in policy."),
        Arguments.of(PolicyKind.IDENTITY, identity(allowAll + ","), "Syntax errors in policy."),
        Arguments.of(
            PolicyKind.IDENTITY, "{" + V12 + "\"Statement\":null}", "Syntax errors in policy."),
        Arguments.of(PolicyKind.IDENTITY, "{" + V12 + "}", "Syntax errors in policy."),
        Arguments.of(
            PolicyKind.IDENTITY, identity(allowAll + ",\"Foo\":1"), "Syntax errors in policy."),
        Arguments.of(PolicyKind.SESSION, "{\"Statement\":[", "Syntax errors in policy."),
        Arguments.of(PolicyKind.PERMISSIONS_BOUNDARY, "[]", "Syntax errors in policy."),
        Arguments.of(PolicyKind.RESOURCE, "{", "Syntax errors in policy."),
        Arguments.of(
            PolicyKind.TRUST,
            "{\"Version\":\"2012-10-17\",\"Statement\":[{,}]}",
            "This policy contains invalid Json"),
        Arguments.of(PolicyKind.TRUST, trust(trustOk + ",\"Bogus\":1"), "Syntax errors in policy."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(
                "\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotAction\":\"s3:Get\",\"Resource\":\"*\""),
            "Syntax errors in policy."),
        // Version
        Arguments.of(
            PolicyKind.IDENTITY,
            "{\"Version\":\"2012-10-18\",\"Statement\":[{" + allowAll + "}]}",
            "Syntax errors in policy."),
        Arguments.of(
            PolicyKind.IDENTITY, "{" + V12 + "\"Statement\":[]}", "Syntax errors in policy."),
        Arguments.of(
            PolicyKind.MANAGED,
            "{\"Version\":\"2008-10-17\",\"Statement\":[{" + allowAll + "}]}",
            "Policy document must be version 2012-10-17 or greater."),
        Arguments.of(
            PolicyKind.MANAGED,
            "{\"Statement\":[{" + allowAll + "}]}",
            "Policy document must be version 2012-10-17 or greater."),
        Arguments.of(
            PolicyKind.IDENTITY,
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/${aws:username}\"}]}",
            "Policy document must be version 2012-10-17 or greater."),
        Arguments.of(
            PolicyKind.IDENTITY,
            "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringLike\":{\"s3:prefix\":\"${aws:username}/*\"}}}]}",
            "Policy document must be version 2012-10-17 or greater."),
        // Effect
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"allow\",\"Action\":\"s3:*\",\"Resource\":\"*\""),
            "The policy failed legacy parsing"),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Action\":\"s3:*\",\"Resource\":\"*\""),
            "Syntax errors in policy."),
        Arguments.of(
            PolicyKind.TRUST,
            trust("\"Effect\":\"Permit\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\""),
            "Syntax errors in policy."),
        // legacy parser (no Version)
        Arguments.of(
            PolicyKind.IDENTITY,
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam:123456789012:user/x\"}]}",
            "The policy failed legacy parsing"),
        Arguments.of(
            PolicyKind.IDENTITY,
            "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"GetItem\",\"Resource\":\"*\"}]}",
            "The policy failed legacy parsing"),
        // Sid
        Arguments.of(
            PolicyKind.IDENTITY,
            "{"
                + V12
                + "\"Statement\":[{\"Sid\":\"A\","
                + allowAll
                + "},{\"Sid\":\"A\","
                + allowAll
                + "}]}",
            "Statement IDs (SID) in a single policy must be unique."),
        // Action
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Resource\":\"*\""),
            "Policy statement must contain actions."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\""),
            "Policy statement must contain actions."),
        Arguments.of(
            PolicyKind.TRUST,
            trust("\"Effect\":\"Allow\",\"Principal\":\"*\""),
            "Policy statement must contain actions."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"ListBuckets\",\"Resource\":\"*\""),
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(
                "\"Effect\":\"Allow\",\"Action\":\"codebuild:Start:Build\",\"Resource\":\"*\""),
            "Actions/Condition can contain only one colon."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"s 3:Get\",\"Resource\":\"*\""),
            "Vendor s 3 is not valid"),
        // Resource
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"s3:*\""),
            "Policy statement must contain resources."),
        Arguments.of(
            PolicyKind.SESSION,
            identity("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":[]"),
            "Policy statement must contain resources."),
        Arguments.of(
            PolicyKind.RESOURCE,
            identity("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\""),
            "Policy statement must contain resources."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(
                "\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\"sns-topic-name\""),
            "Resource sns-topic-name must be in ARN format or \"*\"."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\"\""),
            "Resource  must be in ARN format or \"*\"."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws\""),
            "Resource vendor must be fully qualified and cannot contain regexes."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s*:::b\""),
            "Resource vendor must be fully qualified and cannot contain regexes."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:amazon:s3:::b\""),
            "Partition \"amazon\" is not valid for resource \"arn:amazon:s3:::b\"."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(
                "\"Effect\":\"Allow\",\"Action\":\"iam:GetRole\",\"Resource\":\"arn:aws:iam:us-east-1:123456789012:role/x\""),
            "IAM resource arn:aws:iam:us-east-1:123456789012:role/x cannot contain region information."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(
                "\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam:123456789012:user/x\""),
            "IAM resource arn:aws:iam:123456789012:user/x cannot contain region information."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotResource\":\"bucket\""),
            "Resource bucket must be in ARN format or \"*\"."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(
                "\"Effect\":\"Allow\",\"Action\":\"iam:GetRole\",\"Resource\":\"arn:aws:iam::123456789012:rol/x\""),
            "IAM resource path must either be \"*\", root, or start with user/, federated-user/, role/, group/, "
                + "instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, "
                + "report/, access-report/."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(
                "\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:eu-west-1::b/*\""),
            "Resource arn:aws:s3:eu-west-1::b/* can not contain region information."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws-cn:s3\""),
            "Partition \"aws-cn\" is not valid for resource \"arn:aws-cn:s3:*:*:*\"."),
        // Legacy parser in 2012-10-17 policies
        Arguments.of(
            PolicyKind.IDENTITY,
            identity("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3::b\""),
            "The policy failed legacy parsing"),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(allowAll + ",\"Condition\":{\"DateEquals\":{\"aws:CurrentTime\":\"today\"}}"),
            "The policy failed legacy parsing"),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(
                allowAll
                    + ",\"Condition\":{\"DateEquals\":{\"aws:CurrentTime\":\"2026-02-30T25:00Z\"}}"),
            "The policy failed legacy parsing"),
        // Trust policy actions
        Arguments.of(
            PolicyKind.TRUST,
            trust("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\""),
            "AssumeRole policy may only specify STS AssumeRole actions."),
        Arguments.of(
            PolicyKind.TRUST,
            trust("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:Get*\""),
            "AssumeRole policy may only specify STS AssumeRole actions."),
        // Principal in identity-grammar policies
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(allowAll + ",\"Principal\":{\"AWS\":\"123456789012\"}"),
            "Policy document should not specify a principal."),
        Arguments.of(
            PolicyKind.PERMISSIONS_BOUNDARY,
            identity(allowAll + ",\"NotPrincipal\":\"*\""),
            "Policy document should not specify a principal."),
        Arguments.of(
            PolicyKind.SESSION,
            identity(allowAll + ",\"Principal\":\"*\""),
            "Policy document should not specify a principal."),
        // Trust policies
        Arguments.of(
            PolicyKind.TRUST,
            trust(trustOk + ",\"Resource\":\"*\""),
            "Has prohibited field Resource"),
        Arguments.of(
            PolicyKind.TRUST,
            trust(trustOk + ",\"NotResource\":\"*\""),
            "Has prohibited field NotResource"),
        Arguments.of(
            PolicyKind.TRUST,
            trust("\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\""),
            "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
                + "The passed in policy has a statement with no principals!"),
        Arguments.of(
            PolicyKind.TRUST,
            trust("\"Effect\":\"Allow\",\"Principal\":{},\"Action\":\"sts:AssumeRole\""),
            "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
                + "The passed in policy has a statement with no principals!"),
        Arguments.of(
            PolicyKind.RESOURCE,
            identity(allowAll),
            "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
                + "The passed in policy has a statement with no principals!"),
        Arguments.of(
            PolicyKind.TRUST,
            trust(
                "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::12345:role/x\"},\"Action\":\"sts:AssumeRole\""),
            "Invalid principal in policy: \"AWS\":\"arn:aws:iam::12345:role/x\""),
        Arguments.of(
            PolicyKind.TRUST,
            trust(
                "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:group/g\"},\"Action\":\"sts:AssumeRole\""),
            "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:group/g\""),
        Arguments.of(
            PolicyKind.RESOURCE,
            identity(
                "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/*\"},"
                    + "\"Action\":\"s3:*\",\"Resource\":\"*\""),
            "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:user/*\""),
        Arguments.of(
            PolicyKind.TRUST,
            trust(
                "\"Effect\":\"Allow\",\"Principal\":{\"User\":\"bob\"},\"Action\":\"sts:AssumeRole\""),
            "Invalid principal in policy: \"User\":\"bob\""),
        // Conditions
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(allowAll + ",\"Condition\":{\"StringEqual\":{\"aws:username\":\"a\"}}"),
            "Syntax errors in policy."),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(allowAll + ",\"Condition\":{\"NullIfExists\":{\"aws:username\":\"true\"}}"),
            "Syntax errors in policy."));
  }

  @ParameterizedTest(name = "[{index}] {0}: {2}")
  @MethodSource("failures")
  void rejectsWithAwsMessage(PolicyKind kind, String json, String message) {
    assertThatThrownBy(() -> PolicyValidator.parseAndValidate(json, kind))
        .isInstanceOfSatisfying(
            PolicyValidationException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.errorCode()).isEqualTo("MalformedPolicyDocument");
            });
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of(
            PolicyKind.IDENTITY,
            """
                        {"Version":"2012-10-17","Statement":[
                          {"Sid":"A","Effect":"Allow","Action":["iam:Get*","s3:List*"],"Resource":"*"},
                          {"Sid":"B","Effect":"Deny","NotAction":"*","NotResource":["arn:aws:s3:::b/${aws:username}/*"],
                           "Condition":{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":["a*"]},"Bool":{"aws:SecureTransport":false},
                           "NumericLessThan":{"s3:max-keys":10},"IpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]}}},
                          {"Effect":"Allow","Action":"ec2:*","Resource":"arn:aws:ec2:*:*:instance/*"},
                          {"Effect":"Allow","Action":"iam:*","Resource":["arn:aws:iam::*:role/*","arn:aws:iam::123456789012:user/${aws:username}"]},
                          {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3"}
                        ]}"""),
        Arguments.of(
            PolicyKind.IDENTITY,
            "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}"),
        Arguments.of(
            PolicyKind.IDENTITY,
            "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"),
        Arguments.of(
            PolicyKind.IDENTITY,
            identity(
                "\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"username\":\"a\"},\"DateLessThan\":{\"aws:CurrentTime\":"
                    + "[\"2026-12-06T08:00:00-05:00\",\"2026-12-06\",\"1765000000\"]}}")),
        Arguments.of(
            PolicyKind.TRUST,
            trust(
                "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                    + "\"Action\":[\"sts:AssumeRole*\",\"STS:TagSession\",\"sts:SetSourceIdentity\",\"sts:*\",\"*\"]")),
        Arguments.of(
            PolicyKind.MANAGED,
            identity(
                "\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":"
                    + "[\"arn:aws:iam::123456789012:root\",\"arn:aws:iam::*:*\",\"arn:aws:iam::aws:policy/*\",\"arn:aws:iam\"]")),
        Arguments.of(
            PolicyKind.TRUST,
            """
                        {"Version":"2012-10-17","Statement":[
                          {"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","lambda.amazonaws.com"]},"Action":"sts:AssumeRole"},
                          {"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::123456789012:root",
                            "arn:aws:iam::123456789012:user/path/alice","arn:aws:iam::123456789012:role/r",
                            "arn:aws:sts::123456789012:assumed-role/r/s","AROAEXAMPLEEXAMPLE1","*"]},
                           "Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"StringEquals":{"sts:ExternalId":"x"}}},
                          {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                           "Action":"sts:AssumeRoleWithWebIdentity"},
                          {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}
                        ]}"""),
        Arguments.of(
            PolicyKind.RESOURCE,
            """
                        {"Version":"2012-10-17","Statement":[
                          {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
                          {"Effect":"Allow","Principal":{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
                           "Action":"s3:*","Resource":"arn:aws:s3:::b"}
                        ]}"""),
        Arguments.of(
            PolicyKind.SESSION,
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"),
        Arguments.of(
            PolicyKind.PERMISSIONS_BOUNDARY,
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("accepted")
  void acceptsValidPolicies(PolicyKind kind, String json) throws Exception {
    PolicyDocument doc = PolicyValidator.parseAndValidate(json, kind);
    assertThat(doc.text()).isEqualTo(json);
  }

  @Test
  void principalExistenceHookRejectsUnknownEntities() {
    String json =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "[\"arn:aws:iam::123456789012:root\",\"arn:aws:iam::123456789012:role/Gone\"]},\"Action\":\"sts:AssumeRole\"}]}";
    ValidationOptions options = new ValidationOptions(arn -> !arn.endsWith("/Gone"));
    assertThatThrownBy(() -> PolicyValidator.parseAndValidate(json, PolicyKind.TRUST, options))
        .hasMessage("Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/Gone\"");
  }

  @Test
  void checksRunInDocumentedOrder() {
    // Duplicate Sid is reported before a missing action, and a missing action before a bad
    // resource.
    String json =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Resource\":\"bad\"},"
            + "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    assertThatThrownBy(() -> PolicyValidator.parseAndValidate(json, PolicyKind.IDENTITY))
        .hasMessage("Statement IDs (SID) in a single policy must be unique.");
    String json2 =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"bad\"},"
            + "{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}";
    assertThatThrownBy(() -> PolicyValidator.parseAndValidate(json2, PolicyKind.IDENTITY))
        .hasMessage("Policy statement must contain actions.");
  }

  @ParameterizedTest
  @EnumSource(PolicyKind.class)
  void identityGrammarKinds(PolicyKind kind) {
    boolean expected =
        kind == PolicyKind.IDENTITY
            || kind == PolicyKind.MANAGED
            || kind == PolicyKind.SESSION
            || kind == PolicyKind.PERMISSIONS_BOUNDARY;
    assertThat(kind.identityGrammar()).isEqualTo(expected);
  }
}
