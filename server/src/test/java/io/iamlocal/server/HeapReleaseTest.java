package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A reset starts a collection only when the heap is large, and not twice within the interval. */
class HeapReleaseTest {
  private final AtomicLong committed = new AtomicLong();
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger collections = new AtomicInteger();
  private final HeapRelease release =
      new HeapRelease(committed::get, now::get, collections::incrementAndGet);

  @Test
  void aSmallHeapIsLeftAlone() {
    committed.set(HeapRelease.MIN_COMMITTED_BYTES - 1);
    release.afterReset();
    assertThat(collections).hasValue(0);
  }

  @Test
  void aLargeHeapIsCollectedOncePerInterval() {
    committed.set(HeapRelease.MIN_COMMITTED_BYTES);
    release.afterReset();
    assertThat(collections).hasValue(1);
    now.addAndGet(HeapRelease.MIN_INTERVAL_NANOS - 1);
    release.afterReset();
    assertThat(collections).hasValue(1);
    now.addAndGet(1);
    release.afterReset();
    assertThat(collections).hasValue(2);
  }
}
