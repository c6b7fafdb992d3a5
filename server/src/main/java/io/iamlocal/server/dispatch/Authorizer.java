package io.iamlocal.server.dispatch;

import io.iamlocal.server.authz.EnforcementMode;
import io.iamlocal.protocol.model.OperationModel;

/**
 * Decides whether a caller may run an operation, before its handler runs. Throws an
 * {@code AccessDenied} {@code AwsServiceException} to refuse.
 */
@FunctionalInterface
public interface Authorizer {
  Authorizer ALLOW_ALL = (operation, call) -> {};

  void authorize(OperationModel operation, OperationCall call);

  /** The enforcement mode calls authorized here run under; handlers read it from {@link OperationCall#enforcement()}. */
  default EnforcementMode enforcement() {
    return EnforcementMode.STRICT;
  }
}
