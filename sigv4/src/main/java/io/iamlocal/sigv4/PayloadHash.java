package io.iamlocal.sigv4;

/** Payload hash values for the last line of the canonical request. */
public final class PayloadHash {

  /**
   * Literal a client sends in {@code x-amz-content-sha256} (and S3 presigned URLs imply) to leave
   * the body unsigned.
   */
  public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  /** SHA-256 of the empty body. */
  public static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private PayloadHash() {}

  /** Lower-case hex SHA-256 of the body. */
  public static String sha256Hex(byte[] payload) {
    return payload.length == 0 ? EMPTY_SHA256 : Hashing.sha256Hex(payload);
  }
}
