package io.iamlocal.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A structure read by position renders exactly as the same members looked up by name. */
class OrderedMembersRenderingTest {
  private static final ServiceModel IAM = ServiceModel.load("iam-2010-05-08");
  private static final OperationModel GET_USER = IAM.operation("GetUser");

  /** A map that also lists its members by position, as the server's Struct does. */
  private static final class Positional extends LinkedHashMap<String, Object>
      implements OrderedMembers {
    Positional with(String name, Object value) {
      put(name, value);
      return this;
    }

    @Override
    public String nameAt(int index) {
      return new ArrayList<>(keySet()).get(index);
    }

    @Override
    public Object valueAt(int index) {
      return new ArrayList<>(values()).get(index);
    }
  }

  private static Map<String, Object> user(Positional into, List<String> order) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("Path", "/a&b/");
    all.put("UserName", "alice");
    all.put("UserId", "AIDAEXAMPLE");
    all.put("Arn", "arn:aws:iam::123456789012:user/a&b/alice");
    all.put("CreateDate", Instant.parse("2024-01-02T03:04:05Z"));
    all.put("PermissionsBoundary", null);
    all.put(
        "Tags",
        List.of(
            new Positional().with("Key", "k<").with("Value", ""),
            Map.of("Key", "x", "Value", "y")));
    for (String name : order) {
      into.with(name, all.get(name));
    }
    return into;
  }

  private static String render(Map<String, Object> user) {
    return XmlResponseWriter.render(GET_USER, Map.of("User", user), "r");
  }

  @Test
  void inModelOrderOutOfOrderOrByEqualNamesTheOutputIsTheSame() {
    List<String> modelOrder =
        IAM.shape("User").memberNames().stream()
            .filter(n -> !n.equals("PasswordLastUsed"))
            .toList();
    String expected = render(new LinkedHashMap<>(user(new Positional(), modelOrder)));
    assertThat(expected)
        .contains("<Path>/a&amp;b/</Path>", "<UserName>alice</UserName>")
        .contains("<Key>k&lt;</Key>\n          <Value></Value>")
        .doesNotContain("PermissionsBoundary");
    assertThat(render(user(new Positional(), modelOrder))).isEqualTo(expected);
    List<String> reversed = new ArrayList<>(modelOrder);
    java.util.Collections.reverse(reversed);
    assertThat(render(user(new Positional(), reversed))).isEqualTo(expected);
    List<String> copies = modelOrder.stream().map(String::new).toList(); // equal, not the same
    assertThat(render(user(new Positional(), copies))).isEqualTo(expected);
    List<String> oneCopy = new ArrayList<>(reversed);
    oneCopy.set(3, new String(oneCopy.get(3))); // found by identity but one: written again by name
    assertThat(render(user(new Positional(), oneCopy))).isEqualTo(expected);
  }

  @Test
  void aMemberTheShapeLacksIsStillRefused() {
    Positional user = new Positional().with("UserName", "alice").with("Nickname", "al");
    assertThatThrownBy(() -> render(user))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Nickname");
  }
}
