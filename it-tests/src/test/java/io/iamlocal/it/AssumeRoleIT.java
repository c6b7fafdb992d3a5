package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.expect;
import static io.iamlocal.it.StsTestSupport.notAuthorized;
import static io.iamlocal.it.StsTestSupport.policy;
import static io.iamlocal.it.StsTestSupport.roleArn;
import static io.iamlocal.it.StsTestSupport.session;
import static io.iamlocal.it.StsTestSupport.trust;
import static io.iamlocal.it.StsTestSupport.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/** STS AssumeRole: real temporary credentials, trust policies and the caller's policies, limits. */
class AssumeRoleIT extends WireTest {
  private static final String S3_ALL = policy("s3:*", "*");

  private Role role(String name, String trustPolicy, String permissions) {
    Role role = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustPolicy)).role();
    if (permissions != null) {
      iam.putRolePolicy(
          r -> r.roleName(name).policyName("permissions").policyDocument(permissions));
    }
    return role;
  }

  @Test
  void userWithoutPoliciesGetsS3AccessOnlyThroughTheRoleItMayAssume() {
    AccessKey alice = userWithKey("alice");
    try (S3Client s3AsAlice = StsTestSupport.s3(endpoint(), credentialsOf(alice))) {
      expect(s3AsAlice::listBuckets, "AccessDenied", 403, "Access Denied");
    }
    Role role = role("s3-admin", trust(userArn("alice")), S3_ALL);

    AssumeRoleResponse assumed;
    try (StsClient stsAsAlice = Clients.sts(endpoint(), credentialsOf(alice))) {
      assumed = stsAsAlice.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("demo"));
    }
    assertThat(assumed.assumedRoleUser().arn())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/s3-admin/demo");
    assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(role.roleId() + ":demo");
    assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
    assertThat(assumed.credentials().secretAccessKey()).hasSize(40);
    assertThat(assumed.credentials().sessionToken()).hasSizeGreaterThan(300);
    assertThat(Duration.between(Instant.now(), assumed.credentials().expiration()))
        .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));
    assertThat(assumed.packedPolicySize()).isNull();

    try (S3Client s3AsRole = StsTestSupport.s3(endpoint(), session(assumed.credentials()));
        StsClient stsAsRole = Clients.sts(endpoint(), session(assumed.credentials()))) {
      s3AsRole.createBucket(r -> r.bucket("demo-bucket"));
      assertThat(s3AsRole.listBuckets().buckets())
          .extracting(Bucket::name)
          .containsExactly("demo-bucket");
      GetCallerIdentityResponse me = stsAsRole.getCallerIdentity();
      assertThat(me.arn()).isEqualTo(assumed.assumedRoleUser().arn());
      assertThat(me.userId()).isEqualTo(role.roleId() + ":demo");
      assertThat(me.account()).isEqualTo("123456789012");
    }
    assertThat(iam.getRole(r -> r.roleName("s3-admin")).role().roleLastUsed().lastUsedDate())
        .isNotNull();

    AccessKey bob = userWithKey("bob");
    try (StsClient stsAsBob = Clients.sts(endpoint(), credentialsOf(bob))) {
      expect(
          () -> stsAsBob.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("nope")),
          "AccessDenied",
          403,
          notAuthorized(userArn("bob"), "sts:AssumeRole", role.arn()));
    }
  }

  @Test
  void trustInTheAccountDelegatesToTheCallersIdentityPolicies() {
    AccessKey carol = userWithKey("carol");
    Role role = role("account-trusted", trust("arn:aws:iam::123456789012:root"), S3_ALL);
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(carol))) {
      expect(
          () -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1")),
          "AccessDenied",
          403,
          notAuthorized(userArn("carol"), "sts:AssumeRole", role.arn()));
      iam.putUserPolicy(
          r ->
              r.userName("carol")
                  .policyName("assume")
                  .policyDocument(policy("sts:AssumeRole", role.arn())));
      assertThat(sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1")).credentials())
          .isNotNull();
    }
  }

  @Test
  void unknownRolesAndTheRootUserAreRefused() {
    AccessKey dave = userWithKey("dave");
    allow("dave", "sts:AssumeRole");
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(dave))) {
      expect(
          () -> sts.assumeRole(r -> r.roleArn(roleArn("ghost")).roleSessionName("s1")),
          "AccessDenied",
          403,
          notAuthorized(userArn("dave"), "sts:AssumeRole", roleArn("ghost")));
    }
    Role role = role("for-root", trust("arn:aws:iam::123456789012:root"), null);
    expect(
        () -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1")),
        "AccessDenied",
        403,
        "Roles may not be assumed by root accounts.");
  }

  @Test
  void externalIdConditionIsEvaluated() {
    AccessKey erin = userWithKey("erin");
    String trustPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + userArn("erin")
            + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"secret-42\"}}}]}";
    Role role = role("third-party", trustPolicy, null);
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(erin))) {
      expect(
          () -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1")),
          "AccessDenied",
          403,
          null);
      expect(
          () ->
              sts.assumeRole(
                  r -> r.roleArn(role.arn()).roleSessionName("s1").externalId("wrong-1")),
          "AccessDenied",
          403,
          null);
      assertThat(
              sts.assumeRole(
                      r -> r.roleArn(role.arn()).roleSessionName("s1").externalId("secret-42"))
                  .credentials())
          .isNotNull();
    }
  }

  @Test
  void durationIsLimitedByTheRoleAndByRoleChaining() {
    AccessKey frank = userWithKey("frank");
    Role first = role("first", trust(userArn("frank")), policy("sts:AssumeRole", "*"));
    iam.updateRole(r -> r.roleName("first").maxSessionDuration(43200));
    Role second = role("second", trust(roleArn("first")), null);
    iam.updateRole(r -> r.roleName("second").maxSessionDuration(43200));
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(frank))) {
      AssumeRoleResponse longOne =
          sts.assumeRole(
              r -> r.roleArn(first.arn()).roleSessionName("long").durationSeconds(43200));
      assertThat(Duration.between(Instant.now(), longOne.credentials().expiration()))
          .isGreaterThan(Duration.ofHours(11));
      iam.updateRole(r -> r.roleName("first").maxSessionDuration(3600));
      expect(
          () ->
              sts.assumeRole(
                  r -> r.roleArn(first.arn()).roleSessionName("s1").durationSeconds(7200)),
          "ValidationError",
          400,
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
      expect(
          () ->
              sts.assumeRole(
                  r -> r.roleArn(first.arn()).roleSessionName("s1").durationSeconds(899)),
          "ValidationError",
          400,
          "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: "
              + "Member must have value greater than or equal to 900");
      AssumeRoleResponse firstSession =
          sts.assumeRole(r -> r.roleArn(first.arn()).roleSessionName("hop1").durationSeconds(900));
      try (StsClient chained = Clients.sts(endpoint(), session(firstSession.credentials()))) {
        expect(
            () ->
                chained.assumeRole(
                    r -> r.roleArn(second.arn()).roleSessionName("hop2").durationSeconds(3601)),
            "ValidationError",
            400,
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        AssumeRoleResponse hop2 =
            chained.assumeRole(r -> r.roleArn(second.arn()).roleSessionName("hop2"));
        assertThat(hop2.assumedRoleUser().arn())
            .isEqualTo("arn:aws:sts::123456789012:assumed-role/second/hop2");
      }
    }
  }

  @Test
  void sessionPoliciesNarrowTheRolesPermissions() {
    AccessKey gina = userWithKey("gina");
    Role role = role("narrowed", trust(userArn("gina")), S3_ALL);
    AssumeRoleResponse assumed;
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(gina))) {
      assumed =
          sts.assumeRole(
              r ->
                  r.roleArn(role.arn())
                      .roleSessionName("narrow")
                      .policy(policy("s3:ListAllMyBuckets", "*")));
      expect(
          () ->
              sts.assumeRole(
                  r ->
                      r.roleArn(role.arn())
                          .roleSessionName("bad")
                          .policy("{\"Version\":\"2012-10-17\"}")),
          "MalformedPolicyDocument",
          400,
          null);
    }
    assertThat(assumed.packedPolicySize()).isBetween(1, 20);
    try (S3Client s3 = StsTestSupport.s3(endpoint(), session(assumed.credentials()))) {
      assertThat(s3.listBuckets().buckets()).isEmpty();
      expect(() -> s3.createBucket(r -> r.bucket("blocked")), "AccessDenied", 403, "Access Denied");
    }
  }

  @Test
  void sessionTagsNeedTagSessionAndFlowThroughRoleChains() {
    AccessKey hank = userWithKey("hank");
    Role tagger =
        role(
            "tagger",
            trust(userArn("hank"), "sts:AssumeRole", "sts:TagSession"),
            policy("sts:*", "*"));
    Role untagged = role("no-tags", trust(userArn("hank")), null);
    String teamOnly =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + roleArn("tagger")
            + "\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"],\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"red\"}}}]}";
    Role redTeam = role("red-team", teamOnly, null);
    Tag red = Tag.builder().key("team").value("red").build();
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(hank))) {
      expect(
          () -> sts.assumeRole(r -> r.roleArn(untagged.arn()).roleSessionName("t1").tags(red)),
          "AccessDenied",
          403,
          notAuthorized(userArn("hank"), "sts:TagSession", untagged.arn()));
      AssumeRoleResponse plain =
          sts.assumeRole(r -> r.roleArn(tagger.arn()).roleSessionName("plain"));
      try (StsClient asPlain = Clients.sts(endpoint(), session(plain.credentials()))) {
        expect(
            () -> asPlain.assumeRole(r -> r.roleArn(redTeam.arn()).roleSessionName("hop")),
            "AccessDenied",
            403,
            null);
      }
      AssumeRoleResponse tagged =
          sts.assumeRole(
              r ->
                  r.roleArn(tagger.arn())
                      .roleSessionName("tagged")
                      .tags(red)
                      .transitiveTagKeys("team"));
      assertThat(tagged.packedPolicySize()).isPositive();
      try (StsClient asTagged = Clients.sts(endpoint(), session(tagged.credentials()))) {
        assertThat(
                asTagged
                    .assumeRole(r -> r.roleArn(redTeam.arn()).roleSessionName("hop"))
                    .assumedRoleUser()
                    .arn())
            .isEqualTo("arn:aws:sts::123456789012:assumed-role/red-team/hop");
        expect(
            () ->
                asTagged.assumeRole(
                    r ->
                        r.roleArn(redTeam.arn())
                            .roleSessionName("hop")
                            .tags(Tag.builder().key("Team").value("blue").build())),
            "InvalidParameterValue",
            400,
            null);
      }
    }
  }

  @Test
  void sourceIdentityNeedsSetSourceIdentityAndIsReturned() {
    AccessKey ivan = userWithKey("ivan");
    Role plain = role("plain", trust(userArn("ivan")), null);
    Role audited =
        role("audited", trust(userArn("ivan"), "sts:AssumeRole", "sts:SetSourceIdentity"), null);
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(ivan))) {
      expect(
          () ->
              sts.assumeRole(
                  r -> r.roleArn(plain.arn()).roleSessionName("s1").sourceIdentity("ivan")),
          "AccessDenied",
          403,
          notAuthorized(userArn("ivan"), "sts:SetSourceIdentity", plain.arn()));
      assertThat(
              sts.assumeRole(
                      r -> r.roleArn(audited.arn()).roleSessionName("s1").sourceIdentity("ivan"))
                  .sourceIdentity())
          .isEqualTo("ivan");
    }
  }

  @Test
  void mfaConditionsSeeTheVerifiedCode() {
    AccessKey judy = userWithKey("judy");
    VirtualMFADevice device =
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("judy-phone")).virtualMFADevice();
    TotpCodes codes = new TotpCodes(device.base32StringSeed().asUtf8String());
    long step = TotpCodes.stepNow();
    iam.enableMFADevice(
        r ->
            r.userName("judy")
                .serialNumber(device.serialNumber())
                .authenticationCode1(codes.at(step - 2))
                .authenticationCode2(codes.at(step - 1)));
    String mfaTrust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + userArn("judy")
            + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
    Role role = role("needs-mfa", mfaTrust, null);
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(judy))) {
      expect(
          () -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1")),
          "AccessDenied",
          403,
          notAuthorized(userArn("judy"), "sts:AssumeRole", role.arn()));
      expect(
          () ->
              sts.assumeRole(
                  r ->
                      r.roleArn(role.arn())
                          .roleSessionName("s1")
                          .serialNumber(device.serialNumber())
                          .tokenCode("000000")),
          "AccessDenied",
          403,
          "MultiFactorAuthentication failed with invalid MFA one time pass code.");
      expect(
          () ->
              sts.assumeRole(
                  r ->
                      r.roleArn(role.arn())
                          .roleSessionName("s1")
                          .serialNumber("arn:aws:iam::123456789012:mfa/nobody")
                          .tokenCode("123456")),
          "AccessDenied",
          403,
          "MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.");
      assertThat(
              sts.assumeRole(
                      r ->
                          r.roleArn(role.arn())
                              .roleSessionName("s1")
                              .serialNumber(device.serialNumber())
                              .tokenCode(codes.at(step)))
                  .credentials())
          .isNotNull();
    }
  }

  @Test
  void deletingTheRoleTakesItsSessionsPermissionsAway() {
    AccessKey kate = userWithKey("kate");
    Role role = role("short-lived", trust(userArn("kate")), S3_ALL);
    AssumeRoleResponse assumed;
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(kate))) {
      assumed = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1"));
    }
    try (S3Client s3 = StsTestSupport.s3(endpoint(), session(assumed.credentials()))) {
      assertThat(s3.listBuckets().buckets()).isEmpty();
      iam.deleteRolePolicy(r -> r.roleName("short-lived").policyName("permissions"));
      iam.deleteRole(r -> r.roleName("short-lived"));
      expect(s3::listBuckets, "AccessDenied", 403, "Access Denied");
    }
  }

  @Test
  void packedPolicyTooLargeIsRefused() {
    AccessKey leo = userWithKey("leo");
    Role role = role("packed", trust(userArn("leo")), S3_ALL);
    StringBuilder statements = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 100; i++) {
      statements
          .append(i == 0 ? "" : ",")
          .append("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::")
          .append(Long.toHexString(random.nextLong()))
          .append(Long.toHexString(random.nextLong()))
          .append("/*\"}");
    }
    String big = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(leo))) {
      software.amazon.awssdk.awscore.exception.AwsServiceException e =
          expect(
              () -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1").policy(big)),
              "PackedPolicyTooLarge",
              400,
              null);
      assertThat(e.awsErrorDetails().errorMessage())
          .matches("Packed policy consumes \\d+% of allotted space, please use smaller policy\\.");
    }
  }
}
