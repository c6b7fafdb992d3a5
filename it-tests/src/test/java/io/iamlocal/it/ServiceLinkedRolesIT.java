package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.DeletionTaskStatusType;
import software.amazon.awssdk.services.iam.model.Role;

class ServiceLinkedRolesIT extends WireTest {
  private static String protectedMessage(String roleName) {
    return "Cannot perform the operation on the protected role '"
        + roleName
        + "' - this role is only modifiable by AWS";
  }

  private Role createSlr(String service) {
    return iam.createServiceLinkedRole(r -> r.awsServiceName(service)).role();
  }

  @Test
  void createsTheDocumentedRoleForElasticBeanstalk() {
    Role role =
        iam.createServiceLinkedRole(
                r -> r.awsServiceName("elasticbeanstalk.amazonaws.com").description("EB"))
            .role();
    assertThat(role.roleName()).isEqualTo("AWSServiceRoleForElasticBeanstalk");
    assertThat(role.path()).isEqualTo("/aws-service-role/elasticbeanstalk.amazonaws.com/");
    assertThat(role.arn())
        .isEqualTo(
            "arn:aws:iam::123456789012:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk");
    assertThat(role.roleId()).startsWith("AROA").hasSize(21);
    assertThat(role.description()).isEqualTo("EB");
    assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"elasticbeanstalk.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");

