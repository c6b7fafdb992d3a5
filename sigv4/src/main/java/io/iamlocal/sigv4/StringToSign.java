package io.iamlocal.sigv4;

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
    Utf8Text text = new Utf8Text(ALGORITHM.length() + amzDate.length() + 64 + 67);
    write(text, amzDate, scope, Hashing.sha256(canonicalRequest));
    return text.toString();
  }

  /** Appends the string to sign's bytes for a canonical request's SHA-256 to {@code out}. */
  static void write(
      Utf8Text out, String amzDate, CredentialScope scope, byte[] canonicalRequestSha256) {
    out.append(ALGORITHM)
        .append('\n')
        .append(amzDate)
        .append('\n')
        .append(scope.scopeString())
        .append('\n')
        .appendHex(canonicalRequestSha256);
  }

  /**
   * Lower-case hex HMAC-SHA256 of the string to sign under a key from {@link
   * SigningKeyDeriver#derive}.
   */
  public static String sign(byte[] signingKey, String stringToSign) {
    return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
  }

  /**
   * Whether {@code signature[from, to)} (hex, either case) signs the canonical request written in
   * {@code scratch}'s text, computed in the scratch buffers and compared in constant time without
   * building the expected hex.
   */
  static boolean matches(
      SigningScratch scratch,
      byte[] signingKey,
      String amzDate,
      CredentialScope scope,
      String signature,
      int from,
      int to) {
    byte[] canonicalSha256 = scratch.sha256OfText();
    write(scratch.text(), amzDate, scope, canonicalSha256);
    return Hashing.hexEquals(scratch.hmacOfText(signingKey), signature, from, to);
  }
}
