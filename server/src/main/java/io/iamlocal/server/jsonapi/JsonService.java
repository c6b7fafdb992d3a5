package io.iamlocal.server.jsonapi;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A JSON-protocol service IAMLocal serves: its model and the handlers of the operations it
 * implements (others answer {@code UnknownOperationException}). {@code actionPrefix} is the IAM
 * service prefix its actions are authorized under ({@code cloudtrail}, {@code access-analyzer}).
 * {@code modelSource} is read at the first request, not at start-up: parsing these models took a
 * tenth of the time to the first answer, and most servers never get a CloudTrail or Access Analyzer
 * call.
 */
public record JsonService(
    Supplier<ServiceModel> modelSource, String actionPrefix, Map<String, JsonOperation> handlers) {

  public ServiceModel model() {
    return modelSource.get();
  }

  /**
   * The operation a request names: by {@code X-Amz-Target} (JSON 1.1) or by method and path
   * (REST-JSON).
   */
  OperationModel operation(String method, String path, String target, Map<String, String> labels) {
    ServiceModel model = model();
    if (model.protocol().equals("json")) {
      if (target == null || !target.startsWith(model.targetPrefix() + ".")) {
        return null;
      }
      return model.operation(target.substring(model.targetPrefix().length() + 1));
    }
    for (String name : handlers.keySet()) {
      OperationModel operation = model.operation(name);
      if (operation.http().method().equals(method)
          && RestPath.match(operation.http().requestUri(), path, labels)) {
        return operation;
      }
    }
    return null;
  }
}
