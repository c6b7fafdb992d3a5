package io.iamlocal.server.s3;

import io.iamlocal.server.crypto.Sha256;
import java.nio.charset.StandardCharsets;

/** The account's S3 canonical user ID: 64 hex characters, stable for an account ID. */
final class CanonicalUser {
  private CanonicalUser() {}

  static String of(String accountId) {
    return Sha256.hex(("iamlocal-canonical-user:" + accountId).getBytes(StandardCharsets.UTF_8));
  }
}
