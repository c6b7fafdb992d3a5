package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.expect;
import static io.iamlocal.it.StsTestSupport.notAuthorized;
import static io.iamlocal.it.StsTestSupport.policy;
import static io.iamlocal.it.StsTestSupport.session;
import static io.iamlocal.it.StsTestSupport.trust;
import static io.iamlocal.it.StsTestSupport.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;

/**
 * GetSessionToken and GetFederationToken: who the credentials are, what they may do, their limits.
 */
class SessionTokensIT extends WireTest {

  @Test
  void sessionTokenKeepsTheUsersIdentityButNotItsIamAccessWithoutMfa() {
    AccessKey alice = userWithKey("alice");
    allow("alice", "iam:ListUsers", "sts:AssumeRole");
    iam.createRole(r -> r.roleName("target").assumeRolePolicyDocument(trust(userArn("alice"))));
    Credentials credentials;
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(alice))) {
      credentials = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
    }
    assertThat(credentials.accessKeyId()).startsWith("ASIA");
    assertThat(Duration.between(Instant.now(), credentials.expiration()))
        .isBetween(Duration.ofMinutes(13), Duration.ofMinutes(16));
    try (StsClient sts = Clients.sts(endpoint(), session(credentials));
        IamClient iamAsSession = Clients.iam(endpoint(), session(credentials))) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo(userArn("alice"));
      expect(
          iamAsSession::listUsers,
          "InvalidClientTokenId",
          403,
          "The security token included in the request is invalid.");
      expect(
          () -> sts.getSessionToken(),
          "AccessDenied",
          403,
          "Cannot call GetSessionToken with session credentials");
      expect(
          () -> sts.getFederationToken(r -> r.name("fed")),
          "AccessDenied",
          403,
          "Cannot call GetFederationToken with session credentials");
      expect(
          () -> sts.getAccessKeyInfo(r -> r.accessKeyId(credentials.accessKeyId())),
          "AccessDenied",
          403,
          null);
      assertThat(
              sts.assumeRole(
                      r ->
                          r.roleArn(StsTestSupport.roleArn("target"))
                              .roleSessionName("from-session"))
                  .credentials())
          .isNotNull();
    }
  }

  @Test
  void mfaSessionTokensMayCallIam() {
    AccessKey bob = userWithKey("bob");
    allow("bob", "iam:ListUsers");
    VirtualMFADevice device =
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("bob-phone")).virtualMFADevice();
    TotpCodes codes = new TotpCodes(device.base32StringSeed().asUtf8String());
    long step = TotpCodes.stepNow();
    iam.enableMFADevice(
        r ->
            r.userName("bob")
                .serialNumber(device.serialNumber())
                .authenticationCode1(codes.at(step - 2))
                .authenticationCode2(codes.at(step - 1)));
    Credentials credentials;
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(bob))) {
      expect(
          () -> sts.getSessionToken(r -> r.serialNumber(device.serialNumber()).tokenCode("000000")),
          "AccessDenied",
          403,
          "MultiFactorAuthentication failed with invalid MFA one time pass code.");
      credentials =
          sts.getSessionToken(r -> r.serialNumber(device.serialNumber()).tokenCode(codes.at(step)))
              .credentials();
    }
    try (IamClient iamAsSession = Clients.iam(endpoint(), session(credentials))) {
      assertThat(iamAsSession.listUsers().users())
          .extracting(u -> u.userName())
          .containsExactly("bob");
    }
  }

  @Test
  void rootSessionTokensLastAtMostAnHour() {
    Credentials credentials = sts.getSessionToken(r -> r.durationSeconds(129600)).credentials();
    assertThat(Duration.between(Instant.now(), credentials.expiration()))
        .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));
    try (StsClient asRootSession = Clients.sts(endpoint(), session(credentials))) {
      assertThat(asRootSession.getCallerIdentity().arn())
          .isEqualTo("arn:aws:iam::123456789012:root");
    }
  }

  @Test
  void federatedUsersGetTheIntersectionOfTheUsersPoliciesAndTheSessionPolicy() {
    AccessKey carol = userWithKey("carol");
    iam.putUserPolicy(
        r ->
            r.userName("carol")
                .policyName("s3-and-federation")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"sts:GetFederationToken\"],\"Resource\":\"*\"}]}"));
    GetFederationTokenResponse token;
    GetFederationTokenResponse withoutPolicy;
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(carol))) {
      token =
          sts.getFederationToken(
              r ->
                  r.name("carol-app")
                      .policy(policy("s3:ListAllMyBuckets", "*"))
                      .durationSeconds(900));
      withoutPolicy = sts.getFederationToken(r -> r.name("bare"));
      expect(
          () -> sts.getFederationToken(r -> r.name("x")),
          "ValidationError",
          400,
          "1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2");
    }
    assertThat(token.federatedUser().arn())
        .isEqualTo("arn:aws:sts::123456789012:federated-user/carol-app");
    assertThat(token.federatedUser().federatedUserId()).isEqualTo("123456789012:carol-app");
    assertThat(token.packedPolicySize()).isPositive();
    assertThat(Duration.between(Instant.now(), withoutPolicy.credentials().expiration()))
        .isGreaterThan(Duration.ofHours(11));
    try (S3Client s3 = StsTestSupport.s3(endpoint(), session(token.credentials()));
        StsClient sts = Clients.sts(endpoint(), session(token.credentials()));
        IamClient iamAsFederated = Clients.iam(endpoint(), session(token.credentials()))) {
      assertThat(s3.listBuckets().buckets()).isEmpty();
      expect(
          () -> s3.createBucket(r -> r.bucket("not-allowed")),
          "AccessDenied",
          403,
          "Access Denied");
      assertThat(sts.getCallerIdentity().userId()).isEqualTo("123456789012:carol-app");
      expect(iamAsFederated::listUsers, "InvalidClientTokenId", 403, null);
    }
    try (S3Client s3 = StsTestSupport.s3(endpoint(), session(withoutPolicy.credentials()))) {
      expect(s3::listBuckets, "AccessDenied", 403, "Access Denied");
    }
  }

  @Test
  void getFederationTokenNeedsPermission() {
    AccessKey dave = userWithKey("dave");
    try (StsClient sts = Clients.sts(endpoint(), credentialsOf(dave))) {
      expect(
          () -> sts.getFederationToken(r -> r.name("partner")),
          "AccessDenied",
          403,
          notAuthorized(
              userArn("dave"),
              "sts:GetFederationToken",
              "arn:aws:sts::123456789012:federated-user/partner"));
    }
    GetFederationTokenResponse rootToken =
        sts.getFederationToken(r -> r.name("root-fed").policy(policy("s3:*", "*")));
    assertThat(Duration.between(Instant.now(), rootToken.credentials().expiration()))
        .isLessThanOrEqualTo(Duration.ofHours(1));
    try (S3Client s3 = StsTestSupport.s3(endpoint(), session(rootToken.credentials()))) {
      s3.createBucket(r -> r.bucket("root-fed-bucket"));
    }
  }
}
