package io.iamlocal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.json.PackedJson;
import io.iamlocal.protocol.json.PlainJson;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packed form the build writes beside each vendored JSON file reads back as the same tree. */
class PackedJsonTest {
  private static Object json(String text) {
    return PlainJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void roundTripsEveryKindOfValueInDocumentOrder() {
    Object tree =
        json(
            "{\"z\":{\"x\":1,\"a\":[\"p\",2.50,true,false,null,-9223372036854775808]},"
                + "\"a\":\"é ü 😀 \\\"q\\\"\",\"e\":{},\"l\":[],\"again\":\"p\",\"n\":null}");
    Object back = PackedJson.read(PackedJson.pack(tree));
    assertThat(back).isEqualTo(tree);
    assertThat(PlainJson.object(Map.of("r", back), "r").keySet())
        .containsExactly("z", "a", "e", "l", "again", "n");
    assertThat(PlainJson.text(back, "a", null)).isEqualTo("é ü 😀 \"q\"");
  }

  @Test
  void storesARepeatedStringOnce() {
    String name = "AVeryLongShapeNameThatRepeats";
    byte[] once = PackedJson.pack(List.of(name));
    byte[] thrice = PackedJson.pack(List.of(name, name, name));
    assertThat(thrice.length - once.length).isEqualTo(4); // two tags and two one-byte references
  }

  @Test
  void longStringsAndManyMembersUseMultiByteCounts() {
    String big = "x".repeat(70_000);
    Map<String, Object> many = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      many.put("k" + i, (long) i);
    }
    Object tree = List.of(big, many);
    assertThat(PackedJson.read(PackedJson.pack(tree))).isEqualTo(tree);
  }

  @Test
  void refusesForeignTruncatedOrTrailingInput() {
    byte[] packed = PackedJson.pack(Map.of("k", "value"));
    assertThatThrownBy(() -> PackedJson.read("{\"k\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PackedJson.read(Arrays.copyOf(packed, packed.length - 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PackedJson.read(Arrays.copyOf(packed, packed.length + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aResourceWithoutPackedTwinIsParsedAndAMissingOneIsNull() throws Exception {
    String json = "/io/iamlocal/protocol/models/iam-2010-05-08.paginators.json";
    assertThat(PackedJsonTest.class.getResource(json + PackedJson.SUFFIX)).isNull();
    try (InputStream in = PackedJsonTest.class.getResourceAsStream(json)) {
      assertThat(PackedJson.resource(PackedJsonTest.class, json)).isEqualTo(PlainJson.read(in));
    }
    assertThat(PackedJson.resource(PackedJsonTest.class, "/no/such/file.json")).isNull();
  }
}
