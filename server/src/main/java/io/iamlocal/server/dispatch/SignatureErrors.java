package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.sigv4.SigV4Failure;

/** Maps a SigV4 failure to the AWS error code IAM and STS send for it. */
final class SignatureErrors {
  private SignatureErrors() {}

  static AwsErrorCode code(SigV4Failure failure) {
    return switch (failure.kind()) {
      case MISSING_AUTHENTICATION_TOKEN -> AwsErrorCode.MISSING_AUTHENTICATION_TOKEN;
      case INCOMPLETE_SIGNATURE -> AwsErrorCode.INCOMPLETE_SIGNATURE;
      case INVALID_CLIENT_TOKEN_ID, INVALID_SECURITY_TOKEN -> AwsErrorCode.INVALID_CLIENT_TOKEN_ID;
      case SIGNATURE_DOES_NOT_MATCH, SIGNATURE_EXPIRED -> AwsErrorCode.SIGNATURE_DOES_NOT_MATCH;
      case REQUEST_EXPIRED -> AwsErrorCode.REQUEST_EXPIRED;
      case EXPIRED_TOKEN -> AwsErrorCode.EXPIRED_TOKEN;
    };
  }
}
