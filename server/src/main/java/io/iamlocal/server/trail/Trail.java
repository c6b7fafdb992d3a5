package io.iamlocal.server.trail;

import io.iamlocal.server.state.AccountState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The server's bounded in-memory trail: the last {@code capacity} events in a lock-free ring
 * (recording costs the event loop one atomic increment and one array store), handed on to the
 * CloudTrail file writer when {@code --cloudtrail-dir} is set. Once the ring has wrapped, {@link
 * #oldestRetainedMillis} tells readers (policy generation) that older events were dropped.
 */
public final class Trail implements AutoCloseable {
  /**
   * Events kept unless configured otherwise. Small on purpose: under load, events that outlive a
   * few young collections are copied and promoted, which costs throughput and tail latency
   * (measured in bench/results/design-measurements.md). Longer workloads raise it; the files of
   * --cloudtrail-dir keep every event whatever the ring holds.
   */
  public static final int DEFAULT_CAPACITY = 1_000;

  /** A trail that keeps nothing (capacity 0). */
  public static final Trail NONE = new Trail(0, null);

  private final AtomicReferenceArray<TrailEvent> ring;
  private final AtomicLong next = new AtomicLong();
  private final int capacity;
  private final TrailFileWriter files;

  /**
   * A trail of {@code capacity} events (0: none kept, nothing written) writing CloudTrail files
   * through {@code files} when not null.
   */
  public Trail(int capacity, TrailFileWriter files) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
    this.capacity = capacity;
    this.ring = new AtomicReferenceArray<>(Math.max(capacity, 1));
    this.files = files;
  }

  /**
   * Whether calls are recorded at all; dispatchers skip collecting for a trail that keeps nothing.
   */
  public boolean enabled() {
    return capacity > 0;
  }

  /** Records a finished call; never blocks. */
  public void record(TrailEvent event) {
    if (capacity == 0) {
      return;
    }
    long sequence = next.getAndIncrement();
    ring.set((int) (sequence % capacity), event);
    if (files != null) {
      files.offer(event);
    }
  }

  /** The events of {@code account}'s current life still in the ring, newest first. */
  public List<TrailEvent> newestFirst(AccountState account) {
    long end = next.get();
    long start = Math.max(0, end - capacity);
    List<TrailEvent> out = new ArrayList<>((int) Math.min(end - start, 1024));
    for (long s = end - 1; s >= start; s--) {
      TrailEvent event = ring.get((int) (s % capacity));
      if (event != null && event.belongsTo(account)) {
        out.add(event);
      }
    }
    return out;
  }

  /**
   * The time of the oldest event still kept once events have been dropped to make room, or {@link
   * Long#MIN_VALUE} while the ring has never wrapped (nothing was lost).
   */
  public long oldestRetainedMillis() {
    long end = next.get();
    if (capacity == 0 || end <= capacity) {
      return Long.MIN_VALUE;
    }
    TrailEvent oldest = ring.get((int) (end % capacity));
    return oldest == null ? Long.MIN_VALUE : oldest.epochMillis;
  }

  public int capacity() {
    return capacity;
  }

  /** Writes the events still queued for files. */
  @Override
  public void close() {
    if (files != null) {
      files.close();
    }
  }
}
