package io.iamlocal.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8BuilderTest {
  @Test
  void numbersInDecimalAsLongToStringWritesThem() {
    Utf8Builder out = new Utf8Builder(1);
    long[] values = {
      0,
      7,
      9,
      10,
      99,
      100,
      12345,
      -1,
      -10,
      Integer.MAX_VALUE,
      999_999_999_999_999_999L,
      Long.MAX_VALUE,
      Long.MIN_VALUE
    };
    StringBuilder expected = new StringBuilder();
    for (long v : values) {
      out.number(v).ascii(' ');
      expected.append(v).append(' ');
    }
    assertThat(out.toString()).isEqualTo(expected.toString());
  }

  @Test
  void codePointsAndRawTextAreUtf8() {
    Utf8Builder out = new Utf8Builder(2);
    out.codePoint('a').codePoint('é').codePoint('€').codePoint(0x1F600).raw("x/ü");
    assertThat(out.toBytes()).isEqualTo("aé€\uD83D\uDE00x/ü".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesWhatWasAppendedAndTruncatesToAMark() throws Exception {
    Utf8Builder out = new Utf8Builder(4);
    out.ascii("keep");
    int mark = out.length();
    out.ascii(" drop");
    out.truncate(mark);
    out.digits(7, 3);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    out.writeTo(sink);
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("keep007");
    assertThatThrownBy(() -> out.truncate(out.length() + 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    out.clear();
    assertThat(out.length()).isZero();
  }
}
