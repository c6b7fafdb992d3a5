package io.iamlocal.server.dispatch;

/**
 * Decides whether a caller may run an operation, before its handler runs. Throws an {@code
 * AccessDenied} {@code AwsServiceException} to refuse.
 */
@FunctionalInterface
public interface Authorizer {
  Authorizer ALLOW_ALL = (spec, call) -> {};

  /**
   * Decides {@code call} of the operation {@code spec} describes (its action, resource row,
   * temporary credentials, condition keys).
   */
  void authorize(OperationSpec spec, OperationCall call);

  /**
   * The server settings calls authorized here run under; handlers read them from {@link
   * OperationCall#settings()}.
   */
  default CallSettings settings() {
    return CallSettings.DEFAULTS;
  }
}
