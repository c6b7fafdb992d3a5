package io.iamlocal.server.dispatch;

import io.iamlocal.server.authz.EnforcementMode;

/**
 * Decides whether a caller may run an operation, before its handler runs. Throws an
 * {@code AccessDenied} {@code AwsServiceException} to refuse.
 */
@FunctionalInterface
public interface Authorizer {
  Authorizer ALLOW_ALL = (spec, call) -> {};

  /** Decides {@code call} of the operation {@code spec} describes (its action, resource row, temporary credentials, condition keys). */
  void authorize(OperationSpec spec, OperationCall call);

  /** The enforcement mode calls authorized here run under; handlers read it from {@link OperationCall#enforcement()}. */
  default EnforcementMode enforcement() {
    return EnforcementMode.STRICT;
  }
}
