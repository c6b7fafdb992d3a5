package io.iamlocal.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HttpResponseDataTest {
  private static byte[] text(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }

  @Test
  void aCopiedBodySitsInAReusedArrayAndReadsBackExactly() {
    byte[] rendered = text(3000);
    rendered[0] = 'a';
    HttpResponseData response = HttpResponseData.copied(200, "text/xml", rendered, 900, "r");
    assertThat(response.reusesArray()).isTrue();
    assertThat(response.bodyLength()).isEqualTo(900);
    assertThat(response.bodyArray()).hasSize(1024);
    rendered[0] = 'b'; // the renderer reuses its buffer: the response has its own copy
    assertThat(response.body()).hasSize(900).startsWith((byte) 'a');
    assertThat(Arrays.copyOf(response.bodyArray(), 900)).isEqualTo(response.body());
  }

  @Test
  void aReleasedArrayServesTheNextBodyAndTheReleasedBodyCannotBeRead() {
    HttpResponseData first = HttpResponseData.copied(200, "text/xml", text(10), 10, "r1");
    byte[] array = first.bodyArray();
    first.releaseBody();
    first.releaseBody(); // idempotent: given back once
    assertThatThrownBy(first::body).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(first::bodyArray).isInstanceOf(IllegalStateException.class);
    HttpResponseData second = HttpResponseData.copied(200, "text/xml", text(20), 20, "r2");
    HttpResponseData third = HttpResponseData.copied(200, "text/xml", text(20), 20, "r3");
    assertThat(second.bodyArray()).isSameAs(array);
    assertThat(third.bodyArray()).isNotSameAs(array);
  }

  @Test
  void aBodyLargerThanAnyKeptArrayGetsItsOwnExactArray() {
    HttpResponseData large =
        HttpResponseData.copied(200, "text/xml", text(40_000), BodyArrays.LARGEST + 1, "r");
    assertThat(large.reusesArray()).isFalse();
    assertThat(large.body()).hasSize(BodyArrays.LARGEST + 1).isSameAs(large.bodyArray());
    large.releaseBody();
    assertThat(large.body()).hasSize(BodyArrays.LARGEST + 1); // its own: still readable
  }

  @Test
  void aBodyOfItsOwnArrayIsThatArray() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    HttpResponseData response = new HttpResponseData(200, "application/json", body, "r");
    assertThat(response.body()).isSameAs(body);
    assertThat(response.bodyLength()).isEqualTo(2);
    assertThat(response.reusesArray()).isFalse();
  }

  @Test
  void sizeClassesArePowersOfTwoFromOneKibibyte() {
    assertThat(BodyArrays.sizeClass(0)).isZero();
    assertThat(BodyArrays.sizeClass(1024)).isZero();
    assertThat(BodyArrays.sizeClass(1025)).isEqualTo(1);
    assertThat(BodyArrays.sizeClass(2048)).isEqualTo(1);
    assertThat(BodyArrays.sizeClass(BodyArrays.LARGEST)).isEqualTo(4);
    assertThat(BodyArrays.take(BodyArrays.LARGEST)).hasSize(BodyArrays.LARGEST);
    assertThat(BodyArrays.take(BodyArrays.LARGEST + 1)).isNull();
    BodyArrays.give(new byte[1000]); // not one of ours: ignored
    assertThat(BodyArrays.take(1000)).hasSize(1024);
  }
}
