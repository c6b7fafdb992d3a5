package io.iamlocal.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written Date header reads as the JDK's English formatter writes IMF-fixdate. */
class HttpDatesTest {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  @Test
  void matchesRfc9110sExample() {
    assertThat(HttpDates.imfFixdate(Instant.parse("1994-11-06T08:49:37Z").getEpochSecond()))
        .isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
  }

  @Test
  void matchesTheJdksFormatterAcrossCenturiesLeapDaysAndEverySecondOfADay() {
    long[] fixed = {
      0,
      -1,
      951_782_400L /* 2000-02-29 */,
      4_107_542_399L /* 2100-02-28T23:59:59 */,
      253_402_300_799L
    };
    for (long second : fixed) {
      assertThat(HttpDates.imfFixdate(second))
          .isEqualTo(IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
    }
    SplittableRandom random = new SplittableRandom(20);
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong(-2_000_000_000L, 253_402_300_800L);
      assertThat(HttpDates.imfFixdate(second))
          .isEqualTo(IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
    }
  }
}
