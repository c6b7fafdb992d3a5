package io.iamlocal.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.model.Shape;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class XmlElementsTest {
  private static final ServiceModel IAM = ServiceModel.load("iam-2010-05-08");

  @Test
  void aStructuresMembersComeInModelOrderWithTheirTagsEncodedAndNamesInterned() {
    Shape user = IAM.shape("User");
    XmlElements elements = XmlElements.of(user);
    assertThat(Arrays.stream(elements.members).map(XmlElements.Element::name))
        .containsExactlyElementsOf(user.memberNames());
    XmlElements.Element userName =
        Arrays.stream(elements.members).filter(e -> e.name().equals("UserName")).findFirst().get();
    assertThat(userName.name()).isSameAs("UserName");
    assertThat(new String(userName.open(), StandardCharsets.UTF_8)).isEqualTo("<UserName>");
    assertThat(new String(userName.close(), StandardCharsets.UTF_8)).isEqualTo("</UserName>\n");
    assertThat(userName.shape()).isSameAs(user.member("UserName"));
    assertThat(XmlElements.of(user)).isSameAs(elements); // derived once
  }

  @Test
  void aListHasItsMemberElementAndAMapItsKeyAndValue() {
    Shape tags = IAM.shape("tagListType");
    assertThat(XmlElements.of(tags).item.name()).isEqualTo("member");
    assertThat(XmlElements.of(tags).item.shape()).isSameAs(tags.listMember());
    Shape summary = IAM.shape("summaryMapType");
    assertThat(XmlElements.of(summary).item.name()).isEqualTo("key");
    assertThat(XmlElements.of(summary).value.name()).isEqualTo("value");
    assertThat(XmlElements.of(summary).value.shape()).isSameAs(summary.mapValue());
  }
}
