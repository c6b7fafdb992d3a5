package io.iamlocal.policy.evaluation;

import static io.iamlocal.policy.evaluation.Fixtures.ALICE;
import static io.iamlocal.policy.evaluation.Fixtures.FEDERATED;
import static io.iamlocal.policy.evaluation.Fixtures.ROOT;
import static io.iamlocal.policy.evaluation.Fixtures.SESSION;
import static io.iamlocal.policy.evaluation.Fixtures.allow;
import static io.iamlocal.policy.evaluation.Fixtures.doc;
import static io.iamlocal.policy.evaluation.Fixtures.evaluate;
import static io.iamlocal.policy.evaluation.Fixtures.policy;
import static io.iamlocal.policy.evaluation.Fixtures.stmt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

  private static final RequestContext GET =
      RequestContext.of("s3:GetObject", "arn:aws:s3:::b/k", ALICE);
  private static final CompiledPolicy ALLOW_S3 = allow("s3:*", "*");
  private static final CompiledPolicy ALLOW_EC2_ONLY = allow("ec2:*", "*");

  @Test
  void nothingAllowsMeansImplicitDenyByIdentityPolicies() {
    EvaluationResult r = evaluate(EvaluationInput.builder(GET).build());
    assertThat(r)
        .isEqualTo(
            new EvaluationResult(
                Decision.IMPLICIT_DENY, List.of(), List.of(), null, DenyReason.IDENTITY_POLICY));
  }

  @Test
  void explicitDenyInAnyPolicyWinsOverAllows() {
    CompiledPolicy deny =
        policy("deny-s3", PolicySourceType.GROUP, doc(stmt("Deny", "s3:Get*", "*")));
    EvaluationResult r = evaluate(EvaluationInput.identityOnly(GET, List.of(ALLOW_S3, deny)));
    assertThat(r.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(r.denyReason()).isEqualTo(DenyReason.IDENTITY_POLICY);
    assertThat(r.matchedStatements())
        .containsExactly(new MatchedStatement("deny-s3", PolicySourceType.GROUP, 1, 39, 1, 89));
  }

  @Test
  void allowedReportsEveryApplicableAllowStatementWithItsPosition() {
    String json =
        """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},
                    {"Sid": "Ec2", "Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
                    {
                      "Sid": "All",
                      "Effect": "Allow",
                      "Action": "*",
                      "Resource": "arn:aws:s3:::b/*"
                    }
                  ]
                }""";
    CompiledPolicy managed =
        policy("arn:aws:iam::123456789012:policy/Read", PolicySourceType.USER_MANAGED, json);
    CompiledPolicy inline =
        policy("alice/Inline", PolicySourceType.USER, doc(stmt("Allow", "s3:GetObject", "*")));
    EvaluationResult r = evaluate(EvaluationInput.identityOnly(GET, List.of(managed, inline)));
    assertThat(r.decision()).isEqualTo(Decision.ALLOWED);
    assertThat(r.denyReason()).isNull();
    assertThat(r.matchedStatements())
        .containsExactly(
            new MatchedStatement(
                "arn:aws:iam::123456789012:policy/Read",
                PolicySourceType.USER_MANAGED,
                4,
                6,
                4,
                77),
            new MatchedStatement(
                "arn:aws:iam::123456789012:policy/Read",
                PolicySourceType.USER_MANAGED,
                6,
                6,
                11,
                6),
            new MatchedStatement("alice/Inline", PolicySourceType.USER, 1, 39, 1, 95));
  }

  @Test
  void implicitDenyReportsNoStatements() {
    EvaluationResult r = evaluate(EvaluationInput.identityOnly(GET, List.of(ALLOW_EC2_ONLY)));
    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.matchedStatements()).isEmpty();
  }

  @Test
  void missingContextValuesComeFromApplicableStatementsOnly() {
    CompiledPolicy p =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\",\"s3:ExistingObjectTag/x\":\"y\"},"
                    + "\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}",
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringEquals\":{\"AWS:PRINCIPALTAG/TEAM\":\"red\",\"aws:SourceVpc\":\"vpc-1\"}}}",
                "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringEquals\":{\"ec2:Region\":\"x\"}}}"));
    EvaluationResult r =
        evaluate(
            EvaluationInput.identityOnly(
                GET.withContextKey("s3:ExistingObjectTag/x", "y"), List.of(p)));
    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.missingContextValues())
        .containsExactly("aws:PrincipalTag/team", "aws:MultiFactorAuthPresent", "aws:SourceVpc");
  }

  @Test
  void permissionsBoundaryThatAllowsNothingDeniesImplicitly() {
    CompiledPolicy boundary =
        policy("boundary", PolicySourceType.PERMISSIONS_BOUNDARY, doc(stmt("Allow", "ec2:*", "*")));
    EvaluationResult r =
        evaluate(
            EvaluationInput.builder(GET)
                .identityPolicies(ALLOW_S3)
                .permissionsBoundary(boundary)
                .build());
    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.denyReason()).isEqualTo(DenyReason.PERMISSIONS_BOUNDARY);
    assertThat(r.permissionsBoundaryDecision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.matchedStatements()).isEmpty();
  }

  @Test
  void boundaryWithNoStatementsAllowsNothing() {
    CompiledPolicy empty = policy("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    EvaluationResult r =
        evaluate(
            EvaluationInput.builder(GET)
                .identityPolicies(ALLOW_S3)
                .permissionsBoundary(empty)
                .build());
    assertThat(r.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.denyReason()).isEqualTo(DenyReason.PERMISSIONS_BOUNDARY);
  }

  @Test
  void boundaryIntersectsButNeverGrants() {
    CompiledPolicy boundary = allow("s3:*", "*");
    EvaluationResult allowed =
        evaluate(
            EvaluationInput.builder(GET)
                .identityPolicies(ALLOW_S3)
                .permissionsBoundary(boundary)
                .build());
    assertThat(allowed.decision()).isEqualTo(Decision.ALLOWED);
    assertThat(allowed.permissionsBoundaryDecision()).isEqualTo(Decision.ALLOWED);
    assertThat(allowed.matchedStatements()).hasSize(1);

    EvaluationResult noIdentity =
        evaluate(EvaluationInput.builder(GET).permissionsBoundary(boundary).build());
    assertThat(noIdentity.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(noIdentity.denyReason()).isEqualTo(DenyReason.IDENTITY_POLICY);
    assertThat(noIdentity.permissionsBoundaryDecision()).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void explicitDenyInBoundaryOrSessionPolicy() {
    CompiledPolicy deny = policy(doc(stmt("Allow", "*", "*"), stmt("Deny", "s3:GetObject", "*")));
    EvaluationResult b =
        evaluate(
            EvaluationInput.builder(GET)
                .identityPolicies(ALLOW_S3)
                .permissionsBoundary(deny)
                .build());
    assertThat(b.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(b.denyReason()).isEqualTo(DenyReason.PERMISSIONS_BOUNDARY);
    assertThat(b.permissionsBoundaryDecision()).isEqualTo(Decision.EXPLICIT_DENY);

    RequestContext asSession = RequestContext.of("s3:GetObject", "*", SESSION);
    EvaluationResult s =
        evaluate(
            EvaluationInput.builder(asSession)
                .identityPolicies(ALLOW_S3)
                .sessionPolicies(deny)
                .build());
    assertThat(s.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(s.denyReason()).isEqualTo(DenyReason.SESSION_POLICY);
    assertThat(s.permissionsBoundaryDecision()).isNull();
  }

  @Test
  void sessionPoliciesIntersectWithIdentityPolicies() {
    RequestContext asSession = RequestContext.of("s3:GetObject", "*", SESSION);
    EvaluationResult denied =
        evaluate(
            EvaluationInput.builder(asSession)
                .identityPolicies(ALLOW_S3)
                .sessionPolicies(ALLOW_EC2_ONLY)
                .build());
    assertThat(denied.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(denied.denyReason()).isEqualTo(DenyReason.SESSION_POLICY);
    EvaluationResult allowed =
        evaluate(
            EvaluationInput.builder(asSession)
                .identityPolicies(ALLOW_S3)
                .sessionPolicies(ALLOW_EC2_ONLY, allow("s3:Get*", "*"))
                .build());
    assertThat(allowed.decision()).isEqualTo(Decision.ALLOWED);
    EvaluationResult sessionAlone =
        evaluate(EvaluationInput.builder(asSession).sessionPolicies(ALLOW_S3).build());
    assertThat(sessionAlone.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(sessionAlone.denyReason()).isEqualTo(DenyReason.IDENTITY_POLICY);
    EvaluationResult noSessionPolicy =
        evaluate(EvaluationInput.builder(asSession).identityPolicies(ALLOW_S3).build());
    assertThat(noSessionPolicy.decision()).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void federatedUserSessionNeedsASessionPolicy() {
    RequestContext asFed = RequestContext.of("s3:GetObject", "*", FEDERATED);
    EvaluationResult none =
        evaluate(EvaluationInput.builder(asFed).identityPolicies(ALLOW_S3).build());
    assertThat(none.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(none.denyReason()).isEqualTo(DenyReason.SESSION_POLICY);
    EvaluationResult with =
        evaluate(
            EvaluationInput.builder(asFed)
                .identityPolicies(ALLOW_S3)
                .sessionPolicies(ALLOW_S3)
                .build());
    assertThat(with.decision()).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void rootUserNeedsNoIdentityPolicyButExplicitDenyStillApplies() {
    RequestContext asRoot = RequestContext.of("iam:CreateUser", "*", ROOT);
    assertThat(evaluate(EvaluationInput.builder(asRoot).build()).decision())
        .isEqualTo(Decision.ALLOWED);
    CompiledPolicy resourceDeny =
        policy(
            "bucket",
            PolicySourceType.RESOURCE,
            doc("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}"));
    EvaluationResult r =
        evaluate(EvaluationInput.builder(asRoot).resourcePolicies(resourceDeny).build());
    assertThat(r.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(r.denyReason()).isEqualTo(DenyReason.RESOURCE_POLICY);
    assertThat(r.matchedStatements())
        .containsExactly(new MatchedStatement("bucket", PolicySourceType.RESOURCE, 1, 39, 1, 99));
  }

  @Test
  void decideAndEvaluateAgreeOnEveryRule() {
    CompiledPolicy deny = allow("s3:*", "*");
    for (EvaluationInput in :
        List.of(
            EvaluationInput.identityOnly(GET, List.of(deny)),
            EvaluationInput.identityOnly(GET, List.of()),
            EvaluationInput.builder(GET)
                .identityPolicies(ALLOW_S3)
                .permissionsBoundary(ALLOW_EC2_ONLY)
                .build())) {
      assertThat(PolicyEvaluator.decide(in)).isEqualTo(PolicyEvaluator.evaluate(in).decision());
    }
  }

  @Test
  void serviceIndexKeepsDocumentOrderAcrossWildcardAndServiceStatements() {
    CompiledPolicy p =
        policy(
            "mixed",
            PolicySourceType.ROLE,
            doc(
                stmt("Allow", "*", "*"),
                stmt("Allow", "ec2:*", "*"),
                stmt("Allow", "s3:Get*", "*"),
                stmt("Allow", "*:GetObject", "*"),
                "{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}",
                stmt("Allow", "S3:GETOBJECT", "*")));
    EvaluationResult r = evaluate(EvaluationInput.identityOnly(GET, List.of(p)));
    assertThat(r.matchedStatements())
        .extracting(MatchedStatement::startColumn)
        .containsExactly(39, 137, 190, 247, 301);
  }

  @Test
  void decisionNamesAreTheSimulatorValues() {
    assertThat(Decision.ALLOWED.awsName()).isEqualTo("allowed");
    assertThat(Decision.EXPLICIT_DENY.awsName()).isEqualTo("explicitDeny");
    assertThat(Decision.IMPLICIT_DENY.awsName()).isEqualTo("implicitDeny");
    assertThat(PolicySourceType.AWS_MANAGED.awsName()).isEqualTo("aws-managed");
    assertThat(PolicySourceType.USER_MANAGED.awsName()).isEqualTo("user-managed");
    assertThat(PolicySourceType.RESOURCE.awsName()).isEqualTo("resource");
    assertThat(PolicySourceType.GROUP.awsName()).isEqualTo("group");
    assertThat(PolicySourceType.PERMISSIONS_BOUNDARY.awsName()).isEqualTo("none");
  }
}
