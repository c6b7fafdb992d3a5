package io.iamlocal.policy.evaluation;

import static io.iamlocal.policy.evaluation.Fixtures.ACCOUNT;
import static io.iamlocal.policy.evaluation.Fixtures.ALICE;
import static io.iamlocal.policy.evaluation.Fixtures.BOB;
import static io.iamlocal.policy.evaluation.Fixtures.OTHER_ACCOUNT;
import static io.iamlocal.policy.evaluation.Fixtures.ROLE;
import static io.iamlocal.policy.evaluation.Fixtures.SESSION;
import static io.iamlocal.policy.evaluation.Fixtures.allow;
import static io.iamlocal.policy.evaluation.Fixtures.doc;
import static io.iamlocal.policy.evaluation.Fixtures.evaluate;
import static io.iamlocal.policy.evaluation.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resource-based and trust policies: principal matching and how they combine with the other policy
 * types.
 */
class ResourcePolicyEvaluationTest {

  private static final String OBJECT = "arn:aws:s3:::b/k";
  private static final CompiledPolicy NOTHING = allow("ec2:*", "*");

  private static CompiledPolicy bucketPolicy(String effect, String principalJson) {
    return policy(
        "bucket",
        PolicySourceType.RESOURCE,
        doc(
            "{\"Effect\":\""
                + effect
                + "\",\"Principal\":"
                + principalJson
                + ",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"));
  }

  private static EvaluationResult get(
      String caller, CompiledPolicy resource, CompiledPolicy... identity) {
    return evaluate(
        EvaluationInput.builder(RequestContext.of("s3:GetObject", OBJECT, caller))
            .identityPolicies(identity)
            .resourcePolicies(resource)
            .build());
  }

