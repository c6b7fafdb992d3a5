package io.iamlocal.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Condenses a JFR recording into what a performance fix needs: the hottest methods (top frame and
 * first IAMLocal frame of each CPU sample), allocation by class, GC pauses, and lock waits.
 */
final class JfrSummary {
  private JfrSummary() {}

  static Map<String, Object> summarize(Path file) throws IOException {
    Map<String, Integer> top = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> oursCallees = new HashMap<>();
    Map<String, Long> allocation = new HashMap<>();
    Map<String, Long> allocationSites = new HashMap<>();
    Map<String, Long> monitors = new HashMap<>();
    long samples = 0;
    long gcCount = 0;
    Duration gcTotal = Duration.ZERO;
    Duration gcMax = Duration.ZERO;
    Map<String, Integer> gcNames = new HashMap<>();
    Map<Long, long[]> threadAllocated = new HashMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      String type = e.getEventType().getName();
      switch (type) {
        case "jdk.ExecutionSample" -> {
          samples++;
          RecordedStackTrace st = e.getStackTrace();
          if (st == null || st.getFrames().isEmpty()) {
            continue;
          }
          List<RecordedFrame> frames = st.getFrames();
          top.merge(name(frames.get(0)), 1, Integer::sum);
          for (int i = 0; i < frames.size(); i++) {
            String n = name(frames.get(i));
            if (n.startsWith("io.iamlocal.")) {
              ours.merge(n, 1, Integer::sum);
              oursCallees.merge(n + " -> " + (i == 0 ? "(self)" : name(frames.get(i - 1))), 1, Integer::sum);
              break;
            }
          }
        }
        case "jdk.ObjectAllocationSample" -> {
          long weight = e.getLong("weight");
          allocation.merge(e.getClass("objectClass").getName(), weight, Long::sum);
          RecordedStackTrace st = e.getStackTrace();
          if (st != null) {
            for (RecordedFrame f : st.getFrames()) {
              String n = name(f);
              if (n.startsWith("io.iamlocal.")) {
                allocationSites.merge(n, weight, Long::sum);
                break;
              }
            }
          }
        }
        case "jdk.GarbageCollection" -> {
          gcCount++;
          Duration d = e.getDuration("sumOfPauses");
          gcTotal = gcTotal.plus(d);
          if (d.compareTo(gcMax) > 0) {
            gcMax = d;
          }
          gcNames.merge(e.getString("name"), 1, Integer::sum);
        }
        case "jdk.ThreadAllocationStatistics" -> {
          long allocated = e.getLong("allocated");
          long thread = e.getThread("thread") == null ? -1 : e.getThread("thread").getJavaThreadId();
          threadAllocated.merge(thread, new long[] {allocated, allocated},
              (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        case "jdk.JavaMonitorEnter", "jdk.ThreadPark" -> {
          RecordedStackTrace st = e.getStackTrace();
          String where = type;
          if (st != null) {
            for (RecordedFrame f : st.getFrames()) {
              String n = name(f);
              if (n.startsWith("io.iamlocal.") || n.startsWith("io.netty.")) {
                where = type + " @ " + n;
                break;
              }
            }
          }
          monitors.merge(where, e.getDuration().toNanos() / 1000, Long::sum);
        }
        default -> { }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cpu_samples", samples);
    out.put("top_frames", topN(top, 25, samples));
    out.put("top_iamlocal_frames", topN(ours, 25, samples));
    out.put("top_iamlocal_frames_by_callee", topN(oursCallees, 30, samples));
    long allocTotal = allocation.values().stream().mapToLong(Long::longValue).sum();
    out.put("allocation_total_mb_sampled", allocTotal / 1024 / 1024);
    // Exact bytes allocated by all threads over the recording (per-thread counters, first to last reading).
    out.put("allocated_bytes_total", threadAllocated.values().stream().mapToLong(a -> a[1] - a[0]).sum());
    out.put("allocation_by_class", topN(allocation, 15, allocTotal));
    out.put("allocation_by_iamlocal_site", topN(allocationSites, 15, allocTotal));
    Map<String, Object> gc = new LinkedHashMap<>();
    gc.put("collections", gcCount);
    gc.put("total_pause_ms", gcTotal.toNanos() / 1e6);
    gc.put("max_pause_ms", gcMax.toNanos() / 1e6);
    gc.put("collectors", gcNames);
    out.put("gc", gc);
    out.put("lock_waits_us", topN(monitors, 10, 0));
    return out;
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static <N extends Number> Map<String, String> topN(Map<String, N> counts, int n, long total) {
    Map<String, String> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().longValue(), a.getValue().longValue()))
        .limit(n)
        .forEach(e -> out.put(e.getKey(), total > 0
            ? String.format("%d (%.1f%%)", e.getValue().longValue(), 100.0 * e.getValue().longValue() / total)
            : String.valueOf(e.getValue())));
    return out;
  }
}
