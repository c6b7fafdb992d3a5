package io.iamlocal.server;

import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec;
import java.util.List;

/** The specs the server serves, for tests outside this package. */
public final class ServedSpecs {
  private static final OperationRegistry REGISTRY =
      OperationCatalog.build(
          IamLocalServer.ServiceModels.iam(), IamLocalServer.ServiceModels.sts());

  private ServedSpecs() {}

  /** The spec of {@code service:Operation}, or null when it is not served. */
  public static OperationSpec spec(String action) {
    String[] parts = action.split(":", 2);
    return REGISTRY.spec(parts[0], parts[1]);
  }

  /** Every served spec, IAM's then STS's, each in name order. */
  public static List<OperationSpec> all() {
    return List.of("iam", "sts").stream()
        .flatMap(
            service ->
                REGISTRY.implemented(service).stream().map(name -> REGISTRY.spec(service, name)))
        .toList();
  }
}
