package io.iamlocal.it;

import static io.iamlocal.it.PolicyFixtures.EC2_DESCRIBE;
import static io.iamlocal.it.PolicyFixtures.S3_READ;
import static io.iamlocal.it.PolicyFixtures.TRUST_EC2;
import static io.iamlocal.it.PolicyFixtures.awsError;
import static io.iamlocal.it.PolicyFixtures.decode;
import static io.iamlocal.it.PolicyFixtures.documentWithStatements;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;

class InlinePoliciesIT extends WireTest {

  @Test
  void userPoliciesArePutReadListedReplacedAndDeleted() {
    iam.createUser(r -> r.userName("alice"));
    String pretty =
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}\n}";
    iam.putUserPolicy(r -> r.userName("alice").policyName("s3").policyDocument(pretty));
    iam.putUserPolicy(r -> r.userName("alice").policyName("ec2").policyDocument(EC2_DESCRIBE));

    GetUserPolicyResponse got = iam.getUserPolicy(r -> r.userName("ALICE").policyName("s3"));
    assertThat(got.userName()).isEqualTo("alice");
    assertThat(got.policyName()).isEqualTo("s3");
    assertThat(got.policyDocument()).startsWith("%7B%0A%20%20%22Version%22").contains("s3%3A%2A");
    assertThat(decode(got.policyDocument())).isEqualTo(pretty);
    assertThat(iam.listUserPolicies(r -> r.userName("alice")).policyNames())
        .containsExactly("ec2", "s3");

    iam.putUserPolicy(r -> r.userName("alice").policyName("s3").policyDocument(S3_READ));
    assertThat(
            decode(iam.getUserPolicy(r -> r.userName("alice").policyName("s3")).policyDocument()))
        .isEqualTo(S3_READ);

    iam.deleteUserPolicy(r -> r.userName("alice").policyName("ec2"));
    assertThat(iam.listUserPolicies(r -> r.userName("alice")).policyNames()).containsExactly("s3");
    awsError(
        () -> iam.getUserPolicy(r -> r.userName("alice").policyName("ec2")),
        "NoSuchEntity",
        404,
        "The user policy with name ec2 cannot be found.");
    awsError(
        () -> iam.deleteUserPolicy(r -> r.userName("alice").policyName("ec2")),
        "NoSuchEntity",
        404,
        "The user policy with name ec2 cannot be found.");
  }

  @Test
  void inlinePolicyNamesAreCaseSensitive() {
    iam.createUser(r -> r.userName("alice"));
    iam.putUserPolicy(r -> r.userName("alice").policyName("Policy").policyDocument(S3_READ));
    iam.putUserPolicy(r -> r.userName("alice").policyName("policy").policyDocument(EC2_DESCRIBE));
    assertThat(iam.listUserPolicies(r -> r.userName("alice")).policyNames())
        .containsExactly("Policy", "policy");
  }

  @Test
  void groupPolicies() {
    iam.createGroup(r -> r.groupName("devs"));
    iam.putGroupPolicy(r -> r.groupName("devs").policyName("s3").policyDocument(S3_READ));
    GetGroupPolicyResponse got = iam.getGroupPolicy(r -> r.groupName("devs").policyName("s3"));
    assertThat(got.groupName()).isEqualTo("devs");
    assertThat(decode(got.policyDocument())).isEqualTo(S3_READ);
    assertThat(iam.listGroupPolicies(r -> r.groupName("devs")).policyNames()).containsExactly("s3");
    awsError(
        () -> iam.getGroupPolicy(r -> r.groupName("devs").policyName("nope")),
        "NoSuchEntity",
        404,
        "The group policy with name nope cannot be found.");
    iam.deleteGroupPolicy(r -> r.groupName("devs").policyName("s3"));
    assertThat(iam.listGroupPolicies(r -> r.groupName("devs")).policyNames()).isEmpty();
    awsError(
        () ->
            iam.putGroupPolicy(r -> r.groupName("ghosts").policyName("s3").policyDocument(S3_READ)),
        "NoSuchEntity",
        404,
        "The group with name ghosts cannot be found.");
  }

  @Test
  void rolePolicies() {
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    iam.putRolePolicy(r -> r.roleName("app").policyName("s3").policyDocument(S3_READ));
    GetRolePolicyResponse got = iam.getRolePolicy(r -> r.roleName("app").policyName("s3"));
    assertThat(got.roleName()).isEqualTo("app");
    assertThat(decode(got.policyDocument())).isEqualTo(S3_READ);
    assertThat(iam.listRolePolicies(r -> r.roleName("app")).policyNames()).containsExactly("s3");
    awsError(
        () -> iam.deleteRolePolicy(r -> r.roleName("app").policyName("nope")),
        "NoSuchEntity",
        404,
        "The role policy with name nope cannot be found.");
    iam.deleteRolePolicy(r -> r.roleName("app").policyName("s3"));
    assertThat(iam.listRolePolicies(r -> r.roleName("app")).policyNames()).isEmpty();
    awsError(
        () -> iam.getRolePolicy(r -> r.roleName("ghost").policyName("s3")),
        "NoSuchEntity",
        404,
        "The role with name ghost cannot be found.");
  }

  @Test
  void unknownUserIsNoSuchEntity() {
    awsError(
        () -> iam.putUserPolicy(r -> r.userName("ghost").policyName("p").policyDocument(S3_READ)),
        "NoSuchEntity",
        404,
        "The user with name ghost cannot be found.");
    awsError(
        () -> iam.listUserPolicies(r -> r.userName("ghost")),
        "NoSuchEntity",
        404,
        "The user with name ghost cannot be found.");
  }

  @Test
  void documentsAreValidated() {
    iam.createUser(r -> r.userName("alice"));
    awsError(
        () ->
            iam.putUserPolicy(
                r ->
                    r.userName("alice")
                        .policyName("p")
                        .policyDocument("{\"Version\":\"2012-10-17\"")),
        "MalformedPolicyDocument",
        400,
        "Syntax errors in policy.");
    awsError(
        () ->
            iam.putUserPolicy(
                r ->
                    r.userName("alice")
                        .policyName("p")
                        .policyDocument(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}]}")),
        "MalformedPolicyDocument",
        400,
        "Policy statement must contain resources.");
    assertThat(iam.listUserPolicies(r -> r.userName("alice")).policyNames()).isEmpty();
  }

  @Test
  void aggregateSizeQuotasPerEntityType() {
    iam.createUser(r -> r.userName("alice"));
    iam.createGroup(r -> r.groupName("devs"));
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));

    // Each document is well under the quota; the sum is what counts.
    String chunk = documentWithStatements(12); // 1,046 non-whitespace characters
    iam.putUserPolicy(r -> r.userName("alice").policyName("one").policyDocument(chunk));
    awsError(
        () -> iam.putUserPolicy(r -> r.userName("alice").policyName("two").policyDocument(chunk)),
        "LimitExceeded",
        409,
        "Maximum policy size of 2048 bytes exceeded for user alice");
    // Replacing a policy counts its new size only.
    iam.putUserPolicy(r -> r.userName("alice").policyName("one").policyDocument(chunk));

    for (String name : new String[] {"a", "b", "c", "d"}) {
      iam.putGroupPolicy(r -> r.groupName("devs").policyName(name).policyDocument(chunk));
    }
    awsError(
        () -> iam.putGroupPolicy(r -> r.groupName("devs").policyName("e").policyDocument(chunk)),
        "LimitExceeded",
        409,
        "Maximum policy size of 5120 bytes exceeded for group devs");

    for (int i = 0; i < 9; i++) {
      String name = "p" + i;
      iam.putRolePolicy(r -> r.roleName("app").policyName(name).policyDocument(chunk));
    }
    awsError(
        () -> iam.putRolePolicy(r -> r.roleName("app").policyName("p9").policyDocument(chunk)),
        "LimitExceeded",
        409,
        "Maximum policy size of 10240 bytes exceeded for role app");

    // Whitespace does not count.
    iam.createUser(r -> r.userName("bob"));
    String airy = chunk.replace(",", ",                                                  ");
    iam.putUserPolicy(r -> r.userName("bob").policyName("airy").policyDocument(airy));
  }

  @Test
  void listUserPoliciesPages() {
    iam.createUser(r -> r.userName("alice"));
    for (String name : new String[] {"a", "b", "c"}) {
      iam.putUserPolicy(r -> r.userName("alice").policyName(name).policyDocument(S3_READ));
    }
    ListUserPoliciesResponse first = iam.listUserPolicies(r -> r.userName("alice").maxItems(2));
    assertThat(first.policyNames()).containsExactly("a", "b");
    assertThat(first.isTruncated()).isTrue();
    ListUserPoliciesResponse rest =
        iam.listUserPolicies(r -> r.userName("alice").maxItems(2).marker(first.marker()));
    assertThat(rest.policyNames()).containsExactly("c");
    assertThat(rest.isTruncated()).isFalse();
    assertThat(iam.listUserPoliciesPaginator(r -> r.userName("alice").maxItems(1)).policyNames())
        .containsExactly("a", "b", "c");
  }

  @Test
  void entitiesWithInlinePoliciesCannotBeDeleted() {
    iam.createUser(r -> r.userName("alice"));
    iam.putUserPolicy(r -> r.userName("alice").policyName("p").policyDocument(S3_READ));
    awsError(
        () -> iam.deleteUser(r -> r.userName("alice")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must delete policies first.");
    iam.deleteUserPolicy(r -> r.userName("alice").policyName("p"));
    iam.deleteUser(r -> r.userName("alice"));

    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    iam.putRolePolicy(r -> r.roleName("app").policyName("p").policyDocument(S3_READ));
    awsError(
        () -> iam.deleteRole(r -> r.roleName("app")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must delete policies first.");

    iam.createGroup(r -> r.groupName("devs"));
    iam.putGroupPolicy(r -> r.groupName("devs").policyName("p").policyDocument(S3_READ));
    awsError(
        () -> iam.deleteGroup(r -> r.groupName("devs")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must delete policies first.");
  }

  @Test
  void serviceLinkedRolesAreProtected() {
    String roleName =
        iam.createServiceLinkedRole(r -> r.awsServiceName("elasticbeanstalk.amazonaws.com"))
            .role()
            .roleName();
    awsError(
        () -> iam.putRolePolicy(r -> r.roleName(roleName).policyName("p").policyDocument(S3_READ)),
        "UnmodifiableEntity",
        400,
        "Cannot perform the operation on the protected role '"
            + roleName
            + "' - this role is only modifiable by AWS");
    assertThat(iam.listRolePolicies(r -> r.roleName(roleName)).policyNames()).isNotNull();
  }
}
