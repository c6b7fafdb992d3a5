package io.iamlocal.sigv4;

/**
 * Why a request failed authentication, with the AWS error code and HTTP status it maps to on the
 * wire.
 */
public enum FailureKind {
  /** Neither an Authorization header nor presigned query parameters. */
  MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403),
  /** Authorization header or presigned parameters are malformed or incomplete. */
  INCOMPLETE_SIGNATURE("IncompleteSignature", 400),
  /** The access key id is unknown. */
  INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
  /** The signature (or a value bound to it) does not match. */
  SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
  /**
   * Request time is more than 15 minutes away from server time; AWS reports it as a signature
   * mismatch.
   */
  SIGNATURE_EXPIRED("SignatureDoesNotMatch", 403),
  /** A presigned URL used after X-Amz-Date + X-Amz-Expires. */
  REQUEST_EXPIRED("RequestExpired", 400),
  /**
   * Temporary credentials past their expiration; never produced by the verifier, reserved for the
   * server.
   */
  EXPIRED_TOKEN("ExpiredToken", 403),
  /**
   * Session token missing, unexpected or different from the one issued with the temporary
   * credentials.
   */
  INVALID_SECURITY_TOKEN("InvalidClientTokenId", 403);

  private final String awsCode;
  private final int httpStatus;

  FailureKind(String awsCode, int httpStatus) {
    this.awsCode = awsCode;
    this.httpStatus = httpStatus;
  }

  /** The error code AWS puts in the response body. */
  public String awsCode() {
    return awsCode;
  }

  /** The HTTP status AWS answers with. */
  public int httpStatus() {
    return httpStatus;
  }
}
