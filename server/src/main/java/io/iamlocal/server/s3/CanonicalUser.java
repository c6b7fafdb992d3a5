package io.iamlocal.server.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The account's S3 canonical user ID: 64 hex characters, stable for an account ID. */
final class CanonicalUser {
  private CanonicalUser() {}

  static String of(String accountId) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("iamlocal-canonical-user:" + accountId)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
