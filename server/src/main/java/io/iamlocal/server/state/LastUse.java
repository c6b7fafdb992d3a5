package io.iamlocal.server.state;

import java.time.Duration;
import java.time.Instant;

/** The granularity of "last used" bookkeeping (access keys, access advisor). */
final class LastUse {
  /** A last-use record younger than this is not replaced by a newer use of the same kind. */
  static final Duration GRANULARITY = Duration.ofSeconds(60);

  private LastUse() {}

  static boolean isFresh(Instant recorded, Instant now) {
    return !now.isBefore(recorded) && Duration.between(recorded, now).compareTo(GRANULARITY) < 0;
  }
}
