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
      int value = base32Digit(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
      if (value < 0) {
        if (c == '=' || c == ' ') {
          continue;
        }
        return c >= 0x80
            ? accountEncodedInDecoded(keyId)
            : -1; // what upper-casing makes of other scripts
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

  private static final long LOW_39_BITS = (1L << 39) - 1;

  /**
   * The 39 random bits of {@code keyId} when it is exactly an ID that {@link #accessKeyId(IdPrefix,
   * String)} makes for {@code account} (the account number), else -1. With the account known, those
   * bits are the whole ID ({@link #accessKeyIdOf}), so a store can keep a long instead of the
   * string. Seen as an 80-bit number after the prefix, such an ID is a set bit, the 40-bit account
   * and 39 random bits: its first 8 characters hold the set bit and the account's top 39 bits, its
   * last 8 the account's lowest bit and the random bits.
   */
  public static long randomBitsOf(String keyId, IdPrefix prefix, long account) {
    if (account < 0 || keyId == null || keyId.length() != 20 || !keyId.startsWith(prefix.name())) {
      return -1;
    }
    long high = base32Bits(keyId, 4);
    long low = base32Bits(keyId, 12);
    if (high != ((1L << 39) | (account >>> 1)) || low < 0 || (low >>> 39) != (account & 1)) {
      return -1;
    }
    return low & LOW_39_BITS;
  }

  /** The access key ID of {@code account} whose random bits are {@code randomBits}. */
  public static String accessKeyIdOf(IdPrefix prefix, long account, long randomBits) {
    char[] out = new char[20];
    prefix.name().getChars(0, 4, out, 0);
    putBase32(out, 4, (1L << 39) | (account >>> 1));
    putBase32(out, 12, ((account & 1) << 39) | (randomBits & LOW_39_BITS));
    return new String(out);
  }

  /** The 40 bits of 8 upper-case Base32 characters from {@code at}, or -1. */
  private static long base32Bits(String text, int at) {
    long bits = 0;
    for (int i = at; i < at + 8; i++) {
      int digit = base32Digit(text.charAt(i));
      if (digit < 0) {
        return -1;
      }
      bits = (bits << 5) | digit;
    }
    return bits;
  }

  /** The value of an upper-case Base32 digit (A-Z, 2-7), or -1. */
  private static int base32Digit(char c) {
    return c >= 'A' && c <= 'Z' ? c - 'A' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
  }

  private static void putBase32(char[] out, int at, long bits) {
    for (int i = at + 7; i >= at; i--) {
      out[i] = ID_ALPHABET[(int) (bits & 31)];
      bits >>>= 5;
    }
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
  public static long parseAccount(String accountId) {
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

  /**
   * When replaying a journal written before session secrets were derived from their token seed: the
   * secret it recorded next, else null (nothing is drawn or recorded).
   */
  public String recordedSecretAccessKey() {
    Tape tape = taped ? Tape.current() : null;
    return tape == null ? null : tape.recordedChars();
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
