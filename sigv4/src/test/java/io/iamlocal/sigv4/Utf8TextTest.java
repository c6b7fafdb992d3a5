package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

  @Test
  void writesTheUtf8BytesOfAsciiAndOtherTextAndGrowsAsNeeded() {
    Utf8Text text = new Utf8Text(4);
    String[] pieces = {"GET", "/caf\u00e9", "x-amz-meta:\u65e5\u672c", "\ud83d\ude00 emoji", "end"};
    StringBuilder expected = new StringBuilder();
    for (String piece : pieces) {
      text.append(piece).append('\n');
      expected.append(piece).append('\n');
    }
    text.append('\u00e9');
    expected.append('\u00e9');

    byte[] bytes = expected.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(Arrays.copyOf(text.bytes(), text.length())).isEqualTo(bytes);
    assertThat(text.toString()).isEqualTo(expected.toString());
  }

  @Test
  void appendsLowerCaseHexAndStartsOverOnReset() {
    Utf8Text text = new Utf8Text(16);
    text.append("stale text");
    text.reset();
    text.appendHex(new byte[] {0, 15, (byte) 0xAB, (byte) 0xFF});

    assertThat(text.toString()).isEqualTo("000fabff");
  }

  @Test
  void theScratchTextComesBackEmptyAndSmallAfterAHugeRequest() {
    Utf8Text huge = SigningScratch.get().text();
    huge.append("q".repeat(100_000));

    Utf8Text next = SigningScratch.get().text();

    assertThat(next.length()).isZero();
    assertThat(next.capacity()).isLessThan(100_000);
  }
}
