package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastUseTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00.500Z");

  @Test
  void aRecordIsFreshForLessThanTheGranularity() {
    assertThat(LastUse.isFresh(T, T)).isTrue();
    assertThat(LastUse.isFresh(T, T.plusSeconds(59).plusMillis(999))).isTrue();
    assertThat(LastUse.isFresh(T, T.plusSeconds(60).minusNanos(1))).isTrue();
    assertThat(LastUse.isFresh(T, T.plusSeconds(60))).isFalse();
    assertThat(LastUse.isFresh(T, T.plusSeconds(61))).isFalse();
  }

  @Test
  void aRecordFromTheFutureIsNotFresh() {
    assertThat(LastUse.isFresh(T, T.minusNanos(1))).isFalse();
  }
}