    Role got = iam.getRole(r -> r.roleName("AWSServiceRoleForElasticBeanstalk")).role();
    assertThat(got.arn()).isEqualTo(role.arn());
    assertThat(got.maxSessionDuration()).isEqualTo(3600);
    assertThat(iam.listRoles(r -> r.pathPrefix("/aws-service-role/")).roles())
        .extracting(Role::roleName)
        .containsExactly("AWSServiceRoleForElasticBeanstalk");
  }

  /**
   * A service AWS's answer was recorded for gets that answer: role name, path, trust policy and the
   * AWS managed policy AWS attaches, which can then be read as the awsdocs iam_service_linked_roles
   * scenario reads it (ListAttachedRolePolicies, GetPolicy, GetPolicyVersion).
   */
  @Test
  void recordedServicesGetAwsRoleAndAttachedPolicy() {
    Role role = createSlr("acm.amazonaws.com");
    assertThat(role.roleName()).isEqualTo("AWSServiceRoleForCertificateManager");
    assertThat(role.path()).isEqualTo("/aws-service-role/acm.amazonaws.com/");
    assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"acm.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");
    var attached =
        iam.listAttachedRolePolicies(r -> r.roleName(role.roleName())).attachedPolicies();
    assertThat(attached)
        .extracting(p -> p.policyArn())
        .containsExactly(
            "arn:aws:iam::aws:policy/aws-service-role/CertificateManagerServiceRolePolicy");
    var policy = iam.getPolicy(r -> r.policyArn(attached.get(0).policyArn())).policy();
    assertThat(policy.attachmentCount()).isEqualTo(1);
    String document =
        iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId(policy.defaultVersionId()))
            .policyVersion()
            .document();
    assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8)).contains("\"Statement\"");

    expect(
        () ->
            iam.createServiceLinkedRole(
                r -> r.awsServiceName("acm.amazonaws.com").customSuffix("x")),
        "InvalidInput",
        400,
        "Custom suffix is not allowed for acm.amazonaws.com");
    assertThat(
            iam.createServiceLinkedRole(
                    r -> r.awsServiceName("lexv2.amazonaws.com").customSuffix("bots"))
                .role()
                .roleName())
        .isEqualTo("AWSServiceRoleForLexV2Bots_bots");

    iam.deleteServiceLinkedRole(r -> r.roleName(role.roleName()));
    assertThat(iam.getPolicy(r -> r.policyArn(policy.arn())).policy().attachmentCount()).isZero();
  }

  @Test
  void documentedNamesAreUsedWhereKnown() {
    assertThat(createSlr("es.amazonaws.com").roleName())
        .isEqualTo("AWSServiceRoleForAmazonElasticsearchService");
    assertThat(createSlr("ecs.amazonaws.com").roleName()).isEqualTo("AWSServiceRoleForECS");
    assertThat(createSlr("spot.amazonaws.com").roleName()).isEqualTo("AWSServiceRoleForEC2Spot");
    assertThat(createSlr("eks-nodegroup.amazonaws.com").roleName())
        .isEqualTo("AWSServiceRoleForAmazonEKSNodegroup");
    assertThat(createSlr("dynamodb.application-autoscaling.amazonaws.com").roleName())
        .isEqualTo("AWSServiceRoleForApplicationAutoScaling_DynamoDBTable");
  }

  @Test
  void otherServicesGetANameDerivedFromTheirPrincipal() {
    Role role = createSlr("my-new-service.amazonaws.com");
    assertThat(role.roleName()).isEqualTo("AWSServiceRoleForMyNewService");
    assertThat(role.path()).isEqualTo("/aws-service-role/my-new-service.amazonaws.com/");
    assertThat(createSlr("worker.queue.amazonaws.com").roleName())
        .isEqualTo("AWSServiceRoleForQueueWorker");
  }

  @Test
  void aCustomSuffixIsAppendedWithAnUnderscore() {
    Role role =
        iam.createServiceLinkedRole(
                r -> r.awsServiceName("autoscaling.amazonaws.com").customSuffix("app1"))
            .role();
    assertThat(role.roleName()).isEqualTo("AWSServiceRoleForAutoScaling_app1");
    assertThat(role.arn())
        .isEqualTo(
            "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_app1");
    createSlr("autoscaling.amazonaws.com");
    iam.createServiceLinkedRole(
        r -> r.awsServiceName("autoscaling.amazonaws.com").customSuffix("app2"));
    assertThat(
            iam.listRoles(r -> r.pathPrefix("/aws-service-role/autoscaling.amazonaws.com/"))
                .roles())
        .extracting(Role::roleName)
        .containsExactly(
            "AWSServiceRoleForAutoScaling",
            "AWSServiceRoleForAutoScaling_app1",
            "AWSServiceRoleForAutoScaling_app2");
  }

  @Test
  void servicesThatRefuseASuffixSaySo() {
    expect(
        () ->
            iam.createServiceLinkedRole(
                r -> r.awsServiceName("es.amazonaws.com").customSuffix("two")),
        "InvalidInput",
        400,
        "Custom suffix is not allowed for es.amazonaws.com");
  }

  @Test
  void aTakenNameIsInvalidInput() {
    createSlr("ecs.amazonaws.com");
    expect(
        () -> createSlr("ecs.amazonaws.com"),
        "InvalidInput",
        400,
        "Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.");
    iam.deleteServiceLinkedRole(r -> r.roleName("AWSServiceRoleForECS"));
    iam.createRole(r -> r.roleName("awsserviceroleforecs").assumeRolePolicyDocument(RolesIT.TRUST));
    expect(
        () -> createSlr("ecs.amazonaws.com"),
        "InvalidInput",
        400,
        "Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.");
  }

  @Test
  void aServiceNameMustBeAServicePrincipal() {
    expect(
        () -> createSlr("elasticbeanstalk"),
        "InvalidInput",
        400,
        "Service name elasticbeanstalk is not a valid service principal.");
    expect(
        () -> createSlr("bad name"),
        "ValidationError",
        400,
        "1 validation error detected: Value at 'aWSServiceName' "
            + "failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
  }

  @Test
  void serviceLinkedRolesAreProtectedFromCustomerChanges() {
    String name = createSlr("elasticbeanstalk.amazonaws.com").roleName();
    String message = protectedMessage(name);
    expect(() -> iam.deleteRole(r -> r.roleName(name)), "UnmodifiableEntity", 400, message);
    expect(
        () -> iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(RolesIT.TRUST)),
        "UnmodifiableEntity",
        400,
        message);
    expect(
        () -> iam.updateRole(r -> r.roleName(name).maxSessionDuration(7200)),
        "UnmodifiableEntity",
        400,
        message);
    iam.createInstanceProfile(r -> r.instanceProfileName("ip"));
    expect(
        () -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ip").roleName(name)),
        "UnmodifiableEntity",
        400,
        message);
    expect(
        () -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("ip").roleName(name)),
        "UnmodifiableEntity",
        400,
        message);
    assertThat(iam.getRole(r -> r.roleName(name)).role().maxSessionDuration()).isEqualTo(3600);

    // The description is the one thing a customer may edit.
    assertThat(
            iam.updateRoleDescription(r -> r.roleName(name).description("mine"))
                .role()
                .description())
        .isEqualTo("mine");
    iam.updateRole(r -> r.roleName(name).description("again"));
    assertThat(iam.getRole(r -> r.roleName(name)).role().description()).isEqualTo("again");
  }

  @Test
  void deletionRunsAsATaskThatSucceeds() {
    String name = createSlr("elasticbeanstalk.amazonaws.com").roleName();
    String taskId = iam.deleteServiceLinkedRole(r -> r.roleName(name)).deletionTaskId();
    assertThat(taskId)
        .matches(
            "task/aws-service-role/elasticbeanstalk\\.amazonaws\\.com/AWSServiceRoleForElasticBeanstalk/"
                + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    expect(
        () -> iam.getRole(r -> r.roleName(name)),
        "NoSuchEntity",
        404,
        "The role with name " + name + " cannot be found.");
    var status = iam.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId));
    assertThat(status.status()).isEqualTo(DeletionTaskStatusType.SUCCEEDED);
    assertThat(status.reason()).isNull();

    String again = createSlr("elasticbeanstalk.amazonaws.com").roleName();
    String secondTask = iam.deleteServiceLinkedRole(r -> r.roleName(again)).deletionTaskId();
    assertThat(secondTask).isNotEqualTo(taskId);
    assertThat(iam.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId)).status())
        .isEqualTo(DeletionTaskStatusType.SUCCEEDED);
  }

  @Test
  void unknownDeletionTaskIsNoSuchEntity() {
    String id =
        "task/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk/00000000-0000-0000-0000-000000000000";
    expect(
        () -> iam.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(id)),
        "NoSuchEntity",
        404,
        "Deletion task " + id + " cannot be found.");
  }

  @Test
  void onlyServiceLinkedRolesCanBeDeletedThatWay() {
    iam.createRole(r -> r.roleName("plain").assumeRolePolicyDocument(RolesIT.TRUST));
    expect(
        () -> iam.deleteServiceLinkedRole(r -> r.roleName("plain")),
        "NoSuchEntity",
        404,
        "There is no service-linked role with name plain.");
    iam.getRole(r -> r.roleName("plain"));
    expect(
        () -> iam.deleteServiceLinkedRole(r -> r.roleName("ghost")),
        "NoSuchEntity",
        404,
        "The role with name ghost cannot be found.");
  }
}
