package io.iamlocal.it;

import static io.iamlocal.it.PolicyFixtures.ADMINISTRATOR_ACCESS;
import static io.iamlocal.it.PolicyFixtures.S3_READ;
import static io.iamlocal.it.PolicyFixtures.TRUST_EC2;
import static io.iamlocal.it.PolicyFixtures.awsError;
import static io.iamlocal.it.PolicyFixtures.policyArn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryAttachmentType;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyUser;

class PermissionsBoundariesIT extends WireTest {

  private String boundary(String name) {
    return iam.createPolicy(r -> r.policyName(name).policyDocument(S3_READ)).policy().arn();
  }

  private int usage(String arn) {
    return iam.getPolicy(r -> r.policyArn(arn)).policy().permissionsBoundaryUsageCount();
  }

  @Test
  void userBoundaryIsSetShownReplacedAndDeleted() {
    String first = boundary("first");
    String second = boundary("second");
    iam.createUser(r -> r.userName("alice"));
    iam.putUserPermissionsBoundary(r -> r.userName("alice").permissionsBoundary(first));
    AttachedPermissionsBoundary shown =
        iam.getUser(r -> r.userName("alice")).user().permissionsBoundary();
    assertThat(shown.permissionsBoundaryArn()).isEqualTo(first);
    assertThat(shown.permissionsBoundaryType())
        .isEqualTo(PermissionsBoundaryAttachmentType.PERMISSIONS_BOUNDARY_POLICY);
    assertThat(usage(first)).isEqualTo(1);
    assertThat(iam.getPolicy(r -> r.policyArn(first)).policy().attachmentCount())
        .as("a boundary is not an attachment")
        .isZero();

    iam.putUserPermissionsBoundary(r -> r.userName("alice").permissionsBoundary(first));
    assertThat(usage(first)).as("putting the same boundary again").isEqualTo(1);

    iam.putUserPermissionsBoundary(r -> r.userName("alice").permissionsBoundary(second));
    assertThat(usage(first)).isZero();
    assertThat(usage(second)).isEqualTo(1);

    iam.deleteUserPermissionsBoundary(r -> r.userName("alice"));
    assertThat(usage(second)).isZero();
    assertThat(iam.getUser(r -> r.userName("alice")).user().permissionsBoundary()).isNull();
    iam.deleteUserPermissionsBoundary(r -> r.userName("alice"));
  }

  @Test
  void createUserAndDeleteUserCountBoundaryUse() {
    String arn = boundary("b");
    iam.createUser(r -> r.userName("alice").permissionsBoundary(arn));
    iam.createUser(r -> r.userName("bob").permissionsBoundary(arn));
    assertThat(usage(arn)).isEqualTo(2);
    awsError(
        () -> iam.deletePolicy(r -> r.policyArn(arn)),
        "DeleteConflict",
        409,
        "Cannot delete a policy attached to entities.");
    iam.deleteUser(r -> r.userName("alice"));
    assertThat(usage(arn)).isEqualTo(1);
    iam.deleteUser(r -> r.userName("bob"));
    iam.deletePolicy(r -> r.policyArn(arn));
  }

  /**
   * AWS's texts, recorded for roles (PutRolePermissionsBoundary, CreateRole); users share the
   * check.
   */
  @Test
  void boundaryMustBeAnExistingManagedPolicy() {
    iam.createUser(r -> r.userName("alice"));
    String ghost = policyArn("/", "ghost");
    awsError(
        () -> iam.putUserPermissionsBoundary(r -> r.userName("alice").permissionsBoundary(ghost)),
        "NoSuchEntity",
        404,
        "Scope ARN: " + ghost + " does not exist or is not attachable.");
    awsError(
        () -> iam.createUser(r -> r.userName("bob").permissionsBoundary(ghost)),
        "NoSuchEntity",
        404,
        "Scope ARN: " + ghost + " does not exist or is not attachable.");
    assertThat(iam.listUsers().users()).hasSize(1);
    awsError(
        () ->
            iam.putUserPermissionsBoundary(
                r ->
                    r.userName("alice")
                        .permissionsBoundary("arn:aws:iam::123456789012:user/alice")),
        "InvalidInput",
        400,
        "ARN arn:aws:iam::123456789012:user/alice is not valid.");
    awsError(
        () ->
            iam.putUserPermissionsBoundary(
                r -> r.userName("ghost").permissionsBoundary(ADMINISTRATOR_ACCESS)),
        "NoSuchEntity",
        404,
        "The user with name ghost cannot be found.");
  }

