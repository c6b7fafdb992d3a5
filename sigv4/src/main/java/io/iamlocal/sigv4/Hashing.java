package io.iamlocal.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * SHA-256, HMAC-SHA256 and lowercase hex, with per-thread engines to skip provider lookups per
 * request.
 */
final class Hashing {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static final int DIGEST_BYTES = 32;
  private static final int BLOCK_BYTES = 64;
  private static final byte INNER_PAD = 0x36;
  private static final byte OUTER_PAD = 0x5c;

  /** Each ASCII hex digit's value, -1 for every other character up to {@code 'f'}. */
  private static final byte[] HEX_VALUES = new byte['f' + 1];

  static {
    Arrays.fill(HEX_VALUES, (byte) -1);
    for (int i = 0; i < 10; i++) {
      HEX_VALUES['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      HEX_VALUES['a' + i] = (byte) (10 + i);
      HEX_VALUES['A' + i] = (byte) (10 + i);
    }
  }

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(Hashing::newSha256);

  private Hashing() {}

  static byte[] sha256(byte[] data) {
    MessageDigest md = SHA256.get();
    md.reset();
    return md.digest(data);
  }

  static String sha256Hex(byte[] data) {
    return hex(sha256(data));
  }

  static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hmacSha256(byte[] key, String data) {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[DIGEST_BYTES];
    hmacSha256(SHA256.get(), new byte[BLOCK_BYTES], key, bytes, bytes.length, out);
    return out;
  }

  /**
   * HMAC-SHA256 (RFC 2104) of {@code data[0, length)} into {@code out} (32 bytes), on a SHA-256
   * engine and a 64-byte scratch block the caller keeps: no allocation, where {@link
   * javax.crypto.Mac} copied the key and allocated its digests on every call.
   */
  static void hmacSha256(
      MessageDigest sha256, byte[] block, byte[] key, byte[] data, int length, byte[] out) {
    if (key.length > BLOCK_BYTES) {
      key = sha256(key);
    }
    for (int i = 0; i < BLOCK_BYTES; i++) {
      block[i] = (byte) ((i < key.length ? key[i] : 0) ^ INNER_PAD);
    }
    sha256.reset();
    sha256.update(block);
    sha256.update(data, 0, length);
    digestInto(sha256, out);
    for (int i = 0; i < BLOCK_BYTES; i++) {
      block[i] ^= INNER_PAD ^ OUTER_PAD;
    }
    sha256.update(block);
    sha256.update(out, 0, DIGEST_BYTES);
    digestInto(sha256, out);
  }

  /** SHA-256 of {@code data[0, length)} into {@code out} (32 bytes). */
  static void sha256(MessageDigest sha256, byte[] data, int length, byte[] out) {
    sha256.reset();
    sha256.update(data, 0, length);
    digestInto(sha256, out);
  }

  private static void digestInto(MessageDigest sha256, byte[] out) {
    try {
      sha256.digest(out, 0, DIGEST_BYTES);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 output does not fit", e);
    }
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code text[from, to)} is the hex (either case) of {@code expected}, compared in
   * constant time once the length and the digits are known to be right.
   */
  static boolean hexEquals(byte[] expected, String text, int from, int to) {
    if (to - from != expected.length * 2) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < expected.length; i++) {
      int high = hexValue(text.charAt(from + 2 * i));
      int low = hexValue(text.charAt(from + 2 * i + 1));
      if ((high | low) < 0) {
        return false;
      }
      difference |= ((high << 4) | low) ^ (expected[i] & 0xFF);
    }
    return difference == 0;
  }

  /** The value of an ASCII hex digit (either case; no other script's digits), or -1. */
  private static int hexValue(char c) {
    // A table, not comparisons: a signature's digits and letters come in random order, which made
    // the branches of a comparison chain mispredict on every other character.
    return c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = hexDigit(bytes[i] >> 4);
      out[2 * i + 1] = hexDigit(bytes[i]);
    }
    return new String(out);
  }

  /** The lower-case hex digit of the low four bits of {@code nibble}. */
  static char hexDigit(int nibble) {
    return HEX[nibble & 0xF];
  }

  /** True for exactly 64 hex digits, i.e. something that claims to be a SHA-256 digest. */
  static boolean isSha256Hex(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      if (hexValue(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Constant-time comparison of two strings' UTF-8 bytes. */
  static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
