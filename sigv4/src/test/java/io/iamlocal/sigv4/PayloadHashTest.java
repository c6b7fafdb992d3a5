package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadHashTest {

  @Test
  void aRepeatedBodyGetsTheSameHashAndAnotherBodyItsOwn() {
    byte[] body = "Action=GetUser&Version=2010-05-08".getBytes(StandardCharsets.UTF_8);
    String first = PayloadHash.sha256Hex(body);
    assertThat(first).isEqualTo(Hashing.sha256Hex(body));
    assertThat(PayloadHash.sha256Hex(body.clone())).isEqualTo(first);
    body[7] = 'L'; // the caller's array changed after it was hashed: not the remembered body
    assertThat(PayloadHash.sha256Hex(body)).isEqualTo(Hashing.sha256Hex(body)).isNotEqualTo(first);
  }

  @Test
  void largeBodiesAreHashedEachTime() {
    byte[] body = new byte[4096];
    assertThat(PayloadHash.sha256Hex(body)).isEqualTo(Hashing.sha256Hex(body));
    body[100] = 1;
    assertThat(PayloadHash.sha256Hex(body)).isEqualTo(Hashing.sha256Hex(body));
  }
}
