package io.iamlocal.it;

import static io.iamlocal.it.PolicyFixtures.ADMINISTRATOR_ACCESS;
import static io.iamlocal.it.PolicyFixtures.EC2_DESCRIBE;
import static io.iamlocal.it.PolicyFixtures.READ_ONLY_ACCESS;
import static io.iamlocal.it.PolicyFixtures.S3_READ;
import static io.iamlocal.it.PolicyFixtures.TRUST_EC2;
import static io.iamlocal.it.PolicyFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

class AccountViewsIT extends WireTest {

  /** alice in group devs with an inline and two managed policies and a boundary; role app; policy "mine" with 2 versions. */
  private String populate() {
    String mine = iam.createPolicy(r -> r.policyName("mine").description("my policy").policyDocument(S3_READ)).policy().arn();
    iam.createPolicyVersion(r -> r.policyArn(mine).policyDocument(EC2_DESCRIBE).setAsDefault(true));
    iam.createUser(r -> r.userName("alice").tags(Tag.builder().key("team").value("red").build()).permissionsBoundary(ADMINISTRATOR_ACCESS));
    iam.createGroup(r -> r.groupName("devs"));
    iam.addUserToGroup(r -> r.groupName("devs").userName("alice"));
    iam.putUserPolicy(r -> r.userName("alice").policyName("inline").policyDocument(S3_READ));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(mine));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(READ_ONLY_ACCESS));
    iam.putGroupPolicy(r -> r.groupName("devs").policyName("group-inline").policyDocument(EC2_DESCRIBE));
    iam.attachGroupPolicy(r -> r.groupName("devs").policyArn(mine));
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    iam.putRolePolicy(r -> r.roleName("app").policyName("role-inline").policyDocument(S3_READ));
    iam.createInstanceProfile(r -> r.instanceProfileName("app-profile"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("app-profile").roleName("app"));
    iam.createUser(r -> r.userName("bob"));
    return mine;
  }

  @Test
  void authorizationDetailsDescribeTheWholeAccount() {
    String mine = populate();
    GetAccountAuthorizationDetailsResponse details = iam.getAccountAuthorizationDetails(r -> { });
    assertThat(details.isTruncated()).isFalse();

    assertThat(details.userDetailList()).extracting(UserDetail::userName).containsExactly("alice", "bob");
    UserDetail alice = details.userDetailList().get(0);
    assertThat(alice.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(alice.userId()).startsWith("AIDA");
    assertThat(alice.groupList()).containsExactly("devs");
    assertThat(alice.userPolicyList()).hasSize(1);
    PolicyDetail inline = alice.userPolicyList().get(0);
    assertThat(inline.policyName()).isEqualTo("inline");
    assertThat(inline.policyDocument()).startsWith("%7B%22Version%22");
    assertThat(decode(inline.policyDocument())).isEqualTo(S3_READ);
    assertThat(alice.attachedManagedPolicies()).extracting(AttachedPolicy::policyArn).containsExactly(mine, READ_ONLY_ACCESS);
    assertThat(alice.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(ADMINISTRATOR_ACCESS);
    assertThat(alice.tags()).containsExactly(Tag.builder().key("team").value("red").build());
    UserDetail bob = details.userDetailList().get(1);
    assertThat(bob.groupList()).isEmpty();
    assertThat(bob.attachedManagedPolicies()).isEmpty();

    GroupDetail devs = details.groupDetailList().get(0);
    assertThat(devs.groupName()).isEqualTo("devs");
    assertThat(devs.groupPolicyList()).extracting(PolicyDetail::policyName).containsExactly("group-inline");
    assertThat(decode(devs.groupPolicyList().get(0).policyDocument())).isEqualTo(EC2_DESCRIBE);
    assertThat(devs.attachedManagedPolicies()).extracting(AttachedPolicy::policyName).containsExactly("mine");

    RoleDetail app = details.roleDetailList().get(0);
    assertThat(app.roleName()).isEqualTo("app");
    assertThat(decode(app.assumeRolePolicyDocument())).isEqualTo(TRUST_EC2);
    assertThat(app.rolePolicyList()).extracting(PolicyDetail::policyName).containsExactly("role-inline");
    assertThat(app.attachedManagedPolicies()).isEmpty();
    assertThat(app.instanceProfileList()).hasSize(1);
    assertThat(app.instanceProfileList().get(0).instanceProfileName()).isEqualTo("app-profile");
    assertThat(app.instanceProfileList().get(0).roles()).extracting(r -> r.roleName()).containsExactly("app");

    // Customer policies, then the AWS managed policies in use (attached or as a boundary) and no others.
    assertThat(details.policies()).extracting(ManagedPolicyDetail::policyName).containsExactly("mine", "AdministratorAccess", "ReadOnlyAccess");
    ManagedPolicyDetail mineDetail = details.policies().get(0);
    assertThat(mineDetail.arn()).isEqualTo(mine);
    assertThat(mineDetail.defaultVersionId()).isEqualTo("v2");
    assertThat(mineDetail.attachmentCount()).isEqualTo(2);
    assertThat(mineDetail.description()).isEqualTo("my policy");
    assertThat(mineDetail.isAttachable()).isTrue();
    assertThat(mineDetail.policyVersionList()).extracting(PolicyVersion::versionId).containsExactly("v2", "v1");
    assertThat(mineDetail.policyVersionList()).extracting(PolicyVersion::isDefaultVersion).containsExactly(true, false);
    assertThat(decode(mineDetail.policyVersionList().get(1).document())).isEqualTo(S3_READ);
    ManagedPolicyDetail admin = details.policies().get(1);
    assertThat(admin.permissionsBoundaryUsageCount()).isEqualTo(1);
    assertThat(admin.attachmentCount()).isZero();
    ManagedPolicyDetail readOnly = details.policies().get(2);
    assertThat(readOnly.arn()).isEqualTo(READ_ONLY_ACCESS);
    assertThat(readOnly.attachmentCount()).isEqualTo(1);
    assertThat(readOnly.policyVersionList()).singleElement().satisfies(v -> {
      assertThat(v.versionId()).isEqualTo("v182");
      assertThat(decode(v.document())).startsWith("{\"Statement\":[");
    });
  }

  @Test
  void filterSelectsKinds() {
    populate();
    GetAccountAuthorizationDetailsResponse local = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.LOCAL_MANAGED_POLICY));
    assertThat(local.userDetailList()).isEmpty();
    assertThat(local.groupDetailList()).isEmpty();
    assertThat(local.roleDetailList()).isEmpty();
    assertThat(local.policies()).extracting(ManagedPolicyDetail::policyName).containsExactly("mine");

    GetAccountAuthorizationDetailsResponse aws = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.AWS_MANAGED_POLICY));
    assertThat(aws.policies()).extracting(ManagedPolicyDetail::policyName).containsExactly("AdministratorAccess", "ReadOnlyAccess");

    GetAccountAuthorizationDetailsResponse usersAndRoles = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.USER, EntityType.ROLE));
    assertThat(usersAndRoles.userDetailList()).hasSize(2);
    assertThat(usersAndRoles.roleDetailList()).hasSize(1);
    assertThat(usersAndRoles.groupDetailList()).isEmpty();
    assertThat(usersAndRoles.policies()).isEmpty();
  }

  @Test
  void detailsPageAcrossAllLists() {
    populate();
    GetAccountAuthorizationDetailsResponse first = iam.getAccountAuthorizationDetails(r -> r.maxItems(3));
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.userDetailList()).hasSize(2);
    assertThat(first.groupDetailList()).hasSize(1);
    assertThat(first.roleDetailList()).isEmpty();
    GetAccountAuthorizationDetailsResponse second = iam.getAccountAuthorizationDetails(r -> r.maxItems(3).marker(first.marker()));
    assertThat(second.userDetailList()).isEmpty();
    assertThat(second.roleDetailList()).hasSize(1);
    assertThat(second.policies()).extracting(ManagedPolicyDetail::policyName).containsExactly("mine", "AdministratorAccess");
    GetAccountAuthorizationDetailsResponse third = iam.getAccountAuthorizationDetails(r -> r.maxItems(3).marker(second.marker()));
    assertThat(third.policies()).extracting(ManagedPolicyDetail::policyName).containsExactly("ReadOnlyAccess");
    assertThat(third.isTruncated()).isFalse();

    var all = iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(1));
    List<String> names = all.stream().flatMap(page -> java.util.stream.Stream.of(
        page.userDetailList().stream().map(UserDetail::userName),
        page.groupDetailList().stream().map(GroupDetail::groupName),
        page.roleDetailList().stream().map(RoleDetail::roleName),
        page.policies().stream().map(ManagedPolicyDetail::policyName)).flatMap(s -> s)).toList();
    assertThat(names).containsExactly("alice", "bob", "devs", "app", "mine", "AdministratorAccess", "ReadOnlyAccess");
  }

  @Test
  void emptyAccountHasEmptyLists() {
    GetAccountAuthorizationDetailsResponse details = iam.getAccountAuthorizationDetails(r -> { });
    assertThat(details.userDetailList()).isEmpty();
    assertThat(details.policies()).isEmpty();
    assertThat(details.isTruncated()).isFalse();
  }

  @Test
  void accountSummaryCountsTheAccount() {
    Map<SummaryKeyType, Integer> empty = iam.getAccountSummary().summaryMap();
    assertThat(empty).containsEntry(SummaryKeyType.USERS, 0).containsEntry(SummaryKeyType.POLICIES, 0)
        .containsEntry(SummaryKeyType.POLICY_VERSIONS_IN_USE, 0);

    populate();
    Map<SummaryKeyType, Integer> summary = iam.getAccountSummary().summaryMap();
    assertThat(summary).containsEntry(SummaryKeyType.USERS, 2)
        .containsEntry(SummaryKeyType.USERS_QUOTA, 5000)
        .containsEntry(SummaryKeyType.GROUPS, 1)
        .containsEntry(SummaryKeyType.GROUPS_QUOTA, 300)
        .containsEntry(SummaryKeyType.ROLES, 1)
        .containsEntry(SummaryKeyType.ROLES_QUOTA, 1000)
        .containsEntry(SummaryKeyType.INSTANCE_PROFILES, 1)
        .containsEntry(SummaryKeyType.INSTANCE_PROFILES_QUOTA, 1000)
        .containsEntry(SummaryKeyType.POLICIES, 1)
        .containsEntry(SummaryKeyType.POLICIES_QUOTA, 1500)
        .containsEntry(SummaryKeyType.POLICY_VERSIONS_IN_USE, 3)
        .containsEntry(SummaryKeyType.POLICY_VERSIONS_IN_USE_QUOTA, 10000)
        .containsEntry(SummaryKeyType.VERSIONS_PER_POLICY_QUOTA, 5)
        .containsEntry(SummaryKeyType.POLICY_SIZE_QUOTA, 6144)
        .containsEntry(SummaryKeyType.USER_POLICY_SIZE_QUOTA, 2048)
        .containsEntry(SummaryKeyType.GROUP_POLICY_SIZE_QUOTA, 5120)
        .containsEntry(SummaryKeyType.ROLE_POLICY_SIZE_QUOTA, 10240)
        .containsEntry(SummaryKeyType.ASSUME_ROLE_POLICY_SIZE_QUOTA, 2048)
        .containsEntry(SummaryKeyType.ATTACHED_POLICIES_PER_USER_QUOTA, 10)
        .containsEntry(SummaryKeyType.ATTACHED_POLICIES_PER_GROUP_QUOTA, 10)
        .containsEntry(SummaryKeyType.ATTACHED_POLICIES_PER_ROLE_QUOTA, 10)
        .containsEntry(SummaryKeyType.GROUPS_PER_USER_QUOTA, 10)
        .containsEntry(SummaryKeyType.ACCESS_KEYS_PER_USER_QUOTA, 2)
        .containsEntry(SummaryKeyType.SIGNING_CERTIFICATES_PER_USER_QUOTA, 2)
        .containsEntry(SummaryKeyType.SERVER_CERTIFICATES_QUOTA, 20)
        .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 1)
        .containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 1)
        .containsKeys(SummaryKeyType.MFA_DEVICES, SummaryKeyType.MFA_DEVICES_IN_USE, SummaryKeyType.ACCOUNT_MFA_ENABLED,
            SummaryKeyType.PROVIDERS, SummaryKeyType.SERVER_CERTIFICATES, SummaryKeyType.ACCOUNT_PASSWORD_PRESENT,
            SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT);
    assertThat(summary).doesNotContainKey(SummaryKeyType.UNKNOWN_TO_SDK_VERSION);
    assertThat(summary).hasSize(SummaryKeyType.knownValues().size());
  }
}
