package io.iamlocal.sigv4;

import java.util.Arrays;

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

  /** Bodies up to this size are remembered with their hash. */
  private static final int REMEMBERED_BYTES = 512;

  /** The last small body hashed and its hash. */
  private record Hashed(byte[] payload, String hex) {}

  private static volatile Hashed last = new Hashed(new byte[0], EMPTY_SHA256);

  /**
   * Lower-case hex SHA-256 of the body. Clients repeat the same small body for a given call ({@code
   * Action=GetUser&Version=2010-05-08}, {@code Action=GetCallerIdentity&…}), so the last small
   * body's hash is kept: comparing the bytes is cheaper than hashing them again.
   */
  public static String sha256Hex(byte[] payload) {
    if (payload.length == 0) {
      return EMPTY_SHA256;
    }
    Hashed remembered = last;
    if (Arrays.equals(remembered.payload(), payload)) {
      return remembered.hex();
    }
    String hex = Hashing.sha256Hex(payload);
    if (payload.length <= REMEMBERED_BYTES) {
      last = new Hashed(payload.clone(), hex);
    }
    return hex;
  }
}
