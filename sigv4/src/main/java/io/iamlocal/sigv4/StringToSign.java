package io.iamlocal.sigv4;

import java.security.MessageDigest;

/** Builds the SigV4 string to sign and computes the final hex signature over it. */
public final class StringToSign {

  /** The only algorithm SigV4 (as opposed to SigV4a) defines. */
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private StringToSign() {}

  /**
   * {@code AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex sha256 of canonical request>}.
   *
   * @param amzDate request time in ISO 8601 basic format, e.g. {@code 20150830T123600Z}
   */
  public static String build(String amzDate, CredentialScope scope, String canonicalRequest) {
    String scopeText = scope.scopeString();
    StringBuilder sb =
        new StringBuilder(ALGORITHM.length() + amzDate.length() + scopeText.length() + 67);
    sb.append(ALGORITHM).append('\n').append(amzDate).append('\n').append(scopeText).append('\n');
    Hashing.appendHex(sb, Hashing.sha256(canonicalRequest));
    return sb.toString();
  }

  /**
   * Lower-case hex HMAC-SHA256 of the string to sign under a key from {@link
   * SigningKeyDeriver#derive}.
   */
  public static String sign(byte[] signingKey, String stringToSign) {
    return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
  }

  /**
   * Whether {@code signature} (hex, either case) is the HMAC of the string to sign, compared in
   * constant time without building the expected hex.
   */
  static boolean matches(byte[] signingKey, String stringToSign, String signature) {
    byte[] provided = Hashing.unhex(signature);
    return provided != null
        && MessageDigest.isEqual(Hashing.hmacSha256(signingKey, stringToSign), provided);
  }
}
