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

  /**
   * alice in group devs with an inline and two managed policies and a boundary; role app; policy
   * "mine" with 2 versions.
   */
  private String populate() {
    String mine =
        iam.createPolicy(r -> r.policyName("mine").description("my policy").policyDocument(S3_READ))
            .policy()
            .arn();
    iam.createPolicyVersion(r -> r.policyArn(mine).policyDocument(EC2_DESCRIBE).setAsDefault(true));
    iam.createUser(
        r ->
            r.userName("alice")
                .tags(Tag.builder().key("team").value("red").build())
                .permissionsBoundary(ADMINISTRATOR_ACCESS));
    iam.createGroup(r -> r.groupName("devs"));
    iam.addUserToGroup(r -> r.groupName("devs").userName("alice"));
    iam.putUserPolicy(r -> r.userName("alice").policyName("inline").policyDocument(S3_READ));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(mine));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(READ_ONLY_ACCESS));
    iam.putGroupPolicy(
        r -> r.groupName("devs").policyName("group-inline").policyDocument(EC2_DESCRIBE));
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
    GetAccountAuthorizationDetailsResponse details = iam.getAccountAuthorizationDetails(r -> {});
    assertThat(details.isTruncated()).isFalse();

    assertThat(details.userDetailList())
        .extracting(UserDetail::userName)
        .containsExactly("alice", "bob");
    UserDetail alice = details.userDetailList().get(0);
    assertThat(alice.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(alice.userId()).startsWith("AIDA");
    assertThat(alice.groupList()).containsExactly("devs");
    assertThat(alice.userPolicyList()).hasSize(1);
    PolicyDetail inline = alice.userPolicyList().get(0);
    assertThat(inline.policyName()).isEqualTo("inline");
    assertThat(inline.policyDocument()).startsWith("%7B%22Version%22");
    assertThat(decode(inline.policyDocument())).isEqualTo(S3_READ);
    assertThat(alice.attachedManagedPolicies())
        .extracting(AttachedPolicy::policyArn)
        .containsExactly(mine, READ_ONLY_ACCESS);
    assertThat(alice.permissionsBoundary().permissionsBoundaryArn())
        .isEqualTo(ADMINISTRATOR_ACCESS);
    assertThat(alice.tags()).containsExactly(Tag.builder().key("team").value("red").build());
    UserDetail bob = details.userDetailList().get(1);
    assertThat(bob.groupList()).isEmpty();
    assertThat(bob.attachedManagedPolicies()).isEmpty();

    GroupDetail devs = details.groupDetailList().get(0);
    assertThat(devs.groupName()).isEqualTo("devs");
    assertThat(devs.groupPolicyList())
        .extracting(PolicyDetail::policyName)
        .containsExactly("group-inline");
    assertThat(decode(devs.groupPolicyList().get(0).policyDocument())).isEqualTo(EC2_DESCRIBE);
    assertThat(devs.attachedManagedPolicies())
        .extracting(AttachedPolicy::policyName)
        .containsExactly("mine");

    RoleDetail app = details.roleDetailList().get(0);
    assertThat(app.roleName()).isEqualTo("app");
    assertThat(decode(app.assumeRolePolicyDocument())).isEqualTo(TRUST_EC2);
    assertThat(app.rolePolicyList())
        .extracting(PolicyDetail::policyName)
        .containsExactly("role-inline");
    assertThat(app.attachedManagedPolicies()).isEmpty();
    assertThat(app.instanceProfileList()).hasSize(1);
    assertThat(app.instanceProfileList().get(0).instanceProfileName()).isEqualTo("app-profile");
    assertThat(app.instanceProfileList().get(0).roles())
        .extracting(r -> r.roleName())
        .containsExactly("app");

    // Customer policies, then the AWS managed policies in use (attached or as a boundary) and no
    // others.
    assertThat(details.policies())
        .extracting(ManagedPolicyDetail::policyName)
        .containsExactly("mine", "AdministratorAccess", "ReadOnlyAccess");
    ManagedPolicyDetail mineDetail = details.policies().get(0);
    assertThat(mineDetail.arn()).isEqualTo(mine);
    assertThat(mineDetail.defaultVersionId()).isEqualTo("v2");
    assertThat(mineDetail.attachmentCount()).isEqualTo(2);
    assertThat(mineDetail.description()).isEqualTo("my policy");
    assertThat(mineDetail.isAttachable()).isTrue();
    assertThat(mineDetail.policyVersionList())
        .extracting(PolicyVersion::versionId)
        .containsExactly("v2", "v1");
    assertThat(mineDetail.policyVersionList())
        .extracting(PolicyVersion::isDefaultVersion)
        .containsExactly(true, false);
    assertThat(decode(mineDetail.policyVersionList().get(1).document())).isEqualTo(S3_READ);
    ManagedPolicyDetail admin = details.policies().get(1);
    assertThat(admin.permissionsBoundaryUsageCount()).isEqualTo(1);
    assertThat(admin.attachmentCount()).isZero();
    ManagedPolicyDetail readOnly = details.policies().get(2);
    assertThat(readOnly.arn()).isEqualTo(READ_ONLY_ACCESS);
    assertThat(readOnly.attachmentCount()).isEqualTo(1);
    assertThat(readOnly.policyVersionList())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.versionId()).isEqualTo("v182");
              assertThat(decode(v.document())).startsWith("{\"Statement\":[");
            });
  }

  @Test
  void filterSelectsKinds() {
    populate();
    GetAccountAuthorizationDetailsResponse local =
        iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.LOCAL_MANAGED_POLICY));
    assertThat(local.userDetailList()).isEmpty();
    assertThat(local.groupDetailList()).isEmpty();
    assertThat(local.roleDetailList()).isEmpty();
    assertThat(local.policies())
        .extracting(ManagedPolicyDetail::policyName)
        .containsExactly("mine");

    GetAccountAuthorizationDetailsResponse aws =
        iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.AWS_MANAGED_POLICY));
    assertThat(aws.policies())
        .extracting(ManagedPolicyDetail::policyName)
        .containsExactly("AdministratorAccess", "ReadOnlyAccess");

    GetAccountAuthorizationDetailsResponse usersAndRoles =
        iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.USER, EntityType.ROLE));
    assertThat(usersAndRoles.userDetailList()).hasSize(2);
    assertThat(usersAndRoles.roleDetailList()).hasSize(1);
    assertThat(usersAndRoles.groupDetailList()).isEmpty();
    assertThat(usersAndRoles.policies()).isEmpty();
  }

  @Test
  void detailsPageAcrossAllLists() {
    populate();
    GetAccountAuthorizationDetailsResponse first =
        iam.getAccountAuthorizationDetails(r -> r.maxItems(3));
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.userDetailList()).hasSize(2);
    assertThat(first.groupDetailList()).hasSize(1);
    assertThat(first.roleDetailList()).isEmpty();
    GetAccountAuthorizationDetailsResponse second =
        iam.getAccountAuthorizationDetails(r -> r.maxItems(3).marker(first.marker()));
    assertThat(second.userDetailList()).isEmpty();
    assertThat(second.roleDetailList()).hasSize(1);
    assertThat(second.policies())
        .extracting(ManagedPolicyDetail::policyName)
        .containsExactly("mine", "AdministratorAccess");
    GetAccountAuthorizationDetailsResponse third =
        iam.getAccountAuthorizationDetails(r -> r.maxItems(3).marker(second.marker()));
    assertThat(third.policies())
        .extracting(ManagedPolicyDetail::policyName)
        .containsExactly("ReadOnlyAccess");
    assertThat(third.isTruncated()).isFalse();

    var all = iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(1));
    List<String> names =
        all.stream()
            .flatMap(
                page ->
                    java.util.stream.Stream.of(
                            page.userDetailList().stream().map(UserDetail::userName),
                            page.groupDetailList().stream().map(GroupDetail::groupName),
                            page.roleDetailList().stream().map(RoleDetail::roleName),
                            page.policies().stream().map(ManagedPolicyDetail::policyName))
                        .flatMap(s -> s))
            .toList();
    assertThat(names)
        .containsExactly(
            "alice", "bob", "devs", "app", "mine", "AdministratorAccess", "ReadOnlyAccess");
  }

  @Test
  void emptyAccountHasEmptyLists() {
    GetAccountAuthorizationDetailsResponse details = iam.getAccountAuthorizationDetails(r -> {});
    assertThat(details.userDetailList()).isEmpty();
    assertThat(details.policies()).isEmpty();
    assertThat(details.isTruncated()).isFalse();
  }

  @Test
  void accountSummaryCountsTheAccount() {
    // By string key: this SDK's SummaryKeyType predates Roles, InstanceProfiles, Providers and
    // others.
    Map<String, Integer> empty = iam.getAccountSummary().summaryMapAsStrings();
    assertThat(empty)
        .containsEntry("Users", 0)
        .containsEntry("Policies", 0)
        .containsEntry("PolicyVersionsInUse", 0);

    populate();
    Map<String, Integer> summary = iam.getAccountSummary().summaryMapAsStrings();
    assertThat(summary)
        .containsEntry("Users", 2)
        .containsEntry("UsersQuota", 5000)
        .containsEntry("Groups", 1)
        .containsEntry("GroupsQuota", 300)
        .containsEntry("Roles", 1)
        .containsEntry("RolesQuota", 1000)
        .containsEntry("InstanceProfiles", 1)
        .containsEntry("InstanceProfilesQuota", 1000)
        .containsEntry("Policies", 1)
        .containsEntry("PoliciesQuota", 1500)
        .containsEntry("PolicyVersionsInUse", 3)
        .containsEntry("PolicyVersionsInUseQuota", 10000)
        .containsEntry("VersionsPerPolicyQuota", 5)
        .containsEntry("PolicySizeQuota", 6144)
        .containsEntry("UserPolicySizeQuota", 2048)
        .containsEntry("GroupPolicySizeQuota", 5120)
        .containsEntry("RolePolicySizeQuota", 10240)
        .containsEntry("AssumeRolePolicySizeQuota", 2048)
        .containsEntry("AttachedPoliciesPerUserQuota", 10)
        .containsEntry("AttachedPoliciesPerGroupQuota", 10)
        .containsEntry("AttachedPoliciesPerRoleQuota", 10)
        .containsEntry("GroupsPerUserQuota", 10)
        .containsEntry("AccessKeysPerUserQuota", 2)
        .containsEntry("SigningCertificatesPerUserQuota", 2)
        .containsEntry("ServerCertificatesQuota", 20)
        .containsEntry("AccountAccessKeysPresent", 1)
        .containsEntry("GlobalEndpointTokenVersion", 1)
        .containsKeys(
            "MFADevices",
            "MFADevicesInUse",
            "AccountMFAEnabled",
            "Providers",
            "ServerCertificates",
            "AccountPasswordPresent",
            "AccountSigningCertificatesPresent");
    assertThat(summary).hasSize(34);
    assertThat(summary)
        .containsEntry("MFADevices", 0)
        .containsEntry("Providers", 0)
        .containsEntry("ServerCertificates", 0);

    iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("spare"));
    iam.createOpenIDConnectProvider(
        r ->
            r.url("https://token.example.com")
                .clientIDList("app")
                .thumbprintList("0123456789abcdef0123456789abcdef01234567"));
    Map<String, Integer> more = iam.getAccountSummary().summaryMapAsStrings();
    assertThat(more)
        .containsEntry("MFADevices", 1)
        .containsEntry("MFADevicesInUse", 0)
        .containsEntry("Providers", 1);
    assertThat(iam.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.USERS, 2);
  }
}
