package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;

/**
 * The region in the credential scope selects the partition, as in AWS: clients configured for
 * {@code cn-north-1} see {@code arn:aws-cn:…} everywhere, those for {@code us-gov-west-1} {@code
 * arn:aws-us-gov:…}, and an ARN of another partition neither matches nor is accepted.
 */
class PartitionsIT extends WireTest {
  private static final String ACCOUNT = "123456789012";
  private static final Region CHINA = Region.CN_NORTH_1;
  private IamClient cnIam;

  @BeforeEach
  void chinaClients() {
    cnIam = iamIn(CHINA, Clients.root());
  }

  @AfterEach
  void closeChinaClients() {
    cnIam.close();
  }

  private IamClient iamIn(Region region, AwsCredentials credentials) {
    return Clients.iam(endpoint(), credentials, region);
  }

  private StsClient stsIn(Region region, AwsCredentials credentials) {
    return Clients.sts(endpoint(), credentials, region);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "us-east-1, aws",
    "eu-west-1, aws",
    "cn-north-1, aws-cn",
    "cn-northwest-1, aws-cn",
    "us-gov-west-1, aws-us-gov",
    "us-gov-east-1, aws-us-gov",
    "us-iso-east-1, aws-iso",
    "us-isob-east-1, aws-iso-b",
    "eu-isoe-west-1, aws-iso-e",
    "us-isof-south-1, aws-iso-f",
    "eusc-de-east-1, aws-eusc"
  })
  void callerIdentityIsInTheSigningRegionsPartition(String region, String partition) {
    try (StsClient regional = stsIn(Region.of(region), Clients.root())) {
      GetCallerIdentityResponse me = regional.getCallerIdentity();
      assertThat(me.arn()).isEqualTo("arn:" + partition + ":iam::" + ACCOUNT + ":root");
      assertThat(me.account()).isEqualTo(ACCOUNT);
    }
  }

  @Test
  void entitiesCarryThePartition() {
    String prefix = "arn:aws-cn:iam::" + ACCOUNT + ":";
    assertThat(cnIam.createUser(r -> r.userName("alice").path("/team/")).user().arn())
        .isEqualTo(prefix + "user/team/alice");
    assertThat(cnIam.createGroup(r -> r.groupName("devs")).group().arn())
        .isEqualTo(prefix + "group/devs");
    assertThat(
            cnIam
                .createRole(
                    r ->
                        r.roleName("app")
                            .assumeRolePolicyDocument(StsTestSupport.trust(prefix + "root")))
                .role()
                .arn())
        .isEqualTo(prefix + "role/app");
    assertThat(
            cnIam.createInstanceProfile(r -> r.instanceProfileName("web")).instanceProfile().arn())
        .isEqualTo(prefix + "instance-profile/web");
    assertThat(
            cnIam
                .createVirtualMFADevice(r -> r.virtualMFADeviceName("phone"))
                .virtualMFADevice()
                .serialNumber())
        .isEqualTo(prefix + "mfa/phone");
    assertThat(
            cnIam
                .createOpenIDConnectProvider(
                    r ->
                        r.url("https://token.actions.githubusercontent.com")
                            .clientIDList("sts.amazonaws.com")
                            .thumbprintList("6938fd4d98bab03faadb97b34396831e3780aea1"))
                .openIDConnectProviderArn())
        .isEqualTo(prefix + "oidc-provider/token.actions.githubusercontent.com");
    assertThat(cnIam.getUser().user().arn()).isEqualTo(prefix + "root");
  }

  @Test
  void serviceLinkedRoleInGovCloud() {
    try (IamClient gov = iamIn(Region.US_GOV_WEST_1, Clients.root())) {
      assertThat(
              gov.createServiceLinkedRole(r -> r.awsServiceName("elasticbeanstalk.amazonaws.com"))
                  .role()
                  .arn())
          .isEqualTo(
              "arn:aws-us-gov:iam::"
                  + ACCOUNT
                  + ":role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk");
    }
  }

  /** A China user allowed every STS action (root may not assume roles), with its key. */
  private AccessKey chinaStsUser(String name) {
    cnIam.createUser(r -> r.userName(name));
    cnIam.putUserPolicy(
        r ->
            r.userName(name).policyName("sts").policyDocument(StsTestSupport.policy("sts:*", "*")));
    return cnIam.createAccessKey(r -> r.userName(name)).accessKey();
  }

  @Test
  void stsSessionsCarryThePartition() {
    AccessKey key = chinaStsUser("ci");
    String roleId =
        cnIam
            .createRole(
                r ->
                    r.roleName("deployer")
                        .assumeRolePolicyDocument(
                            StsTestSupport.trust("arn:aws-cn:iam::" + ACCOUNT + ":root")))
            .role()
            .roleId();
    try (StsClient asCi = stsIn(CHINA, credentialsOf(key))) {
      assertThat(asCi.getCallerIdentity().arn())
          .isEqualTo("arn:aws-cn:iam::" + ACCOUNT + ":user/ci");
      AssumeRoleResponse assumed =
          asCi.assumeRole(
              r ->
                  r.roleArn("arn:aws-cn:iam::" + ACCOUNT + ":role/deployer")
                      .roleSessionName("run1")
                      .policy(
                          StsTestSupport.policy("s3:ListBucket", "arn:aws-cn:s3:::foobar-tester")));
      assertThat(assumed.assumedRoleUser().arn())
          .isEqualTo("arn:aws-cn:sts::" + ACCOUNT + ":assumed-role/deployer/run1");
      assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(roleId + ":run1");
      try (StsClient asSession = stsIn(CHINA, StsTestSupport.session(assumed.credentials()))) {
        assertThat(asSession.getCallerIdentity().arn()).isEqualTo(assumed.assumedRoleUser().arn());
      }
      GetFederationTokenResponse fed =
          asCi.getFederationToken(r -> r.name("Bob").policy(StsTestSupport.policy("s3:*", "*")));
      assertThat(fed.federatedUser().arn())
          .isEqualTo("arn:aws-cn:sts::" + ACCOUNT + ":federated-user/Bob");
    }
  }

  @Test
  void principalsOfAnotherPartitionAreInvalid() {
    // IAM in GovCloud answers a trust policy naming "arn:aws:…:root" so (users' reports); S3 alike
    // for bucket policies.
    String foreign = "arn:aws:iam::" + ACCOUNT + ":root";
    IamErrors.expect(
        () ->
            cnIam.createRole(
                r -> r.roleName("legacy").assumeRolePolicyDocument(StsTestSupport.trust(foreign))),
        "MalformedPolicyDocument",
        400,
        "Invalid principal in policy: \"AWS\":\"" + foreign + "\"");
    AccessKey key = chinaStsUser("ci");
    cnIam.createRole(
        r -> r.roleName("own").assumeRolePolicyDocument(StsTestSupport.trust(ACCOUNT)));
    try (StsClient asCi = stsIn(CHINA, credentialsOf(key))) {
      // A role ARN of another partition names no role here.
      StsTestSupport.expect(
          () ->
              asCi.assumeRole(
                  r -> r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/own").roleSessionName("s1")),
          "AccessDenied",
          403,
          StsTestSupport.notAuthorized(
              "arn:aws-cn:iam::" + ACCOUNT + ":user/ci",
              "sts:AssumeRole",
              "arn:aws:iam::" + ACCOUNT + ":role/own"));
      assertThat(
              asCi.assumeRole(
                      r ->
                          r.roleArn("arn:aws-cn:iam::" + ACCOUNT + ":role/own")
                              .roleSessionName("s1"))
                  .assumedRoleUser()
                  .arn())
          .isEqualTo("arn:aws-cn:sts::" + ACCOUNT + ":assumed-role/own/s1");
    }
  }

  @Test
  void awsManagedPoliciesUseThePartitionsArns() {
    cnIam.createUser(r -> r.userName("reader"));
    String arn = "arn:aws-cn:iam::aws:policy/IAMReadOnlyAccess";
    assertThat(cnIam.getPolicy(r -> r.policyArn(arn)).policy().arn()).isEqualTo(arn);
    cnIam.attachUserPolicy(r -> r.userName("reader").policyArn(arn));
    List<AttachedPolicy> attached =
        cnIam.listAttachedUserPolicies(r -> r.userName("reader")).attachedPolicies();
    assertThat(attached).extracting(AttachedPolicy::policyArn).containsExactly(arn);
    assertThat(cnIam.listPolicies(r -> r.scope("AWS").maxItems(3)).policies())
        .allSatisfy(p -> assertThat(p.arn()).startsWith("arn:aws-cn:iam::aws:policy/"));

    // AWS's answer to an aws-partition policy ARN from a China or GovCloud account (users'
    // reports).
    IamErrors.expect(
        () ->
            cnIam.attachUserPolicy(
                r -> r.userName("reader").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess")),
        "ValidationError",
        400,
        "Invalid ARN partition");
    // ...and the other way round: the aws partition refuses an aws-cn ARN alike.
    iam.createUser(r -> r.userName("reader"));
    IamErrors.expect(
        () -> iam.attachUserPolicy(r -> r.userName("reader").policyArn(arn)),
        "ValidationError",
        400,
        "Invalid ARN partition");
  }

  @Test
  void policyDocumentsMustNameTheAccountsPartition() {
    IamErrors.expect(
        () ->
            cnIam.createPolicy(
                r ->
                    r.policyName("p")
                        .policyDocument(StsTestSupport.policy("s3:GetObject", "arn:aws:s3:::b/*"))),
        "MalformedPolicyDocument",
        400,
        "Partition \"aws\" is not valid for resource \"arn:aws:s3:::b/*\".");
    assertThat(
            cnIam
                .createPolicy(
                    r ->
                        r.policyName("p")
                            .policyDocument(
                                StsTestSupport.policy("s3:GetObject", "arn:aws-cn:s3:::b/*")))
                .policy()
                .arn())
        .isEqualTo("arn:aws-cn:iam::" + ACCOUNT + ":policy/p");
    cnIam.createUser(r -> r.userName("u"));
    IamErrors.expect(
        () ->
            cnIam.putUserPolicy(
                r ->
                    r.userName("u")
                        .policyName("i")
                        .policyDocument(
                            StsTestSupport.policy(
                                "iam:GetUser", "arn:aws:iam::" + ACCOUNT + ":user/*"))),
        "MalformedPolicyDocument",
        400,
        "Partition \"aws\" is not valid for resource \"arn:aws:iam::" + ACCOUNT + ":user/*\".");
  }

  @Test
  void enforcementMatchesResourcesOfThePartition() {
    cnIam.createUser(r -> r.userName("narrow"));
    AccessKey key = cnIam.createAccessKey(r -> r.userName("narrow")).accessKey();
    cnIam.putUserPolicy(
        r ->
            r.userName("narrow")
                .policyName("own")
                .policyDocument(
                    StsTestSupport.policy(
                        "iam:GetUser", "arn:aws-cn:iam::" + ACCOUNT + ":user/narrow")));
    cnIam.createUser(r -> r.userName("other"));
    try (IamClient asNarrow = iamIn(CHINA, credentialsOf(key))) {
      assertThat(asNarrow.getUser(r -> r.userName("narrow")).user().arn())
          .isEqualTo("arn:aws-cn:iam::" + ACCOUNT + ":user/narrow");
      IamErrors.expect(
          () -> asNarrow.getUser(r -> r.userName("other")),
          "AccessDenied",
          403,
          StsTestSupport.notAuthorized(
                  "arn:aws-cn:iam::" + ACCOUNT + ":user/narrow",
                  "iam:GetUser",
                  "arn:aws-cn:iam::" + ACCOUNT + ":user/other")
              + " because no identity-based policy allows the iam:GetUser action");
    }
  }

  @Test
  void s3ResourcesCarryThePartition() {
    try (S3Client s3 = StsTestSupport.s3(endpoint(), Clients.root(), CHINA)) {
      s3.createBucket(r -> r.bucket("cn-bucket"));
      String grant =
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws-cn:iam::"
              + ACCOUNT
              + ":root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws-cn:s3:::cn-bucket/*\"}]}";
      s3.putBucketPolicy(r -> r.bucket("cn-bucket").policy(grant));
      assertThat(s3.getBucketPolicy(r -> r.bucket("cn-bucket")).policy()).isEqualTo(grant);
      StsTestSupport.expect(
          () ->
              s3.putBucketPolicy(
                  r -> r.bucket("cn-bucket").policy(grant.replace("arn:aws-cn:s3", "arn:aws:s3"))),
          "MalformedPolicy",
          400,
          "Policy has invalid resource");
    }
  }

  @Test
  void partitionsKeepSeparateEntities() {
    cnIam.createUser(r -> r.userName("only-in-china"));
    IamErrors.expect(
        () -> iam.getUser(r -> r.userName("only-in-china")),
        "NoSuchEntity",
        404,
        "The user with name only-in-china cannot be found.");
    assertThat(iam.getUser().user().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
  }
}
