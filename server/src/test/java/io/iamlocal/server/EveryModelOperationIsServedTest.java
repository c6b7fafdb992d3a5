package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.dispatch.OperationRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the vendored IAM and STS models has a handler: none answers NotImplemented.
 */
class EveryModelOperationIsServedTest {

  @Test
  void registryCoversBothModels() {
    ServiceModel iam = IamLocalServer.ServiceModels.iam();
    ServiceModel sts = IamLocalServer.ServiceModels.sts();
    OperationRegistry registry = OperationCatalog.build(iam, sts);
    for (ServiceModel model : List.of(iam, sts)) {
      assertThat(registry.implemented(model.endpointPrefix()))
          .as(model.serviceId() + " operations without a handler")
          .containsExactlyInAnyOrderElementsOf(model.operations().keySet());
    }
  }
}
