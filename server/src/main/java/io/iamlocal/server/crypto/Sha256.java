package io.iamlocal.server.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for the server's own uses (fingerprints, ETags, stable IDs, session tokens), with one
 * engine per thread: session tokens are derived on the event loops for every request signed with
 * temporary credentials, where a provider lookup per digest would show.
 */
public final class Sha256 {
  private static final ThreadLocal<MessageDigest> ENGINE =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 unavailable", e);
            }
          });

  private Sha256() {}

  /** The digest of {@code parts} hashed one after the other. */
  public static byte[] digest(byte[]... parts) {
    MessageDigest engine = ENGINE.get();
    engine.reset();
    for (byte[] part : parts) {
      engine.update(part);
    }
    return engine.digest();
  }

  /** The digest of {@code data} in lower-case hex. */
  public static String hex(byte[] data) {
    return HexFormat.of().formatHex(digest(data));
  }
}
