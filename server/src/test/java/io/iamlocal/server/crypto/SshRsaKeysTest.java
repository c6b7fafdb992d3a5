package io.iamlocal.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class SshRsaKeysTest {
  /** Made with {@code ssh-keygen -t rsa -b 2048 -C alice@example}. */
  private static final String OPENSSH =
      "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDSrVexhCgJojlFkLApCVmdFb1wCIHNxHWcqiGTqCNNHNYOnGCOcx3sMJu2aXs6pIJR"
          + "fO0E4iN/CKUwIhCJFx4Ji1ykfLGf7TNb+twAlwySmF63IJw4lHkBLJzZfNDYsxgCwdIZbNP5Csm4GrsdcREAKSgytPLn+W7lJ2Ak2D1aoPNh7kkJmtORuIdn/kLLki7fVif"
          + "uxty0kAFidTpi63x3QzwCsXjuHsWWeXZWD7C44hC2CuDs3ufV8Jc0zqFIzxjAnqZ8iOrl46Ur4ggS3pBAh0NZfcUHeLfOgjk7CQUjRePk0e6p0apysKy7e8hFLnBGRVHDolS3"
          + "MaHTic2RgzcB alice@example";

  /** {@code ssh-keygen -l -E md5} of that key. */
  private static final String MD5 = "5a:c8:15:dd:09:9a:e5:3e:91:86:c7:f7:00:46:ad:b2";

  /** {@code ssh-keygen -e -m PKCS8} of that key. */
  private static final String PEM =
      """
      -----BEGIN PUBLIC KEY-----
      MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0q1XsYQoCaI5RZCwKQlZ
      nRW9cAiBzcR1nKohk6gjTRzWDpxgjnMd7DCbtml7OqSCUXztBOIjfwilMCIQiRce
      CYtcpHyxn+0zW/rcAJcMkphetyCcOJR5ASyc2XzQ2LMYAsHSGWzT+QrJuBq7HXER
      ACkoMrTy5/lu5SdgJNg9WqDzYe5JCZrTkbiHZ/5Cy5Iu31Yn7sbctJABYnU6Yut8
      d0M8ArF47h7Flnl2Vg+wuOIQtgrg7N7n1fCXNM6hSM8YwJ6mfIjq5eOlK+IIEt6Q
      QIdDWX3FB3i3zoI5OwkFI0Xj5NHuqdGqcrCsu3vIRS5wRkVRw6JUtzGh04nNkYM3
      AQIDAQAB
      -----END PUBLIC KEY-----
      """;

  @Test
  void fingerprintIsTheMd5OfTheKeyBlobAsSshKeygenPrintsIt() throws Exception {
    SshRsaKeys.ParsedKey key = SshRsaKeys.parse(OPENSSH);
    assertThat(key.fingerprint()).isEqualTo(MD5).hasSize(47);
    assertThat(key.format()).isEqualTo(SshRsaKeys.Format.SSH);
  }

  @Test
  void pemAndOpenSshFormsOfOneKeyAreTheSameKey() throws Exception {
    SshRsaKeys.ParsedKey fromPem = SshRsaKeys.parse(PEM);
    assertThat(fromPem.format()).isEqualTo(SshRsaKeys.Format.PEM);
    assertThat(fromPem.fingerprint()).isEqualTo(MD5);
    assertThat(SshRsaKeys.openSsh(fromPem.blob()))
        .isEqualTo(OPENSSH.substring(0, OPENSSH.lastIndexOf(' ')));
    assertThat(SshRsaKeys.pem(SshRsaKeys.parse(OPENSSH).key())).isEqualTo(PEM);
  }

  @Test
  void otherKeyTypesAreAnUnrecognizedEncodingAndBadDataAnInvalidKey() throws Exception {
    assertThat(
            problem(
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl x"))
        .isEqualTo(SshRsaKeys.Problem.UNRECOGNIZED_ENCODING);
    assertThat(problem("hello world")).isEqualTo(SshRsaKeys.Problem.UNRECOGNIZED_ENCODING);
    assertThat(problem("ssh-rsa !!!notbase64")).isEqualTo(SshRsaKeys.Problem.INVALID_KEY);
    assertThat(problem("ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB"))
        .isEqualTo(SshRsaKeys.Problem.INVALID_KEY);
    assertThat(problem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
        .isEqualTo(SshRsaKeys.Problem.INVALID_KEY);
  }

  @Test
  void keysShorterThan2048BitsAreInvalid() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    RSAPublicKey small = (RSAPublicKey) generator.generateKeyPair().getPublic();
    assertThat(problem(SshRsaKeys.openSsh(SshRsaKeys.blob(small))))
        .isEqualTo(SshRsaKeys.Problem.INVALID_KEY);
  }

  private static SshRsaKeys.Problem problem(String body) {
    return catchThrowableOfType(() -> SshRsaKeys.parse(body), SshRsaKeys.KeyException.class)
        .problem();
  }
}
