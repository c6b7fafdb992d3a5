package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.allowAllDeny;
import static io.iamlocal.it.StsTestSupport.expect;
import static io.iamlocal.it.StsTestSupport.policy;
import static io.iamlocal.it.StsTestSupport.session;
import static io.iamlocal.it.StsTestSupport.trust;
import static io.iamlocal.it.StsTestSupport.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AccessDenied texts for every way a policy can refuse: no identity policy allows, an explicit
 * deny, the permissions boundary, the session policy, for users and role sessions.
 */
class AccessDeniedMessagesIT extends WireTest {
  private static final String LIST_USERS = "iam:ListUsers";
  private static final String RESOURCE = "arn:aws:iam::123456789012:user/";
  private static final String SESSION_ARN = "arn:aws:sts::123456789012:assumed-role/dana-role/s1";

  /**
   * @param caller "user" (dana's own key) or "role" (a session of dana-role, assumed by dana)
   * @param identity the user's or role's inline policy, or null
   * @param boundary the permissions boundary document, or null
   * @param sessionPolicy the AssumeRole session policy, or null
   * @param expected the message after "is not authorized to perform: iam:ListUsers on resource:
   *     arn:aws:iam::123456789012:user/ "
   */
  static Stream<Arguments> denials() {
    String iamAll = policy("iam:*", "*");
    return Stream.of(
        Arguments.of(
            "user",
            null,
            null,
            null,
            "because no identity-based policy allows the iam:ListUsers action"),
        Arguments.of(
            "user",
            policy("iam:GetUser", "*"),
            null,
            null,
            "because no identity-based policy allows the iam:ListUsers action"),
        Arguments.of(
            "user",
            allowAllDeny(LIST_USERS),
            null,
            null,
            "with an explicit deny in an identity-based policy"),
        Arguments.of(
            "user",
            iamAll,
            policy("s3:*", "*"),
            null,
            "because no permissions boundary allows the iam:ListUsers action"),
        Arguments.of(
            "user",
            iamAll,
            allowAllDeny(LIST_USERS),
            null,
            "with an explicit deny in a permissions boundary"),
        Arguments.of(
            "user",
            null,
            policy("iam:*", "*"),
            null,
            "because no identity-based policy allows the iam:ListUsers action"),
        Arguments.of(
            "role",
            null,
            null,
            null,
            "because no identity-based policy allows the iam:ListUsers action"),
        Arguments.of(
            "role",
            allowAllDeny(LIST_USERS),
            null,
            null,
            "with an explicit deny in an identity-based policy"),
        Arguments.of(
            "role",
            iamAll,
            policy("s3:*", "*"),
            null,
            "because no permissions boundary allows the iam:ListUsers action"),
        Arguments.of(
            "role",
            iamAll,
            null,
            policy("s3:*", "*"),
            "because no session policy allows the iam:ListUsers action"),
        Arguments.of(
            "role",
            iamAll,
            null,
            allowAllDeny(LIST_USERS),
            "with an explicit deny in a session policy"));
  }

  @ParameterizedTest(name = "{0} identity={1} boundary={2} session={3}")
  @MethodSource("denials")
  void denial(
      String caller, String identity, String boundary, String sessionPolicy, String expected) {
    AccessKey dana = userWithKey("dana");
    String boundaryArn =
        boundary == null
            ? null
            : iam.createPolicy(r -> r.policyName("boundary").policyDocument(boundary))
                .policy()
                .arn();
    AwsCredentials credentials;
    String principal;
    if (caller.equals("user")) {
      if (identity != null) {
        iam.putUserPolicy(r -> r.userName("dana").policyName("identity").policyDocument(identity));
      }
      if (boundaryArn != null) {
        iam.putUserPermissionsBoundary(r -> r.userName("dana").permissionsBoundary(boundaryArn));
      }
      credentials = credentialsOf(dana);
      principal = userArn("dana");
    } else {
      iam.createRole(r -> r.roleName("dana-role").assumeRolePolicyDocument(trust(userArn("dana"))));
      if (identity != null) {
        iam.putRolePolicy(
            r -> r.roleName("dana-role").policyName("identity").policyDocument(identity));
      }
      if (boundaryArn != null) {
        iam.putRolePermissionsBoundary(
            r -> r.roleName("dana-role").permissionsBoundary(boundaryArn));
      }
      try (StsClient asDana = Clients.sts(endpoint(), credentialsOf(dana))) {
        credentials =
            session(
                asDana
                    .assumeRole(
                        r ->
                            r.roleArn(StsTestSupport.roleArn("dana-role"))
                                .roleSessionName("s1")
                                .policy(sessionPolicy))
                    .credentials());
      }
      principal = SESSION_ARN;
    }
    try (IamClient client = Clients.iam(endpoint(), credentials)) {
      expect(
          client::listUsers,
          "AccessDenied",
          403,
          "User: "
              + principal
              + " is not authorized to perform: "
              + LIST_USERS
              + " on resource: "
              + RESOURCE
              + " "
              + expected);
    }
  }

