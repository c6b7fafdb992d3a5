package io.iamlocal.server;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.iam.AccessKeyOperations;
import io.iamlocal.server.iam.UserOperations;
import io.iamlocal.server.sts.CallerIdentityOperations;
import java.util.List;

/** The one list of operation families the server serves. Add a family here to serve it. */
final class OperationCatalog {
  private OperationCatalog() {}

  static List<Operations> families() {
    return List.of(
        new UserOperations(),
        new AccessKeyOperations(),
        new CallerIdentityOperations());
  }

  static OperationRegistry build(ServiceModel iam, ServiceModel sts) {
    OperationRegistry registry = new OperationRegistry().addService(iam).addService(sts);
    families().forEach(f -> f.register(registry));
    return registry;
  }
}
