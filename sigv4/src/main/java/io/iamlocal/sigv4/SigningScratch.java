package io.iamlocal.sigv4;

import java.security.MessageDigest;

/**
 * One thread's reusable buffers for checking a signature: the text being hashed, a SHA-256 engine
 * and the digest. Checking a signature then allocates nothing; the canonical request and string to
 * sign once cost four copies each (builder, String, UTF-8 bytes, hex) on every request.
 */
final class SigningScratch {
  /** A buffer grown past this (a huge query) is dropped after use rather than kept per thread. */
  private static final int KEPT_CAPACITY = 16 * 1024;

  private static final ThreadLocal<SigningScratch> PER_THREAD =
      ThreadLocal.withInitial(SigningScratch::new);

  private Utf8Text text = new Utf8Text(1024);
  private final MessageDigest sha256 = Hashing.newSha256();
  private final byte[] block = new byte[64];
  private final byte[] digest = new byte[Hashing.DIGEST_BYTES];

  private SigningScratch() {}

  static SigningScratch get() {
    return PER_THREAD.get();
  }

  /** The text, emptied. */
  Utf8Text text() {
    if (text.capacity() > KEPT_CAPACITY) {
      text = new Utf8Text(1024);
    }
    text.reset();
    return text;
  }

  /** SHA-256 of the text; valid until the next hash. */
  byte[] sha256OfText() {
    Hashing.sha256(sha256, text.bytes(), text.length(), digest);
    return digest;
  }

  /** HMAC-SHA256 of the text under {@code key}; valid until the next hash. */
  byte[] hmacOfText(byte[] key) {
    Hashing.hmacSha256(sha256, block, key, text.bytes(), text.length(), digest);
    return digest;
  }
}
