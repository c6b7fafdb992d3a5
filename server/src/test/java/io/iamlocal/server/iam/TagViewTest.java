package io.iamlocal.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.xml.XmlResponseWriter;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.Tags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagViewTest {
  @Test
  void readsAsTheKeyAndValueStructure() {
    Map<String, Object> view = TagParams.view(new Tags.Tag("team", "red"));
    assertThat(view).isEqualTo(Map.of("Key", "team", "Value", "red"));
    assertThat(view.keySet()).containsExactly("Key", "Value");
    assertThat(view.hashCode()).isEqualTo(Map.of("Key", "team", "Value", "red").hashCode());
    assertThat(view.get("Other")).isNull();
    assertThatThrownBy(() -> view.put("Key", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullValueIsLeftOutAsStructLeavesItOut() {
    Map<String, Object> view = TagParams.view(new Tags.Tag("team", null));
    assertThat(view).isEqualTo(new Struct().with("Key", "team").with("Value", null));
    assertThat(view.containsKey("Value")).isFalse();
  }

  @Test
  void rendersAsTheStructureDid() {
    var getUser = ServiceModel.load("iam-2010-05-08").operation("GetUser");
    Map<String, Object> asView = new LinkedHashMap<>();
    asView.put("UserName", "alice");
    asView.put(
        "Tags",
        List.of(TagParams.view(new Tags.Tag("a&b", "")), TagParams.view(new Tags.Tag("k", "v"))));
    Map<String, Object> asStruct = new LinkedHashMap<>(asView);
    asStruct.put(
        "Tags",
        List.of(
            new Struct().with("Key", "a&b").with("Value", ""),
            new Struct().with("Key", "k").with("Value", "v")));
    assertThat(XmlResponseWriter.render(getUser, Map.of("User", asView), "r"))
        .isEqualTo(XmlResponseWriter.render(getUser, Map.of("User", asStruct), "r"))
        .contains("<Key>a&amp;b</Key>");
  }
}
