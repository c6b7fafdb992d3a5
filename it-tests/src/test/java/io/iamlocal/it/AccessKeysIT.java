package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

class AccessKeysIT extends WireTest {

  @Test
  void createdKeySignsRequestsAtOnce() {
    AccessKey key = userWithKey("alice");
    assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
    assertThat(key.secretAccessKey()).hasSize(40);
    assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
    try (StsClient asAlice = Clients.sts(endpoint(), credentialsOf(key))) {
      var identity = asAlice.getCallerIdentity();
      assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
      assertThat(identity.account()).isEqualTo("123456789012");
      assertThat(identity.userId()).startsWith("AIDA");
    }
  }

  @Test
  void atMostTwoKeysPerUser() {
    userWithKey("bob");
    iam.createAccessKey(r -> r.userName("bob"));
    IamException e =
        catchThrowableOfType(() -> iam.createAccessKey(r -> r.userName("bob")), IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
    assertThat(e.statusCode()).isEqualTo(409);
  }

  @Test
  void listUpdateAndDeleteKeys() {
    AccessKey key = userWithKey("carol");
    assertThat(iam.listAccessKeys(r -> r.userName("carol")).accessKeyMetadata())
        .extracting(AccessKeyMetadata::accessKeyId, AccessKeyMetadata::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(key.accessKeyId(), StatusType.ACTIVE));
    iam.updateAccessKey(
        r -> r.userName("carol").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
    assertThat(iam.listAccessKeys(r -> r.userName("carol")).accessKeyMetadata().get(0).status())
        .isEqualTo(StatusType.INACTIVE);
    try (StsClient asCarol = Clients.sts(endpoint(), credentialsOf(key))) {
      StsException refused = catchThrowableOfType(asCarol::getCallerIdentity, StsException.class);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
      assertThat(refused.statusCode()).isEqualTo(403);
    }
    iam.deleteAccessKey(r -> r.userName("carol").accessKeyId(key.accessKeyId()));
    assertThat(iam.listAccessKeys(r -> r.userName("carol")).accessKeyMetadata()).isEmpty();
    IamException gone =
        catchThrowableOfType(
            () -> iam.deleteAccessKey(r -> r.userName("carol").accessKeyId(key.accessKeyId())),
            IamException.class);
    assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
  }

  @Test
  void userWithoutNameManagesOwnKeys() {
    AccessKey key = readerWithKey("dave");
    try (IamClient asDave = Clients.iam(endpoint(), credentialsOf(key))) {
      assertThat(asDave.listAccessKeys().accessKeyMetadata())
          .extracting(AccessKeyMetadata::userName)
          .containsExactly("dave");
    }
  }

  @Test
  void lastUsedIsFedByRealSignedCalls() {
    AccessKey key = userWithKey("erin");
    var before = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
    assertThat(before.userName()).isEqualTo("erin");
    assertThat(before.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
    assertThat(before.accessKeyLastUsed().lastUsedDate()).isNull();
    try (StsClient asErin = Clients.sts(endpoint(), credentialsOf(key))) {
      asErin.getCallerIdentity();
    }
    var after = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
    assertThat(after.accessKeyLastUsed().serviceName()).isEqualTo("sts");
    assertThat(after.accessKeyLastUsed().region()).isEqualTo("us-east-1");
    assertThat(after.accessKeyLastUsed().lastUsedDate()).isNotNull();
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() {
    AccessKey key = userWithKey("frank");
    var wrong =
        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
            key.accessKeyId(), "x".repeat(40));
    try (StsClient bad = Clients.sts(endpoint(), wrong)) {
      StsException e = catchThrowableOfType(bad::getCallerIdentity, StsException.class);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
      assertThat(e.statusCode()).isEqualTo(403);
    }
    var unknown =
        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
            "AKIAUNKNOWNUNKNOWN00", "x".repeat(40));
    try (IamClient bad = Clients.iam(endpoint(), unknown)) {
      IamException e = catchThrowableOfType(bad::listUsers, IamException.class);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("The security token included in the request is invalid.");
    }
  }
}