  @Test
  void groupPoliciesCountAsIdentityPolicies() {
    AccessKey erin = userWithKey("erin");
    iam.createGroup(r -> r.groupName("readers"));
    iam.addUserToGroup(r -> r.groupName("readers").userName("erin"));
    iam.putGroupPolicy(
        r -> r.groupName("readers").policyName("read").policyDocument(policy("iam:List*", "*")));
    try (IamClient asErin = Clients.iam(endpoint(), credentialsOf(erin))) {
      assertThat(asErin.listUsers().users()).hasSize(1);
      iam.putGroupPolicy(
          r ->
              r.groupName("readers")
                  .policyName("deny")
                  .policyDocument(allowAllDeny("iam:ListRoles")));
      expect(
          asErin::listRoles,
          "AccessDenied",
          403,
          "User: "
              + userArn("erin")
              + " is not authorized to perform: iam:ListRoles"
              + " on resource: arn:aws:iam::123456789012:role/ with an explicit deny in an identity-based policy");
    }
  }

  @Test
  void resourcesAreTheArnsAwsNames() {
    AccessKey frank = userWithKey("frank");
    try (IamClient asFrank = Clients.iam(endpoint(), credentialsOf(frank))) {
      expect(
          () -> asFrank.createUser(r -> r.userName("bob").path("/eng/")),
          "AccessDenied",
          403,
          "User: "
              + userArn("frank")
              + " is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/eng/bob"
              + " because no identity-based policy allows the iam:CreateUser action");
      expect(
          asFrank::listPolicies,
          "AccessDenied",
          403,
          "User: "
              + userArn("frank")
              + " is not authorized to perform: iam:ListPolicies"
              + " on resource: policy path / because no identity-based policy allows the iam:ListPolicies action");
      expect(
          asFrank::getAccountSummary,
          "AccessDenied",
          403,
          "User: "
              + userArn("frank")
              + " is not authorized to perform:"
              + " iam:GetAccountSummary on resource: * because no identity-based policy allows the iam:GetAccountSummary action");
      expect(
          asFrank::getUser,
          "AccessDenied",
          403,
          "User: "
              + userArn("frank")
              + " is not authorized to perform: iam:GetUser"
              + " on resource: "
              + userArn("frank")
              + " because no identity-based policy allows the iam:GetUser action");
    }
  }

  @Test
  void policyVariablesAndResourceScopingWork() {
    AccessKey gina = userWithKey("gina");
    iam.putUserPolicy(
        r ->
            r.userName("gina")
                .policyName("self")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:GetUser\",\"iam:*AccessKey*\"],"
                        + "\"Resource\":\"arn:aws:iam::123456789012:user/${aws:username}\"}]}"));
    userWithKey("other");
    try (IamClient asGina = Clients.iam(endpoint(), credentialsOf(gina))) {
      assertThat(asGina.getUser().user().userName()).isEqualTo("gina");
      assertThat(asGina.listAccessKeys().accessKeyMetadata()).hasSize(1);
      expect(() -> asGina.listAccessKeys(r -> r.userName("other")), "AccessDenied", 403, null);
    }
  }

  @Test
  void taggingAtCreationAlsoNeedsTheTagAction() {
    AccessKey hank = userWithKey("hank");
    allow("hank", "iam:CreateUser");
    try (IamClient asHank = Clients.iam(endpoint(), credentialsOf(hank))) {
      asHank.createUser(r -> r.userName("plain"));
      expect(
          () -> asHank.createUser(r -> r.userName("tagged").tags(t -> t.key("team").value("red"))),
          "AccessDenied",
          403,
          "User: "
              + userArn("hank")
              + " is not authorized to perform: iam:TagUser on resource: arn:aws:iam::123456789012:user/tagged"
              + " because no identity-based policy allows the iam:TagUser action");
    }
  }
}
