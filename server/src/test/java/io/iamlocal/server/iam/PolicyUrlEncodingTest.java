package io.iamlocal.server.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolicyUrlEncodingTest {

  @Test
  void leavesOnlyUnreservedCharactersLiteral() {
    assertThat(PolicyUrlEncoding.encode("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
    assertThat(PolicyUrlEncoding.encode(" *+/:\"{}\n\t"))
        .isEqualTo("%20%2A%2B%2F%3A%22%7B%7D%0A%09");
  }

  @Test
  void encodesNonAsciiAsUtf8() {
    assertThat(PolicyUrlEncoding.encode("é")).isEqualTo("%C3%A9");
  }

  @Test
  void roundTripsAPolicy() {
    String policy =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/~x y\"}]}";
    String encoded = PolicyUrlEncoding.encode(policy);
    assertThat(encoded).doesNotContain("+", " ", "*");
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(policy);
  }

  @Test
  void nullStaysNull() {
    assertThat(PolicyUrlEncoding.encode(null)).isNull();
  }
}
