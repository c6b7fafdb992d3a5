package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.expect;
import static io.iamlocal.it.StsTestSupport.notAuthorized;
import static io.iamlocal.it.StsTestSupport.policy;
import static io.iamlocal.it.StsTestSupport.session;
import static io.iamlocal.it.StsTestSupport.trust;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The IAM User Guide's walk-through "Delegate access across AWS accounts using IAM roles", end to
 * end: a Production account (999999999999) owns the bucket {@code productionapp} and the role
 * {@code UpdateApp} trusting the Development account (111111111111); developers there may assume
 * it, testers may not. Both accounts come into being through their 12-digit root access key IDs.
 */
class CrossAccountIT extends WireTest {
  private static final String PROD = "999999999999";
  private static final String DEV = "111111111111";
  private static final String ROLE_ARN = "arn:aws:iam::" + PROD + ":role/UpdateApp";
  private IamClient prod;
  private IamClient dev;

  @BeforeEach
  void twoAccounts() {
    prod = Clients.iam(endpoint(), rootOf(PROD));
    dev = Clients.iam(endpoint(), rootOf(DEV));
  }

  @AfterEach
  void closeAccountClients() {
    prod.close();
    dev.close();
  }

  private static AwsCredentials rootOf(String account) {
    return AwsBasicCredentials.create(account, "test");
  }

