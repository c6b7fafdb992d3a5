package io.iamlocal.server.state;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Whether the heap is nearly full of live data: the old generation still held more than {@link
 * #LIMIT} of its maximum after its most recent collection. Garbage does not count (it is measured
 * after a collection), so a busy but healthy server is never refused. Calls that would add to what
 * a client can grow (new STS sessions) are then refused with a retryable error instead of running
 * the JVM out of memory, which would cost every client its answer.
 */
public final class HeapPressure {
  /** Share of the old generation that may stay live after a collection. */
  static final double LIMIT = 0.90;

  private static final MemoryPoolMXBean OLD = oldGeneration();

  private HeapPressure() {}

  public static boolean high() {
    if (OLD == null) {
      return false;
    }
    MemoryUsage afterGc = OLD.getCollectionUsage();
    return afterGc != null && afterGc.getMax() > 0 && afterGc.getUsed() > LIMIT * afterGc.getMax();
  }

  private static MemoryPoolMXBean oldGeneration() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = pool.getName();
      if (pool.getType() == MemoryType.HEAP
          && pool.isCollectionUsageThresholdSupported()
          && (name.contains("Old") || name.contains("Tenured"))) {
        return pool;
      }
    }
    return null;
  }
}
