package io.iamlocal.server.trail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

/**
 * Delivers trail events as CloudTrail delivers them to S3, under a local directory: {@code
 * AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_YYYYMMDDTHHmmZ_<16
 * chars>.json.gz}, each file a gzipped {@code {"Records":[…]}}. A daemon thread renders and writes;
 * the event loop only offers to a bounded queue (full: the event is dropped from the files,
 * counted, and reported on standard error). Files are written under a temporary name and renamed,
 * so readers never see half a file. CloudTrail delivers about every five minutes; this writer
 * delivers within a second.
 */
public final class TrailFileWriter implements AutoCloseable {
  private static final int QUEUE = 65_536;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private final LinkedBlockingQueue<TrailEvent> queue = new LinkedBlockingQueue<>(QUEUE);
  private final LongAdder dropped = new LongAdder();
  private final Path root;
  private final Thread writer;
  private volatile boolean closed;

  /** Starts writing under {@code root} (created if missing). */
  public TrailFileWriter(Path root) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create --cloudtrail-dir " + root, e);
    }
    this.root = root;
    this.writer = new Thread(this::run, "iamlocal-cloudtrail-files");
    writer.setDaemon(true);
    writer.start();
  }

  void offer(TrailEvent event) {
    if (closed || !queue.offer(event)) {
      dropped.increment();
    }
  }

  /** Writes what is queued and stops (waits up to 5 seconds). */
  @Override
  public void close() {
    closed = true; // no interrupt: it would close the file channel being written
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    long reportedDrops = 0;
    List<TrailEvent> batch = new ArrayList<>();
    while (true) {
      try {
        TrailEvent first = queue.poll(250, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          // Gather what else arrives shortly after, as one delivery.
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(batch);
      if (!batch.isEmpty()) {
        deliver(batch);
        batch.clear();
      }
      long drops = dropped.sum();
      if (drops != reportedDrops) {
        System.err.println(
            "IAMLocal CloudTrail files: "
                + (drops - reportedDrops)
                + " events dropped (disk too slow)");
        reportedDrops = drops;
      }
      if (closed && queue.isEmpty()) {
        return;
      }
    }
  }

  /** One file per account and region, as CloudTrail delivers. */
  private void deliver(List<TrailEvent> events) {
    Map<String, List<TrailEvent>> byFile = new LinkedHashMap<>();
    for (TrailEvent event : events) {
      String region = event.service.equals("iam") ? "us-east-1" : event.region;
      byFile.computeIfAbsent(event.accountId + "\n" + region, k -> new ArrayList<>()).add(event);
    }
    Instant now = Instant.now();
    byFile.forEach(
        (key, records) -> {
          String[] parts = key.split("\n");
          try {
            write(parts[0], parts[1], now, records);
          } catch (IOException | RuntimeException e) {
            System.err.println(
                "IAMLocal CloudTrail files: could not write " + records.size() + " events: " + e);
          }
        });
  }

  private void write(String account, String region, Instant now, List<TrailEvent> records)
      throws IOException {
    Path dir =
        root.resolve("AWSLogs")
            .resolve(account)
            .resolve("CloudTrail")
            .resolve(region)
            .resolve(DAY.format(now));
    Files.createDirectories(dir);
    String name =
        account
            + "_CloudTrail_"
            + region
            + "_"
            + STAMP.format(now)
            + "_"
            + uniqueString()
            + ".json.gz";
    Path temp = dir.resolve("." + name + ".tmp");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp))) {
      out.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < records.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(records.get(i).json().getBytes(StandardCharsets.UTF_8));
      }
      out.write("]}".getBytes(StandardCharsets.UTF_8));
    }
    Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static String uniqueString() {
    StringBuilder out = new StringBuilder(16);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 16; i++) {
      out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return out.toString();
  }
}
