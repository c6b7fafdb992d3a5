package io.iamlocal.server.dispatch;

import io.iamlocal.server.authz.EnforcementMode;
import io.iamlocal.protocol.model.OperationModel;

/**
 * Decides whether a caller may run an operation, before its handler runs. Throws an
 * {@code AccessDenied} {@code AwsServiceException} to refuse.
 */
@FunctionalInterface
public interface Authorizer {
  Authorizer ALLOW_ALL = (operation, spec, call) -> {};

  /** Decides {@code call} of {@code operation}, whose {@code spec} says which temporary credentials may call it. */
  void authorize(OperationModel operation, OperationSpec spec, OperationCall call);

  /** The enforcement mode calls authorized here run under; handlers read it from {@link OperationCall#enforcement()}. */
  default EnforcementMode enforcement() {
    return EnforcementMode.STRICT;
  }
}
