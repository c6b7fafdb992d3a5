package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceivedHeadersTest {

  @Test
  void readsAsTheMapOfListsItReplacesInArrivalOrder() {
    ReceivedHeaders headers =
        ReceivedHeaders.builder(2)
            .add("host", "example.com")
            .add("x-amz-meta-a", "1")
            .add("content-type", "text/plain")
            .add("x-amz-meta-a", "2")
            .add("x-amz-meta-a", "3")
            .build();

    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("host", List.of("example.com"));
    expected.put("x-amz-meta-a", List.of("1", "2", "3"));
    expected.put("content-type", List.of("text/plain"));
    assertThat(headers).isEqualTo(expected);
    assertThat(headers.keySet()).containsExactly("host", "x-amz-meta-a", "content-type");
    assertThat(headers.first("x-amz-meta-a")).isEqualTo("1");
    assertThat(headers.first("host")).isEqualTo("example.com");
    assertThat(headers.first("absent")).isNull();
    assertThat(headers.get("absent")).isNull();
    assertThat(headers.containsKey("content-type")).isTrue();
    assertThat(headers.rawValues("host")).isEqualTo("example.com");
    assertThatThrownBy(() -> headers.get("x-amz-meta-a").add("4"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.put("x", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void manyNamesAreFoundThroughTheIndexAndRepeatsStillGather() {
    ReceivedHeaders.Builder builder = ReceivedHeaders.builder(4);
    int names = ReceivedHeaders.INDEXED_FROM * 3;
    for (int i = 0; i < names; i++) {
      builder.add("x-h" + i, "v" + i);
    }
    builder.add("x-h0", "again").add("x-h" + (names - 1), "again");
    ReceivedHeaders headers = builder.build();

    assertThat(headers).hasSize(names);
    for (int i = 1; i < names - 1; i++) {
      assertThat(headers.first("x-h" + i)).isEqualTo("v" + i);
    }
    assertThat(headers.get("x-h0")).containsExactly("v0", "again");
    assertThat(headers.get("x-h" + (names - 1))).containsExactly("v" + (names - 1), "again");
    assertThat(headers.containsKey("x-h" + names)).isFalse();
  }

  @Test
  void takeOverKeepsEveryValue() {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    byName.put("host", List.of("h"));
    byName.put("x-a", List.of("1", "2"));

    assertThat(ReceivedHeaders.takeOver(byName)).isEqualTo(byName);
  }
}
