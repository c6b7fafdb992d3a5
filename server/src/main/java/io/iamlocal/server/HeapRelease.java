package io.iamlocal.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Gives the heap a wiped state leaves back to the system. The serial collector returns heap to the
 * system only after a full collection, which a server whose requests mostly die young may not run
 * for a long time: after a burst that filled the heap (hundreds of thousands of STS sessions) and a
 * reset that dropped it, the process kept its peak size. So a reset that leaves a large heap starts
 * one full collection on a thread of its own, at most one every {@link #MIN_INTERVAL_NANOS} (suites
 * that reset between tests stay below the size and never pay for it).
 */
final class HeapRelease {
  /** Below this much committed heap there is little to give back. */
  static final long MIN_COMMITTED_BYTES = 64L * 1024 * 1024;

  static final long MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final HeapRelease JVM =
      new HeapRelease(
          () -> Runtime.getRuntime().totalMemory(),
          System::nanoTime,
          () -> {
            Thread collect = new Thread(System::gc, "iamlocal-heap-release");
            collect.setDaemon(true);
            collect.start();
          });

  private final LongSupplier committedBytes;
  private final LongSupplier nanoTime;
  private final Runnable collect;

  /** When the last collection was started; at first, as if one had started an interval ago. */
  private final AtomicLong lastStarted;

  HeapRelease(LongSupplier committedBytes, LongSupplier nanoTime, Runnable collect) {
    this.committedBytes = committedBytes;
    this.nanoTime = nanoTime;
    this.collect = collect;
    this.lastStarted = new AtomicLong(nanoTime.getAsLong() - MIN_INTERVAL_NANOS);
  }

  /** The process's own. */
  static HeapRelease ofThisJvm() {
    return JVM;
  }

  /** Called once a reset has dropped the state; returns at once. */
  void afterReset() {
    if (committedBytes.getAsLong() < MIN_COMMITTED_BYTES) {
      return;
    }
    long now = nanoTime.getAsLong();
    long last = lastStarted.get();
    if (now - last >= MIN_INTERVAL_NANOS && lastStarted.compareAndSet(last, now)) {
      collect.run();
    }
  }
}
