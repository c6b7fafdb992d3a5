package io.iamlocal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.json.PlainJson;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.model.Shape;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader behind the service models reads JSON as Jackson's tree did, for the members
 * the models use.
 */
class PlainJsonTest {

  private static Object read(String json) {
    return PlainJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsObjectsArraysAndScalarsInDocumentOrder() {
    Object doc = read("{\"b\":{\"x\":1,\"a\":[\"p\",2.50,true,null]},\"a\":\"text\",\"n\":null}");
    assertThat(PlainJson.object(doc, "b").keySet()).containsExactly("x", "a");
    assertThat(new java.util.ArrayList<Object>(PlainJson.array(PlainJson.object(doc, "b"), "a")))
        .containsExactly("p", new java.math.BigDecimal("2.50"), true, null);
    assertThat(PlainJson.text(doc, "a", null)).isEqualTo("text");
    assertThat(PlainJson.text(PlainJson.object(doc, "b"), "x", null)).isEqualTo("1");
  }

  @Test
  void missingOrNullMembersGiveTheDefaultAndContainersReadAsEmptyText() {
    Object doc = read("{\"o\":{},\"l\":[],\"n\":null}");
    assertThat(PlainJson.text(doc, "missing", "dflt")).isEqualTo("dflt");
    assertThat(PlainJson.text(doc, "n", null)).isNull();
    assertThat(PlainJson.text(doc, "o", null)).isEmpty();
    assertThat(PlainJson.text(doc, "l", null)).isEmpty();
    assertThat(PlainJson.object(doc, "l")).isEmpty();
    assertThat(PlainJson.array(doc, "o")).isEmpty();
    assertThat(PlainJson.object("not an object", "o")).isEmpty();
  }

  @Test
  void theIamModelKeepsItsConstraintsAndErrors() {
    ServiceModel iam = ServiceModel.load("iam-2010-05-08");
    Shape userName = iam.shape("userNameType");
    assertThat(userName.min()).isEqualTo(1L);
    assertThat(userName.max()).isEqualTo(64L);
    assertThat(userName.pattern()).isNotEmpty();
    Shape noSuchEntity = iam.shape("NoSuchEntityException");
    assertThat(noSuchEntity.error()).isEqualTo(new Shape.ErrorInfo("NoSuchEntity", 404, true));
    assertThat(iam.shape("ServiceFailureException").error())
        .isEqualTo(new Shape.ErrorInfo("ServiceFailure", 500, false));
    assertThat(iam.operation("GetUser").output().name()).isEqualTo("GetUserResponse");
    assertThat(iam.operation("GetUser").resultWrapper()).isEqualTo("GetUserResult");
    assertThat(iam.paginators().get("ListUsers").inputToken()).isEqualTo("Marker");
    assertThat(iam.shape("CreateUserRequest").required()).containsExactly("UserName");
    assertThat(iam.shape("policyScopeType").enumValues()).isEqualTo(List.of("All", "AWS", "Local"));
  }
}
