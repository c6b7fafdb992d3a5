package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.StatusType;

class SigningCertificatesIT extends WireTest {

  private static String newCertificate(String cn) {
    KeyPair keys = TestCertificates.rsa(2048);
    return TestCertificates.pem(TestCertificates.selfSigned(keys, cn, Duration.ofDays(365)));
  }

  @Test
  void uploadListUpdateAndDelete() {
    iam.createUser(r -> r.userName("alice"));
    String body = newCertificate("alice");
    SigningCertificate uploaded =
        iam.uploadSigningCertificate(r -> r.userName("alice").certificateBody(body)).certificate();
    assertThat(uploaded.userName()).isEqualTo("alice");
    assertThat(uploaded.certificateId()).matches("[A-Z0-9]{24,}");
    assertThat(uploaded.certificateBody()).isEqualTo(body);
    assertThat(uploaded.status()).isEqualTo(StatusType.ACTIVE);
    assertThat(uploaded.uploadDate()).isNotNull();

    iam.updateSigningCertificate(
        r ->
            r.userName("alice")
                .certificateId(uploaded.certificateId())
                .status(StatusType.INACTIVE));
    assertThat(iam.listSigningCertificates(r -> r.userName("alice")).certificates())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.certificateId()).isEqualTo(uploaded.certificateId());
              assertThat(c.status()).isEqualTo(StatusType.INACTIVE);
              assertThat(c.certificateBody()).isEqualTo(body);
            });
    iam.deleteSigningCertificate(r -> r.userName("alice").certificateId(uploaded.certificateId()));
    assertThat(iam.listSigningCertificates(r -> r.userName("alice")).certificates()).isEmpty();
  }

  @Test
  void withoutUserNameTheCallersOwnCertificatesAreMeant() {
    var key = userWithKey("bob");
    allow("bob", "iam:UploadSigningCertificate", "iam:ListSigningCertificates");
    try (IamClient asBob = Clients.iam(endpoint(), credentialsOf(key))) {
      SigningCertificate mine =
          asBob
              .uploadSigningCertificate(r -> r.certificateBody(newCertificate("bob")))
              .certificate();
      assertThat(mine.userName()).isEqualTo("bob");
      assertThat(asBob.listSigningCertificates().certificates())
          .extracting(SigningCertificate::certificateId)
          .containsExactly(mine.certificateId());
    }
    assertThat(iam.listSigningCertificates(r -> r.userName("bob")).certificates()).hasSize(1);
    // Root's own certificates are separate from every user's.
    SigningCertificate root =
        iam.uploadSigningCertificate(r -> r.certificateBody(newCertificate("root"))).certificate();
    assertThat(root.userName()).isNull();
    assertThat(iam.listSigningCertificates().certificates())
        .extracting(SigningCertificate::certificateId)
        .containsExactly(root.certificateId());
  }

  @Test
  void errorsCarryAwsTexts() {
    iam.createUser(r -> r.userName("carol"));
    expect(
        () ->
            iam.uploadSigningCertificate(
                r -> r.userName("nonexistent-user").certificateBody(newCertificate("x"))),
        "NoSuchEntity",
        404,
        "The user with name nonexistent-user cannot be found.");
    expect(
        () ->
            iam.uploadSigningCertificate(
                r -> r.userName("carol").certificateBody("invalid-certificate-body")),
        "MalformedCertificate",
        400,
        "Certificate invalid-certificate-body is malformed.");
    expect(
        () ->
            iam.updateSigningCertificate(
                r ->
                    r.userName("carol")
                        .certificateId("NONEXISTENTCERTID12345678901")
                        .status(StatusType.INACTIVE)),
        "NoSuchEntity",
        404,
        "The Certificate with id NONEXISTENTCERTID12345678901 cannot be found.");
    expect(
        () ->
            iam.deleteSigningCertificate(
                r -> r.userName("carol").certificateId("NONEXISTENTCERTID12345678901")),
        "NoSuchEntity",
        404,
        "The Certificate with id NONEXISTENTCERTID12345678901 cannot be found.");
  }

  @Test
  void twoPerUserAndOneCertificateBelongsToOneUser() {
    iam.createUser(r -> r.userName("dave"));
    iam.createUser(r -> r.userName("erin"));
    String first = newCertificate("one");
    iam.uploadSigningCertificate(r -> r.userName("dave").certificateBody(first));
    expect(
        () -> iam.uploadSigningCertificate(r -> r.userName("erin").certificateBody(first)),
        "DuplicateCertificate",
        409,
        "The request was rejected because the same certificate is associated with an IAM user in the account.");
    iam.uploadSigningCertificate(r -> r.userName("dave").certificateBody(newCertificate("two")));
    expect(
        () ->
            iam.uploadSigningCertificate(
                r -> r.userName("dave").certificateBody(newCertificate("three"))),
        "LimitExceeded",
        409,
        "Cannot exceed quota for CertificatesPerUser: 2");
  }

  @Test
  void nonRsaAndExpiredCertificatesAreRefused() {
    iam.createUser(r -> r.userName("frank"));
    KeyPair ec = TestCertificates.ec();
    String ecCertificate =
        TestCertificates.pem(TestCertificates.selfSigned(ec, "ec", Duration.ofDays(30)));
    expect(
        () -> iam.uploadSigningCertificate(r -> r.userName("frank").certificateBody(ecCertificate)),
        "InvalidCertificate",
        400,
        "The certificate must have an RSA public key.");
    KeyPair rsa = TestCertificates.rsa(2048);
    String expired =
        TestCertificates.pem(TestCertificates.selfSigned(rsa, "old", Duration.ofMinutes(-30)));
    expect(
        () -> iam.uploadSigningCertificate(r -> r.userName("frank").certificateBody(expired)),
        "MalformedCertificate",
        400,
        "The certificate is expired or not yet valid.");
  }

  @Test
  void deleteUserIsRefusedWhileSigningCertificatesRemain() {
    iam.createUser(r -> r.userName("gina"));
    String id =
        iam.uploadSigningCertificate(
                r -> r.userName("gina").certificateBody(newCertificate("gina")))
            .certificate()
            .certificateId();
    expect(
        () -> iam.deleteUser(r -> r.userName("gina")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must delete signing certificates first.");
    iam.deleteSigningCertificate(r -> r.userName("gina").certificateId(id));
    iam.deleteUser(r -> r.userName("gina"));
  }
}
