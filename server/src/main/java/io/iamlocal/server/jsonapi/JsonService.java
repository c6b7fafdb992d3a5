package io.iamlocal.server.jsonapi;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import java.util.Map;

/**
 * A JSON-protocol service IAMLocal serves: its model and the handlers of the operations it
 * implements (others answer {@code UnknownOperationException}). {@code actionPrefix} is the IAM
 * service prefix its actions are authorized under ({@code cloudtrail}, {@code access-analyzer}).
 */
public record JsonService(ServiceModel model, String actionPrefix, Map<String, JsonOperation> handlers) {

  /** The operation a request names: by {@code X-Amz-Target} (JSON 1.1) or by method and path (REST-JSON). */
  OperationModel operation(String method, String path, String target, Map<String, String> labels) {
    if (model.protocol().equals("json")) {
      if (target == null || !target.startsWith(model.targetPrefix() + ".")) {
        return null;
      }
      return model.operation(target.substring(model.targetPrefix().length() + 1));
    }
    for (String name : handlers.keySet()) {
      OperationModel operation = model.operation(name);
      if (operation.http().method().equals(method) && RestPath.match(operation.http().requestUri(), path, labels)) {
        return operation;
      }
    }
    return null;
  }
}
