package io.iamlocal.it;

import static io.iamlocal.it.PolicyFixtures.READ_ONLY_ACCESS;
import static io.iamlocal.it.PolicyFixtures.S3_READ;
import static io.iamlocal.it.PolicyFixtures.TRUST_EC2;
import static io.iamlocal.it.PolicyFixtures.awsError;
import static io.iamlocal.it.PolicyFixtures.policyArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUser;

class AttachmentsIT extends WireTest {

  private String customerPolicy(String name, String path) {
    return iam.createPolicy(r -> r.policyName(name).path(path).policyDocument(S3_READ))
        .policy()
        .arn();
  }

  @Test
  void awsManagedPolicyAttachesToUsersGroupsAndRolesAndIsCounted() {
    iam.createUser(r -> r.userName("alice"));
    iam.createGroup(r -> r.groupName("devs"));
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(READ_ONLY_ACCESS));
    iam.attachGroupPolicy(r -> r.groupName("devs").policyArn(READ_ONLY_ACCESS));
    iam.attachRolePolicy(r -> r.roleName("app").policyArn(READ_ONLY_ACCESS));

    AttachedPolicy expected =
        AttachedPolicy.builder().policyName("ReadOnlyAccess").policyArn(READ_ONLY_ACCESS).build();
    assertThat(iam.listAttachedUserPolicies(r -> r.userName("alice")).attachedPolicies())
        .containsExactly(expected);
    assertThat(iam.listAttachedGroupPolicies(r -> r.groupName("devs")).attachedPolicies())
        .containsExactly(expected);
    assertThat(iam.listAttachedRolePolicies(r -> r.roleName("app")).attachedPolicies())
        .containsExactly(expected);
    assertThat(iam.getPolicy(r -> r.policyArn(READ_ONLY_ACCESS)).policy().attachmentCount())
        .isEqualTo(3);

