package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HashingTest {

  @Test
  void hmacIsTheJdksHmacSha256ForShortLongAndBlockSizedKeysAndAnyDataLength() throws Exception {
    Random random = new Random(42);
    MessageDigest sha256 = Hashing.newSha256();
    byte[] block = new byte[64];
    byte[] out = new byte[32];
    for (int keyLength : new int[] {0, 1, 32, 63, 64, 65, 200}) {
      for (int dataLength : new int[] {0, 1, 55, 56, 64, 119, 120, 1000}) {
        byte[] key = new byte[keyLength];
        byte[] data = new byte[dataLength + 7]; // only the first dataLength bytes count
        random.nextBytes(key);
        random.nextBytes(data);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
        if (key.length == 0) {
          // SecretKeySpec refuses an empty key; HMAC pads it like a zero byte, so both agree.
          key = new byte[1];
        }
        mac.update(data, 0, dataLength);
        byte[] expected = mac.doFinal();

        Hashing.hmacSha256(sha256, block, key, data, dataLength, out);

        assertThat(out).as("key %d, data %d bytes", keyLength, dataLength).isEqualTo(expected);
      }
    }
  }

  @Test
  void rfc4231TestCase2() {
    byte[] mac =
        Hashing.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?");
    assertThat(HexFormat.of().formatHex(mac))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void hexEqualsTakesEitherCaseButOnlyTheWholeDigestInAsciiDigits() {
    byte[] digest = HexFormat.of().parseHex("00ff10ab" + "0".repeat(56));
    String hex = "00ff10ab" + "0".repeat(56);
    String framed = "Signature=" + hex + ",";

    assertThat(Hashing.hexEquals(digest, hex, 0, 64)).isTrue();
    assertThat(Hashing.hexEquals(digest, hex.toUpperCase(), 0, 64)).isTrue();
    assertThat(Hashing.hexEquals(digest, framed, 10, 74)).isTrue();
    assertThat(Hashing.hexEquals(digest, framed, 10, 73)).isFalse();
    assertThat(Hashing.hexEquals(digest, framed, 9, 73)).isFalse();
    assertThat(Hashing.hexEquals(digest, "1" + hex.substring(1), 0, 64)).isFalse();
    assertThat(Hashing.hexEquals(digest, hex.substring(0, 63) + "g", 0, 64)).isFalse();
    assertThat(Hashing.hexEquals(digest, "\u0660" + hex.substring(1), 0, 64)).isFalse();
  }
}
