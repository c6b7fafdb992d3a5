package io.iamlocal.server.state;

import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as virtual MFA devices use them: HMAC-SHA1, 30-second
 * steps counted from the Unix epoch, 6 digits (RFC 4226 dynamic truncation).
 */
public final class Totp {
  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;
  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private Totp() {}

  /** The time step (RFC 6238 T) that contains {@code when}. */
  public static long step(Instant when) {
    return Math.floorDiv(when.getEpochSecond(), STEP_SECONDS);
  }

  /** The 6-digit code for a time step, zero-padded. */
  public static String code(byte[] secret, long step) {
    return code(secret, step, DIGITS, "HmacSHA1");
  }

  /** The code for a step with any digit count and HMAC algorithm (for the RFC test vectors). */
  public static String code(byte[] secret, long step, int digits, String hmacAlgorithm) {
    byte[] counter = new byte[8];
    long value = step;
    for (int i = 7; i >= 0; i--) {
      counter[i] = (byte) value;
      value >>>= 8;
    }
    byte[] hash;
    try {
      Mac mac = Mac.getInstance(hmacAlgorithm);
      mac.init(new SecretKeySpec(secret, "RAW"));
      hash = mac.doFinal(counter);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    String otp = Integer.toString(binary % POWERS[digits]);
    return "0".repeat(digits - otp.length()) + otp;
  }

  /**
   * The step of the first of two consecutive codes ({@code code1} at step s, {@code code2} at s+1)
   * for some s within {@code window} steps of {@code center}, or {@code Long.MIN_VALUE} when none
   * matches. This is how IAM checks the pair sent to EnableMFADevice and ResyncMFADevice.
   */
  public static long findConsecutive(
      byte[] secret, String code1, String code2, long center, int window) {
    for (int distance = 0; distance <= window; distance++) {
      for (long s :
          distance == 0 ? new long[] {center} : new long[] {center - distance, center + distance}) {
        if (constantTimeEquals(code(secret, s), code1)
            && constantTimeEquals(code(secret, s + 1), code2)) {
          return s;
        }
      }
    }
    return Long.MIN_VALUE;
  }

  /**
   * The step within {@code window} of {@code center} whose code is {@code code}, else
   * Long.MIN_VALUE.
   */
  public static long find(byte[] secret, String code, long center, int window) {
    for (int distance = 0; distance <= window; distance++) {
      for (long s :
          distance == 0 ? new long[] {center} : new long[] {center - distance, center + distance}) {
        if (constantTimeEquals(code(secret, s), code)) {
          return s;
        }
      }
    }
    return Long.MIN_VALUE;
  }

  private static boolean constantTimeEquals(String a, String b) {
    return java.security.MessageDigest.isEqual(
        a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
