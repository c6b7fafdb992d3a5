package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EncodingType;
import software.amazon.awssdk.services.iam.model.SSHPublicKey;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

class SshPublicKeysIT extends WireTest {
  private static final KeyPair KEY = TestCertificates.rsa(2048);
  private static final RSAPublicKey PUBLIC = (RSAPublicKey) KEY.getPublic();

  @Test
  void uploadReturnsTheKeyWithItsMd5FingerprintAndAnApkaId() {
    iam.createUser(r -> r.userName("alice"));
    String body = TestCertificates.openSsh(PUBLIC, "alice@laptop");
    SSHPublicKey key =
        iam.uploadSSHPublicKey(r -> r.userName("alice").sshPublicKeyBody(body)).sshPublicKey();
    assertThat(key.userName()).isEqualTo("alice");
    assertThat(key.sshPublicKeyId()).startsWith("APKA").hasSize(20).matches("[A-Z0-9]+");
    assertThat(key.fingerprint())
        .isEqualTo(TestCertificates.md5Fingerprint(PUBLIC))
        .matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
    assertThat(key.sshPublicKeyBody()).isEqualTo(body);
    assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
    assertThat(key.uploadDate()).isNotNull();
  }

  @Test
  void getConvertsBetweenSshAndPemEncodings() throws Exception {
    iam.createUser(r -> r.userName("bob"));
    String id =
        iam.uploadSSHPublicKey(
                r -> r.userName("bob").sshPublicKeyBody(TestCertificates.openSsh(PUBLIC, "bob")))
            .sshPublicKey()
            .sshPublicKeyId();
    SSHPublicKey pem =
        iam.getSSHPublicKey(r -> r.userName("bob").sshPublicKeyId(id).encoding(EncodingType.PEM))
            .sshPublicKey();
    assertThat(pem.sshPublicKeyBody())
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    String base64 = pem.sshPublicKeyBody().replaceAll("-----[A-Z ]+-----|\\s", "");
    assertThat(java.util.Base64.getDecoder().decode(base64)).isEqualTo(PUBLIC.getEncoded());
    assertThat(pem.fingerprint()).isEqualTo(TestCertificates.md5Fingerprint(PUBLIC));

    // A key uploaded as PEM comes back as ssh-rsa on request, with the same fingerprint.
    iam.createUser(r -> r.userName("carol"));
    String pemId =
        iam.uploadSSHPublicKey(r -> r.userName("carol").sshPublicKeyBody(pem.sshPublicKeyBody()))
            .sshPublicKey()
            .sshPublicKeyId();
    SSHPublicKey ssh =
        iam.getSSHPublicKey(
                r -> r.userName("carol").sshPublicKeyId(pemId).encoding(EncodingType.SSH))
            .sshPublicKey();
    assertThat(ssh.sshPublicKeyBody()).isEqualTo(TestCertificates.openSsh(PUBLIC, "").strip());
    assertThat(ssh.fingerprint()).isEqualTo(pem.fingerprint());
  }

