package io.iamlocal.server.state;

import java.security.SecureRandom;

/**
 * Makes identifiers in AWS's formats: unique IDs are a 4-letter type prefix plus 17 characters (21
 * in all, e.g. {@code AIDA…} for users), access key IDs are a prefix plus 16, secrets are 40
 * characters of base64's alphabet. See
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
public final class IdGenerator {
  private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private final boolean taped;

  public IdGenerator() {
    this(false);
  }

  /**
   * With {@code taped}, every random value goes through the calling thread's {@link Tape} when one
   * is installed (recorded for the journal, or played back from it); used with a data directory.
   */
  public IdGenerator(boolean taped) {
    this.taped = taped;
  }

  /** A unique entity ID such as {@code AIDAJQABLZS4A3QDU576Q}. */
  public String uniqueId(IdPrefix prefix) {
    return prefix.name() + randomChars(ID_ALPHABET, 17);
  }

  /** A 20-character access key ID ({@code AKIA…} long-term, {@code ASIA…} temporary). */
  public String accessKeyId(IdPrefix prefix) {
    return prefix.name() + randomChars(ID_ALPHABET, 16);
  }

  /**
   * An access key ID that encodes {@code accountId} as AWS's keys issued since 2019 do (STS
   * GetAccessKeyInfo reads it back): after the 4-letter prefix, 16 Base32 characters hold 80 bits;
   * bit 0 is set (the key generation that carries the account), bits 1 to 40 are the account
   * number, the rest is random. The finished ID is what a tape records, so replay gives it back.
   */
  public String accessKeyId(IdPrefix prefix, String accountId) {
    long account = parseAccount(accountId);
    if (account < 0) {
      return accessKeyId(prefix);
    }
    Tape tape = taped ? Tape.current() : null;
    return prefix.name()
        + (tape == null ? encodedChars(account) : tape.chars(() -> encodedChars(account)));
  }

  private String encodedChars(long account) {
    byte[] bits = Base32.decode(liveChars(ID_ALPHABET, 16));
    long head = (1L << 47) | (account << 7) | (bits[5] & 0x7f);
    for (int i = 5; i >= 0; i--) {
      bits[i] = (byte) head;
      head >>>= 8;
    }
    return Base32.encode(bits);
  }

  /**
   * The account number an access key ID encodes (bits 1 to 40 after its 4-letter prefix, see {@link
   * #accessKeyId(IdPrefix, String)}), or -1 when the ID is too short or not Base32. Any well-formed
   * ID decodes to some number: only the account that holds the key proves it is the owner.
   */
  public static long accountEncodedIn(String keyId) {
    if (keyId == null || keyId.length() < 14) {
      return -1;
    }
    // Read in place: every signed request with a user's key asks, and decoding a copy of the ID
    // allocated four arrays per call. The same rules as Base32.decode: case ignored, '=' and ' '
    // skipped, any other character not in the alphabet makes it no key ID.
    long head = 0;
    int groups = 0;
    for (int i = 4; i < keyId.length(); i++) {
      char c = keyId.charAt(i);
      int value;
      if (c >= 'A' && c <= 'Z') {
        value = c - 'A';
      } else if (c >= 'a' && c <= 'z') {
        value = c - 'a';
      } else if (c >= '2' && c <= '7') {
        value = c - '2' + 26;
      } else if (c == '=' || c == ' ') {
        continue;
      } else if (c >= 0x80) {
        return accountEncodedInDecoded(keyId); // what upper-casing makes of other scripts
      } else {
        return -1;
      }
      if (groups < 10) {
        head = (head << 5) | value;
      }
      groups++;
    }
    if (groups < 10) { // fewer than six bytes
      return -1;
    }
    long z = head >>> 2; // the first 48 of the 50 bits
    return (z & 0x7fffffffff80L) >>> 7;
  }

  /**
   * The definition, on a decoded copy of the ID (also the reference the in-place read is tested
   * by).
   */
  static long accountEncodedInDecoded(String keyId) {
    byte[] decoded;
    try {
      decoded = Base32.decode(keyId.substring(4));
    } catch (IllegalArgumentException e) {
      return -1;
    }
    if (decoded.length < 6) {
      return -1;
    }
    long z = 0;
    for (int i = 0; i < 6; i++) {
      z = (z << 8) | (decoded[i] & 0xff);
    }
    return (z & 0x7fffffffff80L) >>> 7;
  }

  /** The 12-digit account ID of an account number from 0 to 999,999,999,999. */
  static String accountId(long number) {
    byte[] digits = new byte[12];
    for (int i = 11; i >= 0; i--) {
      digits[i] = (byte) ('0' + number % 10);
      number /= 10;
    }
    return new String(digits, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The account number of a 12-digit ID, or -1 for anything else. */
  static long parseAccount(String accountId) {
    if (accountId == null || accountId.length() != 12) {
      return -1;
    }
    for (int i = 0; i < 12; i++) {
      if (accountId.charAt(i) < '0' || accountId.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(accountId);
  }

  public String secretAccessKey() {
    return randomChars(SECRET_ALPHABET, 40);
  }

  public String randomChars(char[] alphabet, int length) {
    Tape tape = taped ? Tape.current() : null;
    return tape == null
        ? liveChars(alphabet, length)
        : tape.chars(() -> liveChars(alphabet, length));
  }

  private String liveChars(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[Source.RANDOM.nextInt(alphabet.length)];
    }
    return new String(out);
  }

  /** A random (version 4) UUID, drawn like every other random value so that it replays. */
  public java.util.UUID uuid() {
    byte[] b = randomBytes(16);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b);
    return new java.util.UUID(buffer.getLong(), buffer.getLong());
  }

  public byte[] randomBytes(int length) {
    Tape tape = taped ? Tape.current() : null;
    return tape == null ? liveBytes(length) : tape.bytes(() -> liveBytes(length));
  }

  private byte[] liveBytes(int length) {
    byte[] out = new byte[length];
    Source.RANDOM.nextBytes(out);
    return out;
  }

  /**
   * Made at the first ID, not at start: the JDK's first {@code SecureRandom} reads the security
   * configuration and its providers (~30 classes, most of the state's set-up time). Shared by every
   * generator in the JVM; it is thread-safe.
   */
  private static final class Source {
    static final SecureRandom RANDOM = new SecureRandom();
  }
}
