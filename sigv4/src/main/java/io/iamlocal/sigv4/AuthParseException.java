package io.iamlocal.sigv4;

/**
 * Internal short-cut out of parsing; carries no stack trace because bad requests are routine
 * traffic.
 */
final class AuthParseException extends Exception {

  private final transient SigV4Failure failure;

  AuthParseException(FailureKind kind, String message, String accessKeyId) {
    super(message, null, false, false);
    this.failure = SigV4Failure.of(kind, message, accessKeyId);
  }

  static AuthParseException incomplete(String message) {
    return new AuthParseException(FailureKind.INCOMPLETE_SIGNATURE, message, null);
  }

  SigV4Failure failure() {
    return failure;
  }
}
