package io.iamlocal.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/** This JVM's class histogram ({@code jcmd PID GC.class_histogram}, from inside): live instances and bytes per class. */
final class Histogram {
  private Histogram() {}

  /** Class name to {instances, bytes}; runs a full collection first. */
  static Map<String, long[]> take() throws Exception {
    String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    Map<String, long[]> out = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":")) {
        out.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return out;
  }

  /** Bytes of all the classes of a histogram. */
  static long total(Map<String, long[]> histogram) {
    return histogram.values().stream().mapToLong(v -> v[1]).sum();
  }

  /** Prints the {@code top} classes whose bytes grew most from {@code before} to {@code after}, per entity, and those that shrank. */
  static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int entities, int top) {
    List<Map.Entry<String, long[]>> grown = new ArrayList<>();
    for (Map.Entry<String, long[]> e : after.entrySet()) {
      long[] b = before.getOrDefault(e.getKey(), new long[2]);
      grown.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]}));
    }
    grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
    System.out.printf(Locale.ROOT, "%10s %10s  %s%n", "objects/e", "bytes/e", "class");
    List<Map.Entry<String, long[]>> shown = new ArrayList<>(grown.subList(0, Math.min(top, grown.size())));
    grown.stream().skip(top).filter(e -> e.getValue()[1] < -entities * 2L).forEach(shown::add); // shrank by 2+ B each
    long total = total(after) - total(before);
    for (Map.Entry<String, long[]> e : shown) {
      System.out.printf(Locale.ROOT, "%10.2f %10.1f  %s%n", e.getValue()[0] / (double) entities,
          e.getValue()[1] / (double) entities, e.getKey());
    }
    System.out.printf(Locale.ROOT, "%10s %10.1f  (all classes)%n", "", total / (double) entities);
  }
}