  /** Step 1 (Production): the bucket, and the role with its trust and permissions policies. */
  private void productionRole() {
    try (S3Client s3 = StsTestSupport.s3(endpoint(), rootOf(PROD))) {
      s3.createBucket(r -> r.bucket("productionapp"));
      s3.putObject(r -> r.bucket("productionapp").key("app.cfg"), RequestBody.fromString("v1"));
    }
    prod.createRole(
        r ->
            r.roleName("UpdateApp")
                .assumeRolePolicyDocument(trust("arn:aws:iam::" + DEV + ":root")));
    prod.putRolePolicy(
        r ->
            r.roleName("UpdateApp")
                .policyName("read-write-app-bucket")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:GetBucketLocation\"],\"Resource\":\"arn:aws:s3:::productionapp\"},"
                        + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:DeleteObject\"],"
                        + "\"Resource\":\"arn:aws:s3:::productionapp/*\"}]}"));
  }

  /** Step 2 (Development): developers may assume the role, testers have no such permission. */
  private AccessKey developer(String name, boolean mayAssume) {
    String group = mayAssume ? "Developers" : "Testers";
    if (dev.listGroups().groups().stream().noneMatch(g -> g.groupName().equals(group))) {
      dev.createGroup(r -> r.groupName(group));
      if (mayAssume) {
        dev.putGroupPolicy(
            r ->
                r.groupName(group)
                    .policyName("allow-assume-UpdateApp")
                    .policyDocument(policy("sts:AssumeRole", ROLE_ARN)));
      }
    }
    dev.createUser(r -> r.userName(name));
    dev.addUserToGroup(r -> r.groupName(group).userName(name));
    return dev.createAccessKey(r -> r.userName(name)).accessKey();
  }

  @Test
  void developerAssumesTheProductionRoleAndUpdatesTheBucket() {
    productionRole();
    AccessKey david = developer("David", true);
    AssumeRoleResponse assumed;
    try (StsClient davidSts = Clients.sts(endpoint(), credentialsOf(david))) {
      assertThat(davidSts.getCallerIdentity().account()).isEqualTo(DEV);
      assumed = davidSts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("david"));
      assertThat(assumed.assumedRoleUser().arn())
          .isEqualTo("arn:aws:sts::" + PROD + ":assumed-role/UpdateApp/david");
      Credentials c = assumed.credentials();
      try (StsClient asRole = Clients.sts(endpoint(), session(c));
          S3Client s3 = StsTestSupport.s3(endpoint(), session(c))) {
        assertThat(asRole.getCallerIdentity().account()).isEqualTo(PROD);
        assertThat(s3.listBuckets().buckets())
            .extracting(b -> b.name())
            .containsExactly("productionapp");
        s3.putObject(r -> r.bucket("productionapp").key("app.cfg"), RequestBody.fromString("v2"));
        assertThat(
                s3.getObjectAsBytes(r -> r.bucket("productionapp").key("app.cfg")).asUtf8String())
            .isEqualTo("v2");
        // The role grants nothing else: not even reading IAM in the Production account.
        try (IamClient asRoleIam = Clients.iam(endpoint(), session(c))) {
          expect(asRoleIam::listUsers, "AccessDenied", 403, null);
        }
      }
    }
    Credentials c = assumed.credentials();
    // GetAccessKeyInfo knows both keys' accounts, asked from any account.
    assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(c.accessKeyId())).account()).isEqualTo(PROD);
    assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(david.accessKeyId())).account())
        .isEqualTo(DEV);
    // CloudTrail logs the cross-account AssumeRole in both accounts.
    for (String account : new String[] {PROD, DEV}) {
      try (CloudTrailClient trail =
          CloudTrailClient.builder()
              .endpointOverride(endpoint())
              .region(Region.US_EAST_1)
              .credentialsProvider(StaticCredentialsProvider.create(rootOf(account)))
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .build()) {
        assertThat(
                trail
                    .lookupEvents(
                        r ->
                            r.lookupAttributes(
                                a -> a.attributeKey("EventName").attributeValue("AssumeRole")))
                    .events())
            .as(account)
            .hasSize(1);
      }
    }
    // David's own credentials reach nothing in the Production bucket.
    try (S3Client s3 = StsTestSupport.s3(endpoint(), credentialsOf(david))) {
      expect(
          () -> s3.getObject(r -> r.bucket("productionapp").key("app.cfg")),
          "AccessDenied",
          403,
          "Access Denied");
    }
  }

  @Test
  void testerWithoutAnIdentityPolicyIsRefusedAlthoughTheTrustPolicyNamesTheAccount() {
    productionRole();
    AccessKey theresa = developer("Theresa", false);
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(theresa))) {
      expect(
          () -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("t-session")),
          "AccessDenied",
          403,
          notAuthorized("arn:aws:iam::" + DEV + ":user/Theresa", "sts:AssumeRole", ROLE_ARN));
    }
  }

  @Test
  void anIdentityPolicyAloneIsNotEnoughWhenTheTrustPolicyNamesAnotherAccount() {
    prod.createRole(
        r ->
            r.roleName("UpdateApp")
                .assumeRolePolicyDocument(trust("arn:aws:iam::222222222222:root")));
    AccessKey david = developer("David", true);
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(david))) {
      expect(
          () -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("d-session")),
          "AccessDenied",
          403,
          notAuthorized("arn:aws:iam::" + DEV + ":user/David", "sts:AssumeRole", ROLE_ARN));
      // A role of an account that does not exist is refused the same way.
      String missing = "arn:aws:iam::333333333333:role/UpdateApp";
      expect(
          () -> sts.assumeRole(r -> r.roleArn(missing).roleSessionName("d-session")),
          "AccessDenied",
          403,
          notAuthorized("arn:aws:iam::" + DEV + ":user/David", "sts:AssumeRole", missing));
    }
  }

  @Test
  void aPermissionsBoundaryOnTheCallerLimitsCrossAccountAssumeRole() {
    productionRole();
    AccessKey david = developer("David", true);
    dev.createPolicy(r -> r.policyName("only-iam-reads").policyDocument(policy("iam:Get*", "*")));
    dev.putUserPermissionsBoundary(
        r ->
            r.userName("David")
                .permissionsBoundary("arn:aws:iam::" + DEV + ":policy/only-iam-reads"));
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(david))) {
      expect(
          () -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("d-session")),
          "AccessDenied",
          403,
          null);
    }
  }

  @Test
  void externalIdMustMatchTheTrustPolicyCondition() {
    prod.createRole(
        r ->
            r.roleName("UpdateApp")
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                        + DEV
                        + "\"},"
                        + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"Unique-ID-1234\"}}}]}"));
    AccessKey david = developer("David", true);
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(david))) {
      String refused =
          notAuthorized("arn:aws:iam::" + DEV + ":user/David", "sts:AssumeRole", ROLE_ARN);
      expect(
          () -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("d-session")),
          "AccessDenied",
          403,
          refused);
      expect(
          () ->
              sts.assumeRole(
                  r -> r.roleArn(ROLE_ARN).roleSessionName("d-session").externalId("wrong-id")),
          "AccessDenied",
          403,
          refused);
      assertThat(
              sts.assumeRole(
                      r ->
                          r.roleArn(ROLE_ARN)
                              .roleSessionName("d-session")
                              .externalId("Unique-ID-1234"))
                  .credentials())
          .isNotNull();
    }
  }

  @Test
  void roleChainingAcrossAccountsIsLimitedToOneHour() {
    productionRole();
    prod.putRolePolicy(
        r ->
            r.roleName("UpdateApp")
                .policyName("chain")
                .policyDocument(policy("sts:AssumeRole", "*")));
    dev.createRole(r -> r.roleName("Back").assumeRolePolicyDocument(trust(ROLE_ARN)));
    AccessKey david = developer("David", true);
    Credentials first;
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(david))) {
      first = sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("d-session")).credentials();
    }
    String back = "arn:aws:iam::" + DEV + ":role/Back";
    try (StsClient sts = Clients.sts(endpoint(), session(first))) {
      expect(
          () ->
              sts.assumeRole(
                  r -> r.roleArn(back).roleSessionName("b-session").durationSeconds(7200)),
          "ValidationError",
          400,
          "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
      Credentials second =
          sts.assumeRole(r -> r.roleArn(back).roleSessionName("b-session")).credentials();
      try (StsClient again = Clients.sts(endpoint(), session(second))) {
        assertThat(again.getCallerIdentity().arn())
            .isEqualTo("arn:aws:sts::" + DEV + ":assumed-role/Back/b-session");
      }
    }
  }

  @Test
  void rootUsersMayNotAssumeRolesOfOtherAccounts() {
    productionRole();
    try (StsClient sts = Clients.sts(endpoint(), rootOf(DEV))) {
      expect(
          () -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("r-session")),
          "AccessDenied",
          403,
          "Roles may not be assumed by root accounts.");
    }
  }

  @Test
  void accountsKeepTheirOwnEntitiesAndTheDefaultAccountIsUnchanged() {
    prod.createUser(r -> r.userName("ops"));
    dev.createUser(r -> r.userName("ops"));
    dev.createUser(r -> r.userName("dev-only"));
    assertThat(prod.listUsers().users())
        .extracting(u -> u.arn())
        .containsExactly("arn:aws:iam::" + PROD + ":user/ops");
    assertThat(dev.listUsers().users()).hasSize(2);
    assertThat(iam.listUsers().users()).isEmpty();
    assertThat(sts.getCallerIdentity().account()).isEqualTo(StsTestSupport.ACCOUNT);
    dev.createAccountAlias(r -> r.accountAlias("development"));
    assertThat(prod.listAccountAliases().accountAliases()).isEmpty();
    server.reset();
    assertThat(dev.listUsers().users()).isEmpty();
  }

  @Test
  void bucketPolicyGrantsAnotherAccountWhoseIdentityPoliciesMustAllowToo() {
    try (S3Client owner = StsTestSupport.s3(endpoint(), rootOf(PROD))) {
      owner.createBucket(r -> r.bucket("shared-data"));
      owner.putObject(
          r -> r.bucket("shared-data").key("report.csv"), RequestBody.fromString("a,b"));
      owner.putObject(
          r -> r.bucket("shared-data").key("private/keys"), RequestBody.fromString("k"));
      owner.putBucketPolicy(
          r ->
              r.bucket("shared-data")
                  .policy(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                          + "\"Principal\":{\"AWS\":\"arn:aws:iam::"
                          + DEV
                          + ":root\"},\"Action\":\"s3:GetObject\","
                          + "\"Resource\":\"arn:aws:s3:::shared-data/report.csv\"}]}"));
    }
    dev.createUser(r -> r.userName("analyst"));
    AccessKey analyst = dev.createAccessKey(r -> r.userName("analyst")).accessKey();
    dev.createUser(r -> r.userName("intern"));
    AccessKey intern = dev.createAccessKey(r -> r.userName("intern")).accessKey();
    dev.putUserPolicy(
        r ->
            r.userName("analyst")
                .policyName("read")
                .policyDocument(policy("s3:GetObject", "arn:aws:s3:::shared-data/*")));
    try (S3Client s3 = StsTestSupport.s3(endpoint(), credentialsOf(analyst))) {
      assertThat(s3.getObjectAsBytes(r -> r.bucket("shared-data").key("report.csv")).asUtf8String())
          .isEqualTo("a,b");
      // Allowed by the analyst's policy, but the bucket policy grants only report.csv.
      expect(
          () -> s3.getObject(r -> r.bucket("shared-data").key("private/keys")),
          "AccessDenied",
          403,
          "Access Denied");
      expect(
          () -> s3.putObject(r -> r.bucket("shared-data").key("x"), RequestBody.fromString("x")),
          "AccessDenied",
          403,
          "Access Denied");
    }
    try (S3Client s3 = StsTestSupport.s3(endpoint(), credentialsOf(intern))) {
      // Granted by the bucket policy, but the intern's own policies allow nothing.
      expect(
          () -> s3.getObject(r -> r.bucket("shared-data").key("report.csv")),
          "AccessDenied",
          403,
          "Access Denied");
    }
    try (S3Client s3 = StsTestSupport.s3(endpoint(), rootOf(DEV))) {
      assertThat(s3.getObjectAsBytes(r -> r.bucket("shared-data").key("report.csv")).asUtf8String())
          .isEqualTo("a,b");
      expect(
          () -> s3.getObject(r -> r.bucket("shared-data").key("private/keys")),
          "AccessDenied",
          403,
          "Access Denied");
      // Bucket names are global: another account cannot take it, and its own bucket list stays
      // empty.
      expect(() -> s3.createBucket(r -> r.bucket("shared-data")), "BucketAlreadyExists", 409, null);
      assertThat(s3.listBuckets().buckets()).isEmpty();
    }
  }

  @Test
  void theSignedRegionPicksThePartitionWhichHasItsOwnAccounts() {
    dev.createUser(r -> r.userName("in-aws"));
    try (IamClient china =
            IamClient.builder()
                .endpointOverride(endpoint())
                .region(Region.CN_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(rootOf(DEV)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        StsClient chinaSts =
            StsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.CN_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(rootOf(DEV)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
      assertThat(chinaSts.getCallerIdentity().account()).isEqualTo(DEV);
      assertThat(china.listUsers().users()).isEmpty();
      china.createUser(r -> r.userName("in-china"));
      assertThat(china.listUsers().users())
          .extracting(u -> u.userName())
          .containsExactly("in-china");
    }
    assertThat(dev.listUsers().users()).extracting(u -> u.userName()).containsExactly("in-aws");
  }

  @Test
  void keysIssuedHereEncodeTheirAccount() {
    dev.createUser(r -> r.userName("k"));
    AccessKey key = dev.createAccessKey(r -> r.userName("k")).accessKey();
    dev.deleteAccessKey(r -> r.userName("k").accessKeyId(key.accessKeyId()));
    // The key no longer exists anywhere: the account comes from its ID alone, as AWS decodes it.
    assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(key.accessKeyId())).account())
        .isEqualTo(DEV);
    assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
  }
}
