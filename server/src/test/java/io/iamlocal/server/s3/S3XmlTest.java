package io.iamlocal.server.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class S3XmlTest {
  @Test
  void lastModifiedIsAnImfFixdateWithATwoDigitDayAndNoFraction() {
    assertThat(S3Xml.httpDate(Instant.parse("2026-12-06T14:03:09.750Z")))
        .isEqualTo("Sun, 06 Dec 2026 14:03:09 GMT");
  }
}
