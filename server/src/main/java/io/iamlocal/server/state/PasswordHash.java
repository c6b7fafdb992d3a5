package io.iamlocal.server.state;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A console password as IAMLocal keeps it: PBKDF2-HMAC-SHA256 with a random 16-byte salt, never the
 * password itself. Encoded as {@code pbkdf2-sha256$iterations$salt$hash} (base64 parts). The
 * iteration count is modest because hashing runs inline for a local emulator; the format carries
 * it, so it can be raised without breaking stored hashes.
 */
public final class PasswordHash {
  static final int ITERATIONS = 10_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String encoded;

  private PasswordHash(String encoded) {
    this.encoded = encoded;
  }

  public static PasswordHash of(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new PasswordHash(format(ITERATIONS, salt, derive(password, salt, ITERATIONS)));
  }

  public static PasswordHash parse(String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
      throw new IllegalArgumentException("not a PBKDF2 password hash");
    }
    return new PasswordHash(encoded);
  }

  /** True when {@code password} is the one hashed; compares in constant time. */
  public boolean matches(String password) {
    String[] parts = encoded.split("\\$");
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password, salt, iterations));
  }

  public String encoded() {
    return encoded;
  }

  @Override
  public String toString() {
    return "PasswordHash[pbkdf2-sha256]"; // never the hash in logs
  }

  private static String format(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "pbkdf2-sha256$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
