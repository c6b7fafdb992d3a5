package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  private static final byte[] SHA1_SEED =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_SEED =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_SEED =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 Appendix B: 8-digit codes, 30-second steps. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void rfc6238TestVectors(long unixTime, String sha1, String sha256, String sha512) {
    long step = Totp.step(Instant.ofEpochSecond(unixTime));
    assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
    assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
    assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
  }

  /** RFC 4226 Appendix D: 6-digit HOTP values for counters 0 to 9 (TOTP is HOTP of the step). */
  @Test
  void rfc4226SixDigitValues() {
    String[] expected = {
      "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
      "520489"
    };
    for (int counter = 0; counter < expected.length; counter++) {
      assertThat(Totp.code(SHA1_SEED, counter)).isEqualTo(expected[counter]);
    }
  }

  @Test
  void stepsAreThirtySecondsFromTheEpoch() {
    assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
    assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
    assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
  }

  @Test
  void consecutivePairIsFoundNearTheCenterOnly() {
    long now = 1_000_000;
    String first = Totp.code(SHA1_SEED, now - 1);
    String second = Totp.code(SHA1_SEED, now);
    assertThat(Totp.findConsecutive(SHA1_SEED, first, second, now, 2)).isEqualTo(now - 1);
    assertThat(Totp.findConsecutive(SHA1_SEED, second, first, now, 2)).isEqualTo(Long.MIN_VALUE);
    String old1 = Totp.code(SHA1_SEED, now - 10);
    String old2 = Totp.code(SHA1_SEED, now - 9);
    assertThat(Totp.findConsecutive(SHA1_SEED, old1, old2, now, 2)).isEqualTo(Long.MIN_VALUE);
    assertThat(Totp.findConsecutive(SHA1_SEED, old1, old2, now, 40)).isEqualTo(now - 10);
  }
}
