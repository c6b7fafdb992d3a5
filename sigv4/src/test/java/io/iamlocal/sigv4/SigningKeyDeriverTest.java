package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Known answers for key derivation, string to sign and the final HMAC. */
class SigningKeyDeriverTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  @Test
  void derivesTheSigningKeyFromTheAwsDocumentationExample() {
    byte[] key = SigningKeyDeriver.derive(SECRET, "20120215", "us-east-1", "iam");

    assertThat(Hashing.hex(key))
        .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
  }

  @Test
  void stringToSignAndSignatureMatchTheGetVanillaVector() {
    String canonical =
        """
                GET
                /

                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""";
    CredentialScope scope = new CredentialScope("20150830", "us-east-1", "service");

    String stringToSign = StringToSign.build("20150830T123600Z", scope, canonical);

    assertThat(stringToSign)
        .isEqualTo(
            """
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/service/aws4_request
                bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63""");
    assertThat(
            StringToSign.sign(
                SigningKeyDeriver.derive(SECRET, "20150830", "us-east-1", "service"), stringToSign))
        .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  }

  @Test
  void cacheIsBoundedAndReturnsTheDerivedKey() {
    SigningKeyCache cache = new SigningKeyCache(8);

    for (int i = 0; i < 100; i++) {
      byte[] key = cache.signingKey("secret" + i, "20150830", "us-east-1", "iam");
      assertThat(key)
          .isEqualTo(SigningKeyDeriver.derive("secret" + i, "20150830", "us-east-1", "iam"));
      assertThat(cache.size()).isLessThanOrEqualTo(8);
    }
    byte[] first = cache.signingKey(SECRET, "20150830", "us-east-1", "iam");
    assertThat(cache.signingKey(SECRET, "20150830", "us-east-1", "iam")).isSameAs(first);
    assertThat(cache.signingKey(SECRET, "20150831", "us-east-1", "iam")).isNotEqualTo(first);
    assertThat(cache.signingKey(SECRET, "20150830", "eu-west-1", "iam")).isNotEqualTo(first);
    assertThat(cache.signingKey(SECRET, "20150830", "us-east-1", "sts")).isNotEqualTo(first);
  }

  @Test
  void aHolderKeepsTheKeyOfItsLastScopeAndGetsAnotherScopesKeyFromTheCache() {
    SigningKeyCache cache = new SigningKeyCache(8);
    Holder holder = new Holder();
    SigningCredential credential = new SigningCredential("AKIDEXAMPLE", SECRET, null, holder);
    byte[] iam = cache.signingKey(credential, "20150830", "us-east-1", "iam");
    assertThat(iam).isEqualTo(SigningKeyDeriver.derive(SECRET, "20150830", "us-east-1", "iam"));
    assertThat(holder.kept.key()).isSameAs(iam);
    assertThat(cache.signingKey(credential, "20150830", "us-east-1", "iam")).isSameAs(iam);
    byte[] sts = cache.signingKey(credential, "20150830", "us-east-1", "sts");
    assertThat(sts).isEqualTo(SigningKeyDeriver.derive(SECRET, "20150830", "us-east-1", "sts"));
    assertThat(holder.kept.service()).isEqualTo("sts");
    assertThat(cache.signingKey(credential, "20150831", "us-east-1", "sts"))
        .isEqualTo(SigningKeyDeriver.derive(SECRET, "20150831", "us-east-1", "sts"));
    assertThat(cache.signingKey(credential, "20150830", "us-east-1", "iam")).isSameAs(iam);
  }

  private static final class Holder implements SigningKeyHolder {
    SigningKey kept;

    @Override
    public SigningKey signingKey() {
      return kept;
    }

    @Override
    public void keepSigningKey(SigningKey key) {
      kept = key;
    }
  }
}