  @Test
  void updateDeleteAndListForTheUserAndForTheCaller() {
    var accessKey = userWithKey("dave");
    allow("dave", "iam:ListSSHPublicKeys");
    String id =
        iam.uploadSSHPublicKey(
                r -> r.userName("dave").sshPublicKeyBody(TestCertificates.openSsh(PUBLIC, "d")))
            .sshPublicKey()
            .sshPublicKeyId();
    iam.updateSSHPublicKey(r -> r.userName("dave").sshPublicKeyId(id).status(StatusType.INACTIVE));
    List<SSHPublicKeyMetadata> listed =
        iam.listSSHPublicKeys(r -> r.userName("dave")).sshPublicKeys();
    assertThat(listed)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.sshPublicKeyId()).isEqualTo(id);
              assertThat(m.status()).isEqualTo(StatusType.INACTIVE);
              assertThat(m.userName()).isEqualTo("dave");
            });
    try (IamClient asDave = Clients.iam(endpoint(), credentialsOf(accessKey))) {
      assertThat(asDave.listSSHPublicKeys().sshPublicKeys())
          .extracting(SSHPublicKeyMetadata::sshPublicKeyId)
          .containsExactly(id);
    }
    iam.deleteSSHPublicKey(r -> r.userName("dave").sshPublicKeyId(id));
    assertThat(iam.listSSHPublicKeys(r -> r.userName("dave")).sshPublicKeys()).isEmpty();
    expect(
        () -> iam.deleteSSHPublicKey(r -> r.userName("dave").sshPublicKeyId(id)),
        "NoSuchEntity",
        404,
        "The Public Key with id " + id + " cannot be found.");
  }

  @Test
  void unknownKeyAndAnotherUsersKeyAreNotFound() {
    iam.createUser(r -> r.userName("erin"));
    iam.createUser(r -> r.userName("frank"));
    String id =
        iam.uploadSSHPublicKey(
                r -> r.userName("erin").sshPublicKeyBody(TestCertificates.openSsh(PUBLIC, "e")))
            .sshPublicKey()
            .sshPublicKeyId();
    expect(
        () ->
            iam.getSSHPublicKey(
                r -> r.userName("frank").sshPublicKeyId(id).encoding(EncodingType.SSH)),
        "NoSuchEntity",
        404,
        "The Public Key with id " + id + " cannot be found.");
    expect(
        () ->
            iam.updateSSHPublicKey(
                r ->
                    r.userName("erin")
                        .sshPublicKeyId("APKAXXXXXXXXXXXXXXXXX")
                        .status(StatusType.INACTIVE)),
        "NoSuchEntity",
        404,
        "The Public Key with id APKAXXXXXXXXXXXXXXXXX cannot be found.");
    expect(
        () ->
            iam.uploadSSHPublicKey(
                r -> r.userName("ghost").sshPublicKeyBody(TestCertificates.openSsh(PUBLIC, "g"))),
        "NoSuchEntity",
        404,
        "The user with name ghost cannot be found.");
  }

  @Test
  void badKeysAreRefusedWithTheMatchingError() {
    iam.createUser(r -> r.userName("gina"));
    String ed25519 =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl gina";
    expect(
        () -> iam.uploadSSHPublicKey(r -> r.userName("gina").sshPublicKeyBody(ed25519)),
        "UnrecognizedPublicKeyEncoding",
        400,
        "The request was rejected because the public key encoding format is unsupported or unrecognized.");
    expect(
        () ->
            iam.uploadSSHPublicKey(
                r -> r.userName("gina").sshPublicKeyBody("ssh-rsa AAAAnotakey gina")),
        "InvalidPublicKey",
        400,
        "The request was rejected because the public key is malformed or otherwise invalid.");
    RSAPublicKey small = (RSAPublicKey) TestCertificates.rsa(1024).getPublic();
    expect(
        () ->
            iam.uploadSSHPublicKey(
                r -> r.userName("gina").sshPublicKeyBody(TestCertificates.openSsh(small, "short"))),
        "InvalidPublicKey",
        400,
        "The request was rejected because the public key is malformed or otherwise invalid.");
  }

  @Test
  void theSameKeyTwiceIsADuplicateAndFiveIsTheLimit() {
    iam.createUser(r -> r.userName("hank"));
    iam.uploadSSHPublicKey(
        r -> r.userName("hank").sshPublicKeyBody(TestCertificates.openSsh(PUBLIC, "one")));
    expect(
        () ->
            iam.uploadSSHPublicKey(
                r ->
                    r.userName("hank")
                        .sshPublicKeyBody(TestCertificates.openSsh(PUBLIC, "other comment"))),
        "DuplicateSSHPublicKey",
        400,
        "The request was rejected because the SSH public key is already associated with the specified IAM user.");
    for (int i = 0; i < 4; i++) {
      RSAPublicKey another = (RSAPublicKey) TestCertificates.rsa(2048).getPublic();
      iam.uploadSSHPublicKey(
          r -> r.userName("hank").sshPublicKeyBody(TestCertificates.openSsh(another, "k")));
    }
    RSAPublicKey sixth = (RSAPublicKey) TestCertificates.rsa(2048).getPublic();
    expect(
        () ->
            iam.uploadSSHPublicKey(
                r -> r.userName("hank").sshPublicKeyBody(TestCertificates.openSsh(sixth, "six"))),
        "LimitExceeded",
        409,
        "Cannot exceed quota for SSHPublicKeysPerUser: 5");
    // Another user may hold the same key.
    iam.createUser(r -> r.userName("ivy"));
    iam.uploadSSHPublicKey(
        r -> r.userName("ivy").sshPublicKeyBody(TestCertificates.openSsh(PUBLIC, "shared")));
  }

  @Test
  void deleteUserIsRefusedWhileSshKeysRemain() {
    iam.createUser(r -> r.userName("jack"));
    String id =
        iam.uploadSSHPublicKey(
                r -> r.userName("jack").sshPublicKeyBody(TestCertificates.openSsh(PUBLIC, "j")))
            .sshPublicKey()
            .sshPublicKeyId();
    expect(
        () -> iam.deleteUser(r -> r.userName("jack")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must remove referenced objects first.");
    iam.deleteSSHPublicKey(r -> r.userName("jack").sshPublicKeyId(id));
    iam.deleteUser(r -> r.userName("jack"));
  }
}
