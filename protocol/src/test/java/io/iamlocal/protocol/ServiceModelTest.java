package io.iamlocal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.model.ShapeType;
import org.junit.jupiter.api.Test;

class ServiceModelTest {
  @Test
  void loadsEveryIamAndStsOperation() {
    ServiceModel iam = ServiceModel.load("iam-2010-05-08");
    ServiceModel sts = ServiceModel.load("sts-2011-06-15");
    assertThat(iam.operations()).hasSize(176);
    assertThat(sts.operations()).hasSize(11);
    assertThat(iam.xmlNamespace())
        .isEqualTo("https://iam.amazonaws.com/doc/2010-05-08/")
        .isEqualTo(io.iamlocal.protocol.error.ErrorRenderer.IAM_NAMESPACE);
    assertThat(sts.xmlNamespace()).isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
  }

  @Test
  void resolvesShapesMembersAndConstraints() {
    OperationModel createUser = ServiceModel.load("iam-2010-05-08").operation("CreateUser");
    assertThat(createUser.resultWrapper()).isEqualTo("CreateUserResult");
    assertThat(createUser.input().isRequired("UserName")).isTrue();
    assertThat(createUser.input().member("UserName").max()).isEqualTo(64L);
    assertThat(createUser.input().member("Tags").type()).isEqualTo(ShapeType.LIST);
    assertThat(createUser.input().member("Tags").listMember().memberNames())
        .containsExactly("Key", "Value");
    assertThat(ServiceModel.load("iam-2010-05-08").paginators().get("ListUsers").inputToken())
        .isEqualTo("Marker");
  }
}
