package io.iamlocal.server.state;

import java.security.SecureRandom;

/**
 * Makes identifiers in AWS's formats: unique IDs are a 4-letter type prefix plus 17 characters
 * (21 in all, e.g. {@code AIDA…} for users), access key IDs are a prefix plus 16, secrets are 40
 * characters of base64's alphabet. See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
public final class IdGenerator {
  private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private final SecureRandom random = new SecureRandom();

  /** A unique entity ID such as {@code AIDAJQABLZS4A3QDU576Q}. */
  public String uniqueId(IdPrefix prefix) {
    return prefix.name() + randomChars(ID_ALPHABET, 17);
  }

  /** A 20-character access key ID ({@code AKIA…} long-term, {@code ASIA…} temporary). */
  public String accessKeyId(IdPrefix prefix) {
    return prefix.name() + randomChars(ID_ALPHABET, 16);
  }

  public String secretAccessKey() {
    return randomChars(SECRET_ALPHABET, 40);
  }

  public String randomChars(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(out);
  }

  public byte[] randomBytes(int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }
}
