package io.iamlocal.protocol.error;

/**
 * The one exception that carries an AWS error to the client. Handlers and state throw it; only
 * {@link ErrorRenderer} turns it into bytes.
 */
public class AwsServiceException extends RuntimeException {
  private final AwsErrorCode errorCode;

  public AwsServiceException(AwsErrorCode errorCode, String message) {
    super(message, null, false, false); // no stack trace: these are expected, frequent outcomes
    this.errorCode = errorCode;
  }

  public AwsErrorCode errorCode() {
    return errorCode;
  }

  public static AwsServiceException noSuchEntity(String message) {
    return new AwsServiceException(AwsErrorCode.NO_SUCH_ENTITY, message);
  }

  public static AwsServiceException alreadyExists(String message) {
    return new AwsServiceException(AwsErrorCode.ENTITY_ALREADY_EXISTS, message);
  }

  public static AwsServiceException deleteConflict(String message) {
    return new AwsServiceException(AwsErrorCode.DELETE_CONFLICT, message);
  }

  public static AwsServiceException limitExceeded(String message) {
    return new AwsServiceException(AwsErrorCode.LIMIT_EXCEEDED, message);
  }

  public static AwsServiceException invalidInput(String message) {
    return new AwsServiceException(AwsErrorCode.INVALID_INPUT, message);
  }

  public static AwsServiceException validation(String message) {
    return new AwsServiceException(AwsErrorCode.VALIDATION_ERROR, message);
  }

  public static AwsServiceException accessDenied(String message) {
    return new AwsServiceException(AwsErrorCode.ACCESS_DENIED, message);
  }
}
