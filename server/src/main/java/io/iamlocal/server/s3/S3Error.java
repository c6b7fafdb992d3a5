package io.iamlocal.server.s3;

import io.iamlocal.sigv4.SigV4Failure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3 error: HTTP status, S3 code, message, and the extra elements S3 adds ({@code Key}, {@code
 * BucketName}…).
 */
final class S3Error extends RuntimeException {
  final int status;
  final String code;
  final Map<String, String> details = new LinkedHashMap<>();

  S3Error(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** Adds an element rendered after {@code Message}. */
  S3Error with(String element, String value) {
    if (value != null) {
      details.put(element, value);
    }
    return this;
  }

  static S3Error accessDenied() {
    return new S3Error(403, "AccessDenied", "Access Denied");
  }

  static S3Error noSuchBucket(String bucket) {
    return new S3Error(404, "NoSuchBucket", "The specified bucket does not exist")
        .with("BucketName", bucket);
  }

  static S3Error noSuchKey(String key) {
    return new S3Error(404, "NoSuchKey", "The specified key does not exist.").with("Key", key);
  }

  /**
   * S3 has no "storage full" error (its storage has no limit); its 503 {@code ServiceUnavailable}
   * is the closest: a server-side refusal that changes nothing, which clients may retry later.
   */
  static S3Error storageFull(long limit) {
    return new S3Error(
        503,
        "ServiceUnavailable",
        "IAMLocal keeps S3 objects in memory and holds its limit of "
            + limit
            + " bytes in all; delete objects or start it with a larger --s3-max-total-bytes.");
  }

  static S3Error notImplemented() {
    return new S3Error(
        501,
        "NotImplemented",
        "A header you provided implies functionality that is not implemented");
  }

  static S3Error malformedXml() {
    return new S3Error(
        400,
        "MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published schema");
  }

  static S3Error invalidArgument(String message, String name, String value) {
    return new S3Error(400, "InvalidArgument", message)
        .with("ArgumentName", name)
        .with("ArgumentValue", value);
  }

  /** SigV4 failures with S3's codes and texts (S3 words them differently from IAM and STS). */
  static S3Error of(SigV4Failure failure) {
    return switch (failure.kind()) {
      case MISSING_AUTHENTICATION_TOKEN -> accessDenied();
      case INCOMPLETE_SIGNATURE ->
          new S3Error(400, "AuthorizationHeaderMalformed", failure.message());
      case INVALID_CLIENT_TOKEN_ID ->
          new S3Error(
              403,
              "InvalidAccessKeyId",
              "The AWS Access Key Id you provided does not exist in our records.");
      case INVALID_SECURITY_TOKEN ->
          new S3Error(400, "InvalidToken", "The provided token is malformed or otherwise invalid.");
      case SIGNATURE_DOES_NOT_MATCH -> signatureDoesNotMatch();
      case SIGNATURE_EXPIRED ->
          new S3Error(
              403,
              "RequestTimeTooSkewed",
              "The difference between the request time and the current time is too large.");
      case REQUEST_EXPIRED -> new S3Error(403, "AccessDenied", "Request has expired");
      case EXPIRED_TOKEN -> new S3Error(400, "ExpiredToken", "The provided token has expired.");
    };
  }

  static S3Error signatureDoesNotMatch() {
    return new S3Error(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
  }
}
