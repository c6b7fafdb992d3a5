package io.iamlocal.sigv4;

import java.util.Objects;

/**
 * A rejected request: the failure kind (which fixes the wire code and status), an AWS-style message
 * and, where known, the access key id and the canonical request / string to sign the server
 * computed.
 */
public record SigV4Failure(
    FailureKind kind,
    String message,
    String accessKeyId,
    String canonicalRequest,
    String stringToSign)
    implements VerificationResult {

  public SigV4Failure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  static SigV4Failure of(FailureKind kind, String message, String accessKeyId) {
    return new SigV4Failure(kind, message, accessKeyId, null, null);
  }
}