  @ParameterizedTest(name = "{0} granted to {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // caller | Principal element | decision without identity policies
        ALICE_ARN + "|{\"AWS\":\"" + ALICE_ARN + "\"}|ALLOWED",
        ALICE_ARN + "|{\"AWS\":\"" + BOB_ARN + "\"}|IMPLICIT_DENY",
        ALICE_ARN + "|{\"AWS\":\"123456789012\"}|IMPLICIT_DENY",
        ALICE_ARN + "|{\"AWS\":\"arn:aws:iam::123456789012:root\"}|IMPLICIT_DENY",
        ALICE_ARN + "|\"*\"|ALLOWED",
        ALICE_ARN + "|{\"AWS\":\"*\"}|ALLOWED",
        SESSION_ARN + "|{\"AWS\":\"" + ROLE_ARN + "\"}|ALLOWED",
        SESSION_ARN + "|{\"AWS\":\"arn:aws:iam::123456789012:role/AppRole\"}|ALLOWED",
        SESSION_ARN + "|{\"AWS\":\"arn:aws:iam::123456789012:role/OtherRole\"}|IMPLICIT_DENY",
        SESSION_ARN + "|{\"AWS\":\"" + SESSION_ARN + "\"}|ALLOWED",
        SESSION_ARN
            + "|{\"AWS\":\"arn:aws:sts::123456789012:assumed-role/AppRole/other\"}|IMPLICIT_DENY",
        "ec2.amazonaws.com|{\"Service\":\"ec2.amazonaws.com\"}|ALLOWED",
        "lambda.amazonaws.com|{\"Service\":\"ec2.amazonaws.com\"}|IMPLICIT_DENY",
        "79a59df9|{\"CanonicalUser\":\"79a59df9\"}|ALLOWED"
      })
  void principalMatching(String caller, String principal, Decision expected) {
    assertThat(get(caller, bucketPolicy("Allow", principal)).decision()).isEqualTo(expected);
  }

  // Constants usable in annotations.
  private static final String ALICE_ARN = "arn:aws:iam::123456789012:user/alice";
  private static final String BOB_ARN = "arn:aws:iam::123456789012:user/bob";
  private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/app/AppRole";
  private static final String SESSION_ARN = "arn:aws:sts::123456789012:assumed-role/AppRole/s1";

  @Test
  void accountPrincipalDelegatesToIdentityPolicies() {
    CompiledPolicy toAccount = bucketPolicy("Allow", "{\"AWS\":\"" + ACCOUNT + "\"}");
    assertThat(get(ALICE, toAccount).denyReason()).isEqualTo(DenyReason.IDENTITY_POLICY);
    assertThat(get(ALICE, toAccount, allow("s3:GetObject", "*")).decision())
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void resourceGrantToUserArnIsNotLimitedByBoundary() {
    CompiledPolicy toAlice = bucketPolicy("Allow", "{\"AWS\":\"" + ALICE + "\"}");
    EvaluationResult r =
        evaluate(
            EvaluationInput.builder(RequestContext.of("s3:GetObject", OBJECT, ALICE))
                .resourcePolicies(toAlice)
                .permissionsBoundary(NOTHING)
                .build());
    assertThat(r.decision()).isEqualTo(Decision.ALLOWED);
    assertThat(r.permissionsBoundaryDecision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(r.matchedStatements())
        .containsExactly(new MatchedStatement("bucket", PolicySourceType.RESOURCE, 1, 39, 1, 169));
  }

  @Test
  void resourceGrantToRoleArnIsLimitedByBoundaryAndSessionPolicies() {
    CompiledPolicy toRole = bucketPolicy("Allow", "{\"AWS\":\"" + ROLE + "\"}");
    RequestContext request = RequestContext.of("s3:GetObject", OBJECT, SESSION);
    EvaluationResult bounded =
        evaluate(
            EvaluationInput.builder(request)
                .resourcePolicies(toRole)
                .permissionsBoundary(NOTHING)
                .build());
    assertThat(bounded.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(bounded.denyReason()).isEqualTo(DenyReason.PERMISSIONS_BOUNDARY);
    EvaluationResult sessionLimited =
        evaluate(
            EvaluationInput.builder(request)
                .resourcePolicies(toRole)
                .sessionPolicies(NOTHING)
                .build());
    assertThat(sessionLimited.denyReason()).isEqualTo(DenyReason.SESSION_POLICY);
  }

  @Test
  void resourceGrantToSessionArnIsNotLimitedByBoundaryOrSessionPolicies() {
    CompiledPolicy toSession = bucketPolicy("Allow", "{\"AWS\":\"" + SESSION + "\"}");
    EvaluationResult r =
        evaluate(
            EvaluationInput.builder(RequestContext.of("s3:GetObject", OBJECT, SESSION))
                .resourcePolicies(toSession)
                .permissionsBoundary(NOTHING)
                .sessionPolicies(NOTHING)
                .build());
    assertThat(r.decision()).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void wildcardPrincipalIsLimitedByBoundary() {
    EvaluationResult r =
        evaluate(
            EvaluationInput.builder(RequestContext.of("s3:GetObject", OBJECT, ALICE))
                .resourcePolicies(bucketPolicy("Allow", "\"*\""))
                .permissionsBoundary(NOTHING)
                .build());
    assertThat(r.denyReason()).isEqualTo(DenyReason.PERMISSIONS_BOUNDARY);
    EvaluationResult anonymous = get(null, bucketPolicy("Allow", "\"*\""));
    assertThat(anonymous.decision()).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void explicitDenyInResourcePolicy() {
    EvaluationResult r =
        get(ALICE, bucketPolicy("Deny", "{\"AWS\":\"" + ACCOUNT + "\"}"), allow("s3:*", "*"));
    assertThat(r.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(r.denyReason()).isEqualTo(DenyReason.RESOURCE_POLICY);
    EvaluationResult other =
        get(ALICE, bucketPolicy("Deny", "{\"AWS\":\"" + BOB + "\"}"), allow("s3:*", "*"));
    assertThat(other.decision()).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void notPrincipalDenyMustNameEveryIdentityInTheChain() {
    CompiledPolicy allowAll = allow("s3:*", "*");
    CompiledPolicy userOnly =
        policy(
            "bucket",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\""
                    + ALICE
                    + "\"]},\"Action\":\"s3:*\",\"Resource\":\"*\"}"));
    CompiledPolicy userAndAccount =
        policy(
            "bucket",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\""
                    + ALICE
                    + "\",\"arn:aws:iam::123456789012:root\"]},"
                    + "\"Action\":\"s3:*\",\"Resource\":\"*\"}"));
    // Only the user ARN listed: the account in Alice's chain is not excluded, so the deny applies.
    assertThat(get(ALICE, userOnly, allowAll).decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(get(ALICE, userAndAccount, allowAll).decision()).isEqualTo(Decision.ALLOWED);
    assertThat(get(BOB, userAndAccount, allowAll).decision()).isEqualTo(Decision.EXPLICIT_DENY);

    CompiledPolicy sessionRoleAccount =
        policy(
            "bucket",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\""
                    + SESSION
                    + "\",\""
                    + ROLE
                    + "\",\""
                    + ACCOUNT
                    + "\"]},"
                    + "\"Action\":\"s3:*\",\"Resource\":\"*\"}"));
    CompiledPolicy sessionAccount =
        policy(
            "bucket",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\""
                    + SESSION
                    + "\",\""
                    + ACCOUNT
                    + "\"]},"
                    + "\"Action\":\"s3:*\",\"Resource\":\"*\"}"));
    assertThat(get(SESSION, sessionRoleAccount, allowAll).decision()).isEqualTo(Decision.ALLOWED);
    assertThat(get(SESSION, sessionAccount, allowAll).decision()).isEqualTo(Decision.EXPLICIT_DENY);
  }

  /**
   * "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a
   * permissions boundary policy attached, regardless of the values specified in the NotPrincipal
   * element." (NotPrincipal page)
   */
  @Test
  void notPrincipalDenyAlwaysDeniesAPrincipalWithABoundary() {
    CompiledPolicy allowAll = allow("s3:*", "*");
    CompiledPolicy exceptAlice =
        policy(
            "bucket",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\""
                    + ALICE
                    + "\",\""
                    + ACCOUNT
                    + "\"]},"
                    + "\"Action\":\"s3:*\",\"Resource\":\"*\"}"));
    EvaluationInput.Builder base =
        EvaluationInput.builder(RequestContext.of("s3:GetObject", OBJECT, ALICE))
            .identityPolicies(allowAll)
            .resourcePolicies(exceptAlice);
    assertThat(evaluate(base.build()).decision()).isEqualTo(Decision.ALLOWED);
    EvaluationResult bounded = evaluate(base.permissionsBoundary(allow("s3:*", "*")).build());
    assertThat(bounded.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(bounded.denyReason()).isEqualTo(DenyReason.RESOURCE_POLICY);
  }

  @Test
  void notPrincipalWithAllowGrantsEveryoneElse() {
    CompiledPolicy p =
        policy(
            "bucket",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\""
                    + BOB
                    + "\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}"));
    assertThat(get(ALICE, p).decision()).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void trustPolicyMustAllow() {
    CompiledPolicy trustAccount =
        policy(
            "trust",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}"));
    CompiledPolicy trustAlice =
        policy(
            "trust",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                    + ALICE
                    + "\"},\"Action\":\"sts:AssumeRole\"}"));
    CompiledPolicy trustEc2 =
        policy(
            "trust",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}"));
    CompiledPolicy canAssume = allow("sts:AssumeRole", ROLE);
    RequestContext assume = RequestContext.of("sts:AssumeRole", ROLE, ALICE);

    assertThat(assumeRole(assume, trustAccount, canAssume).decision()).isEqualTo(Decision.ALLOWED);
    EvaluationResult noIdentity = assumeRole(assume, trustAccount);
    assertThat(noIdentity.denyReason()).isEqualTo(DenyReason.IDENTITY_POLICY);
    assertThat(assumeRole(assume, trustAlice).decision()).isEqualTo(Decision.ALLOWED);
    EvaluationResult notTrusted = assumeRole(assume, trustEc2, canAssume);
    assertThat(notTrusted.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(notTrusted.denyReason()).isEqualTo(DenyReason.RESOURCE_POLICY);
    assertThat(
            assumeRole(RequestContext.of("sts:AssumeRole", ROLE, "ec2.amazonaws.com"), trustEc2)
                .decision())
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void webIdentityTrustMatchesTheFederatedProviderAndItsConditions() {
    String provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    CompiledPolicy trust =
        policy(
            "trust",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Allow\",\"Principal\":{"
                    + "\"Federated\":\""
                    + provider
                    + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{"
                    + "\"StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"},"
                    + "\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:org/*\"}}}"));
    RequestContext request =
        RequestContext.of("sts:AssumeRoleWithWebIdentity", ROLE, provider)
            .withContextKey("token.actions.githubusercontent.com:aud", "sts.amazonaws.com")
            .withContextKey(
                "token.actions.githubusercontent.com:sub", "repo:org/app:ref:refs/heads/main");
    assertThat(assumeRole(request, trust).decision()).isEqualTo(Decision.ALLOWED);
    RequestContext otherRepo =
        request.withContextKey("token.actions.githubusercontent.com:sub", "repo:evil/app");
    assertThat(assumeRole(otherRepo, trust).decision()).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void crossAccountNeedsBothSides() {
    String foreignRole = "arn:aws:iam::999988887777:role/Shared";
    CompiledPolicy trustsAliceAccount =
        policy(
            "trust",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                    + ACCOUNT
                    + "\"},\"Action\":\"sts:AssumeRole\"}"));
    CompiledPolicy trustsAlice =
        policy(
            "trust",
            PolicySourceType.RESOURCE,
            doc(
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                    + ALICE
                    + "\"},\"Action\":\"sts:AssumeRole\"}"));
    CompiledPolicy canAssume = allow("sts:AssumeRole", "*");
    RequestContext r = RequestContext.of("sts:AssumeRole", foreignRole, ALICE);
    EvaluationInput.Builder base =
        EvaluationInput.builder(r).resourcePolicyRequired().resourceAccount(OTHER_ACCOUNT);

    assertThat(
            evaluate(base.resourcePolicies(trustsAliceAccount).identityPolicies(canAssume).build())
                .decision())
        .isEqualTo(Decision.ALLOWED);
    EvaluationResult directButNoIdentity =
        evaluate(
            EvaluationInput.builder(r)
                .resourcePolicyRequired()
                .resourceAccount(OTHER_ACCOUNT)
                .resourcePolicies(trustsAlice)
                .build());
    assertThat(directButNoIdentity.denyReason()).isEqualTo(DenyReason.IDENTITY_POLICY);
    EvaluationResult noTrust =
        evaluate(
            EvaluationInput.builder(r)
                .resourceAccount(OTHER_ACCOUNT)
                .identityPolicies(canAssume)
                .build());
    assertThat(noTrust.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(noTrust.denyReason()).isEqualTo(DenyReason.RESOURCE_POLICY);
  }

  private static EvaluationResult assumeRole(
      RequestContext request, CompiledPolicy trust, CompiledPolicy... identity) {
    return evaluate(
        EvaluationInput.builder(request)
            .identityPolicies(identity)
            .resourcePolicies(trust)
            .resourcePolicyRequired()
            .build());
  }
}