    iam.detachGroupPolicy(r -> r.groupName("devs").policyArn(READ_ONLY_ACCESS));
    iam.detachRolePolicy(r -> r.roleName("app").policyArn(READ_ONLY_ACCESS));
    assertThat(iam.getPolicy(r -> r.policyArn(READ_ONLY_ACCESS)).policy().attachmentCount())
        .isEqualTo(1);
    iam.detachUserPolicy(r -> r.userName("alice").policyArn(READ_ONLY_ACCESS));
    assertThat(iam.getPolicy(r -> r.policyArn(READ_ONLY_ACCESS)).policy().attachmentCount())
        .isZero();
    assertThat(iam.listAttachedUserPolicies(r -> r.userName("alice")).attachedPolicies()).isEmpty();
  }

  @Test
  void attachingTwiceChangesNothing() {
    String arn = customerPolicy("p", "/");
    iam.createUser(r -> r.userName("alice"));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(arn));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(arn));
    assertThat(iam.listAttachedUserPolicies(r -> r.userName("alice")).attachedPolicies())
        .hasSize(1);
    assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().attachmentCount()).isEqualTo(1);
  }

  @Test
  void unknownPolicyAndNotAttachedPolicyAreNoSuchEntity() {
    iam.createUser(r -> r.userName("alice"));
    String ghost = policyArn("/", "ghost");
    awsError(
        () -> iam.attachUserPolicy(r -> r.userName("alice").policyArn(ghost)),
        "NoSuchEntity",
        404,
        "Policy " + ghost + " does not exist or is not attachable.");
    awsError(
        () ->
            iam.attachUserPolicy(
                r -> r.userName("alice").policyArn("arn:aws:iam::aws:policy/NoSuchAwsPolicy")),
        "NoSuchEntity",
        404,
        "Policy arn:aws:iam::aws:policy/NoSuchAwsPolicy does not exist or is not attachable.");
    awsError(
        () -> iam.detachUserPolicy(r -> r.userName("alice").policyArn(READ_ONLY_ACCESS)),
        "NoSuchEntity",
        404,
        "Policy " + READ_ONLY_ACCESS + " was not found.");
    awsError(
        () -> iam.attachUserPolicy(r -> r.userName("ghost").policyArn(READ_ONLY_ACCESS)),
        "NoSuchEntity",
        404,
        "The user with name ghost cannot be found.");
    awsError(
        () -> iam.attachGroupPolicy(r -> r.groupName("ghosts").policyArn(READ_ONLY_ACCESS)),
        "NoSuchEntity",
        404,
        "The group with name ghosts cannot be found.");
    awsError(
        () -> iam.attachRolePolicy(r -> r.roleName("ghost").policyArn(READ_ONLY_ACCESS)),
        "NoSuchEntity",
        404,
        "The role with name ghost cannot be found.");
  }

  @Test
  void tenManagedPoliciesPerEntity() {
    iam.createUser(r -> r.userName("alice"));
    iam.createGroup(r -> r.groupName("devs"));
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      arns.add(customerPolicy("p" + i, "/"));
    }
    for (int i = 0; i < 10; i++) {
      String arn = arns.get(i);
      iam.attachUserPolicy(r -> r.userName("alice").policyArn(arn));
      iam.attachGroupPolicy(r -> r.groupName("devs").policyArn(arn));
      iam.attachRolePolicy(r -> r.roleName("app").policyArn(arn));
    }
    String eleventh = arns.get(10);
    awsError(
        () -> iam.attachUserPolicy(r -> r.userName("alice").policyArn(eleventh)),
        "LimitExceeded",
        409,
        "Cannot exceed quota for PoliciesPerUser: 10");
    awsError(
        () -> iam.attachGroupPolicy(r -> r.groupName("devs").policyArn(eleventh)),
        "LimitExceeded",
        409,
        "Cannot exceed quota for PoliciesPerGroup: 10");
    awsError(
        () -> iam.attachRolePolicy(r -> r.roleName("app").policyArn(eleventh)),
        "LimitExceeded",
        409,
        "Cannot exceed quota for PoliciesPerRole: 10");
    assertThat(iam.getPolicy(r -> r.policyArn(eleventh)).policy().attachmentCount()).isZero();
    assertThat(iam.getPolicy(r -> r.policyArn(arns.get(0))).policy().attachmentCount())
        .isEqualTo(3);
  }

  @Test
  void serviceRolePoliciesDoNotAttachToCustomerRoles() {
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    String slrPolicy =
        "arn:aws:iam::aws:policy/aws-service-role/AWSElasticBeanstalkServiceRolePolicy";
    assertThat(iam.getPolicy(r -> r.policyArn(slrPolicy)).policy().path())
        .isEqualTo("/aws-service-role/");
    awsError(
        () -> iam.attachRolePolicy(r -> r.roleName("app").policyArn(slrPolicy)),
        "PolicyNotAttachable",
        400,
        "Cannot attach a Service Role Policy to a Customer Role.");
    assertThat(iam.getPolicy(r -> r.policyArn(slrPolicy)).policy().attachmentCount()).isZero();
    // /service-role/ policies are ordinary AWS managed policies.
    iam.attachRolePolicy(
        r ->
            r.roleName("app")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
  }

  @Test
  void listAttachedFiltersByPolicyPathAndPages() {
    iam.createUser(r -> r.userName("alice"));
    String a = customerPolicy("a", "/team/");
    String b = customerPolicy("b", "/other/");
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(a));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(b));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(READ_ONLY_ACCESS));
    assertThat(
            iam.listAttachedUserPolicies(r -> r.userName("alice").pathPrefix("/team/"))
                .attachedPolicies())
        .extracting(AttachedPolicy::policyArn)
        .containsExactly(a);
    var first = iam.listAttachedUserPolicies(r -> r.userName("alice").maxItems(2));
    assertThat(first.attachedPolicies()).hasSize(2);
    assertThat(first.isTruncated()).isTrue();
    assertThat(
            iam.listAttachedUserPoliciesPaginator(r -> r.userName("alice").maxItems(1))
                .attachedPolicies())
        .extracting(AttachedPolicy::policyArn)
        .containsExactlyInAnyOrder(a, b, READ_ONLY_ACCESS);
  }

  @Test
  void listEntitiesForPolicyFiltersAndPages() {
    String arn = customerPolicy("shared", "/");
    iam.createUser(r -> r.userName("bob").path("/eng/"));
    iam.createUser(r -> r.userName("alice"));
    iam.createGroup(r -> r.groupName("devs").path("/eng/"));
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    iam.attachUserPolicy(r -> r.userName("bob").policyArn(arn));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(arn));
    iam.attachGroupPolicy(r -> r.groupName("devs").policyArn(arn));
    iam.attachRolePolicy(r -> r.roleName("app").policyArn(arn));

    ListEntitiesForPolicyResponse all = iam.listEntitiesForPolicy(r -> r.policyArn(arn));
    assertThat(all.policyUsers()).extracting(PolicyUser::userName).containsExactly("alice", "bob");
    assertThat(all.policyUsers().get(0).userId()).startsWith("AIDA");
    assertThat(all.policyGroups()).extracting(PolicyGroup::groupName).containsExactly("devs");
    assertThat(all.policyGroups().get(0).groupId()).startsWith("AGPA");
    assertThat(all.policyRoles()).extracting(PolicyRole::roleName).containsExactly("app");
    assertThat(all.policyRoles().get(0).roleId()).startsWith("AROA");
    assertThat(all.isTruncated()).isFalse();

    ListEntitiesForPolicyResponse roles =
        iam.listEntitiesForPolicy(r -> r.policyArn(arn).entityFilter(EntityType.ROLE));
    assertThat(roles.policyUsers()).isEmpty();
    assertThat(roles.policyGroups()).isEmpty();
    assertThat(roles.policyRoles()).extracting(PolicyRole::roleName).containsExactly("app");

    ListEntitiesForPolicyResponse eng =
        iam.listEntitiesForPolicy(r -> r.policyArn(arn).pathPrefix("/eng/"));
    assertThat(eng.policyUsers()).extracting(PolicyUser::userName).containsExactly("bob");
    assertThat(eng.policyGroups()).extracting(PolicyGroup::groupName).containsExactly("devs");
    assertThat(eng.policyRoles()).isEmpty();

    ListEntitiesForPolicyResponse page1 =
        iam.listEntitiesForPolicy(r -> r.policyArn(arn).maxItems(2));
    assertThat(page1.policyUsers())
        .extracting(PolicyUser::userName)
        .containsExactly("alice", "bob");
    assertThat(page1.policyGroups()).isEmpty();
    assertThat(page1.isTruncated()).isTrue();
    ListEntitiesForPolicyResponse page2 =
        iam.listEntitiesForPolicy(r -> r.policyArn(arn).maxItems(2).marker(page1.marker()));
    assertThat(page2.policyUsers()).isEmpty();
    assertThat(page2.policyGroups()).extracting(PolicyGroup::groupName).containsExactly("devs");
    assertThat(page2.policyRoles()).extracting(PolicyRole::roleName).containsExactly("app");
    assertThat(page2.isTruncated()).isFalse();

    awsError(
        () -> iam.listEntitiesForPolicy(r -> r.policyArn(policyArn("/", "ghost"))),
        "NoSuchEntity",
        404,
        "Policy " + policyArn("/", "ghost") + " does not exist or is not attachable.");
    ListEntitiesForPolicyResponse unused =
        iam.listEntitiesForPolicy(r -> r.policyArn(READ_ONLY_ACCESS));
    assertThat(unused.policyUsers()).isEmpty();
  }

  @Test
  void attachmentsFollowRenamesAndBlockDeletion() {
    String arn = customerPolicy("p", "/");
    iam.createUser(r -> r.userName("alice"));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(arn));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(READ_ONLY_ACCESS));
    iam.updateUser(r -> r.userName("alice").newUserName("alicia"));
    assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(arn)).policyUsers())
        .extracting(PolicyUser::userName)
        .containsExactly("alicia");
    assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(READ_ONLY_ACCESS)).policyUsers())
        .extracting(PolicyUser::userName)
        .containsExactly("alicia");

    awsError(
        () -> iam.deleteUser(r -> r.userName("alicia")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must detach all policies first.");
    iam.detachUserPolicy(r -> r.userName("alicia").policyArn(arn));
    iam.detachUserPolicy(r -> r.userName("alicia").policyArn(READ_ONLY_ACCESS));
    iam.deleteUser(r -> r.userName("alicia"));
    assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().attachmentCount()).isZero();

    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    iam.attachRolePolicy(r -> r.roleName("app").policyArn(arn));
    awsError(
        () -> iam.deleteRole(r -> r.roleName("app")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must detach all policies first.");
    iam.createGroup(r -> r.groupName("devs"));
    iam.attachGroupPolicy(r -> r.groupName("devs").policyArn(arn));
    awsError(
        () -> iam.deleteGroup(r -> r.groupName("devs")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must detach all policies first.");
  }

  @Test
  void serviceLinkedRolesRefuseAttachments() {
    String roleName =
        iam.createServiceLinkedRole(r -> r.awsServiceName("elasticbeanstalk.amazonaws.com"))
            .role()
            .roleName();
    awsError(
        () -> iam.attachRolePolicy(r -> r.roleName(roleName).policyArn(READ_ONLY_ACCESS)),
        "UnmodifiableEntity",
        400,
        "Cannot perform the operation on the protected role '"
            + roleName
            + "' - this role is only modifiable by AWS");
  }
}
