package io.iamlocal.server.dispatch;

import java.util.Map;

/**
 * One operation's business logic: reads the call's parameters and returns the output members (null
 * when the operation has no output). Throws {@code AwsServiceException} for AWS errors.
 */
@FunctionalInterface
public interface OperationHandler {
  Map<String, ?> handle(OperationCall call);
}
