package io.iamlocal.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Timestamps as the formatter writes them, for any instant, in any order of days. */
class TimestampTest {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Test
  void edgesOfDaysYearsAndTheEpoch() {
    for (String text :
        new String[] {
          "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2024-02-29T12:34:56Z",
          "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z", "1000-01-01T00:00:00Z",
          "9999-12-31T23:59:59Z", "0999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"
        }) {
      Instant instant = Instant.parse(text);
      assertThat(XmlResponseWriter.timestamp(instant)).isEqualTo(FORMAT.format(instant));
      assertThat(XmlResponseWriter.timestamp(instant.plusMillis(999))) // second precision
          .isEqualTo(FORMAT.format(instant));
    }
  }

  @Test
  void randomInstantsOnRepeatedAndChangingDays() {
    SplittableRandom random = new SplittableRandom(42);
    long min = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong(min, max);
      Instant instant = Instant.ofEpochSecond(second);
      assertThat(XmlResponseWriter.timestamp(instant)).isEqualTo(FORMAT.format(instant));
      Instant sameDay = Instant.ofEpochSecond(second - Math.floorMod(second, 86_400) + i % 86_400);
      assertThat(XmlResponseWriter.timestamp(sameDay)).isEqualTo(FORMAT.format(sameDay));
    }
  }
}
