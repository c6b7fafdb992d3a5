package io.iamlocal.server.state;

import java.time.Duration;
import java.time.Instant;

/** The granularity of "last used" bookkeeping (access keys, access advisor). */
final class LastUse {
  /** A last-use record younger than this is not replaced by a newer use of the same kind. */
  static final Duration GRANULARITY = Duration.ofSeconds(60);

  private static final long GRANULARITY_SECONDS = GRANULARITY.getSeconds();

  private LastUse() {}

  /**
   * Whether {@code recorded} is at most {@code now} and less than {@link #GRANULARITY} before it.
   * Compared in whole seconds plus nanos without building a Duration: this runs on every signed
   * request.
   */
  static boolean isFresh(Instant recorded, Instant now) {
    return isFresh(recorded.getEpochSecond(), recorded.getNano(), now);
  }

  /** {@link #isFresh(Instant, Instant)} of the instant {@code epochSecond} and {@code nano}. */
  static boolean isFresh(long epochSecond, int nano, Instant now) {
    long seconds = now.getEpochSecond() - epochSecond;
    if (seconds < 0 || (seconds == 0 && now.getNano() < nano)) {
      return false; // now is before the recorded instant
    }
    return seconds < GRANULARITY_SECONDS
        || (seconds == GRANULARITY_SECONDS && now.getNano() < nano);
  }
}