  @Test
  void awsManagedPolicyCanBeABoundary() {
    iam.createUser(r -> r.userName("alice").permissionsBoundary(ADMINISTRATOR_ACCESS));
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    iam.putRolePermissionsBoundary(
        r -> r.roleName("app").permissionsBoundary(ADMINISTRATOR_ACCESS));
    assertThat(usage(ADMINISTRATOR_ACCESS)).isEqualTo(2);
    iam.deleteRolePermissionsBoundary(r -> r.roleName("app"));
    iam.deleteUserPermissionsBoundary(r -> r.userName("alice"));
    assertThat(usage(ADMINISTRATOR_ACCESS)).isZero();
  }

  @Test
  void roleBoundaryIsSetShownAndDeleted() {
    String arn = boundary("b");
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2));
    iam.putRolePermissionsBoundary(r -> r.roleName("app").permissionsBoundary(arn));
    assertThat(
            iam.getRole(r -> r.roleName("app"))
                .role()
                .permissionsBoundary()
                .permissionsBoundaryArn())
        .isEqualTo(arn);
    assertThat(usage(arn)).isEqualTo(1);
    iam.deleteRolePermissionsBoundary(r -> r.roleName("app"));
    assertThat(iam.getRole(r -> r.roleName("app")).role().permissionsBoundary()).isNull();
    assertThat(usage(arn)).isZero();

    iam.createRole(
        r -> r.roleName("bounded").assumeRolePolicyDocument(TRUST_EC2).permissionsBoundary(arn));
    assertThat(usage(arn)).isEqualTo(1);
    iam.deleteRole(r -> r.roleName("bounded"));
    assertThat(usage(arn)).isZero();

    awsError(
        () -> iam.putRolePermissionsBoundary(r -> r.roleName("ghost").permissionsBoundary(arn)),
        "NoSuchEntity",
        404,
        "The role with name ghost cannot be found.");
    awsError(
        () ->
            iam.putRolePermissionsBoundary(
                r ->
                    r.roleName("app")
                        .permissionsBoundary(
                            "arn:aws:iam::aws:policy/aws-service-role/AWSElasticBeanstalkServiceRolePolicy")),
        "PolicyNotAttachable",
        400,
        "Cannot attach a Service Role Policy to a Customer Role.");
  }

  @Test
  void serviceLinkedRoleBoundaryIsProtected() {
    String roleName =
        iam.createServiceLinkedRole(r -> r.awsServiceName("elasticbeanstalk.amazonaws.com"))
            .role()
            .roleName();
    awsError(
        () ->
            iam.putRolePermissionsBoundary(
                r -> r.roleName(roleName).permissionsBoundary(ADMINISTRATOR_ACCESS)),
        "UnmodifiableEntity",
        400,
        "Cannot perform the operation on the protected role '"
            + roleName
            + "' - this role is only modifiable by AWS");
  }

  @Test
  void listEntitiesForPolicySeparatesBoundaryUseFromAttachments() {
    String arn = boundary("b");
    iam.createUser(r -> r.userName("bounded").permissionsBoundary(arn));
    iam.createUser(r -> r.userName("attached"));
    iam.attachUserPolicy(r -> r.userName("attached").policyArn(arn));
    iam.createRole(
        r -> r.roleName("app").assumeRolePolicyDocument(TRUST_EC2).permissionsBoundary(arn));

    ListEntitiesForPolicyResponse boundaries =
        iam.listEntitiesForPolicy(
            r -> r.policyArn(arn).policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY));
    assertThat(boundaries.policyUsers())
        .extracting(PolicyUser::userName)
        .containsExactly("bounded");
    assertThat(boundaries.policyRoles()).extracting(PolicyRole::roleName).containsExactly("app");

    ListEntitiesForPolicyResponse permissions =
        iam.listEntitiesForPolicy(
            r -> r.policyArn(arn).policyUsageFilter(PolicyUsageType.PERMISSIONS_POLICY));
    assertThat(permissions.policyUsers())
        .extracting(PolicyUser::userName)
        .containsExactly("attached");
    assertThat(permissions.policyRoles()).isEmpty();

    ListEntitiesForPolicyResponse both = iam.listEntitiesForPolicy(r -> r.policyArn(arn));
    assertThat(both.policyUsers())
        .extracting(PolicyUser::userName)
        .containsExactly("attached", "bounded");
    assertThat(both.policyRoles()).extracting(PolicyRole::roleName).containsExactly("app");
  }
}
