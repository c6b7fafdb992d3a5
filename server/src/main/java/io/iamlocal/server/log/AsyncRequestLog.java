package io.iamlocal.server.log;

import io.iamlocal.protocol.xml.Utf8Builder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A request log that costs the event loop one queue offer: entries go to a bounded lock-free queue,
 * and a daemon thread formats them in batches and writes each batch with one write and one flush.
 * When the queue is full (output far slower than traffic) entries are dropped and the number
 * dropped is reported in the log, rather than slowing requests down.
 */
public final class AsyncRequestLog implements RequestLog {
  /** Entries waiting at most; beyond this new ones are dropped. */
  public static final int DEFAULT_CAPACITY = 65_536;

  private static final int BATCH = 512;
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private final ConcurrentLinkedQueue<RequestLogEntry> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final LongAdder dropped = new LongAdder();
  private final int capacity;
  private final OutputStream out;
  private final RequestLogFormatter formatter;
  private final Thread writer;
  private volatile boolean closed;

  /**
   * Starts the writing thread.
   *
   * @param format text or JSON lines
   * @param out where lines go (e.g. {@code System.out}); flushed after each batch, never closed
   */
  public AsyncRequestLog(LogFormat format, OutputStream out) {
    this(format, out, DEFAULT_CAPACITY);
  }

  /**
   * Starts the writing thread with a queue bound.
   *
   * @param format text or JSON lines
   * @param out where lines go; flushed after each batch, never closed
   * @param capacity the most entries waiting before new ones are dropped
   */
  public AsyncRequestLog(LogFormat format, OutputStream out, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.formatter = new RequestLogFormatter(format);
    this.out = out;
    this.capacity = capacity;
    this.writer = new Thread(this::run, "iamlocal-request-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** {@inheritDoc} Never blocks: a full queue drops the entry. */
  @Override
  public void record(RequestLogEntry entry) {
    if (closed) {
      return;
    }
    if (pending.incrementAndGet() > capacity) {
      pending.decrementAndGet();
      dropped.increment();
      return;
    }
    queue.offer(entry);
  }

  /**
   * How many entries were dropped because the queue was full, since the start.
   *
   * @return the count
   */
  public long droppedCount() {
    return dropped.sum();
  }

  /** Writes every entry recorded so far and stops the writing thread (waits up to 5 seconds). */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(writer);
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Utf8Builder batch = new Utf8Builder(BATCH * 160);
    long droppedReported = 0;
    boolean broken = false;
    while (true) {
      boolean stopping = closed;
      int lines = 0;
      RequestLogEntry entry;
      while (lines < BATCH && (entry = queue.poll()) != null) {
        formatter.append(batch, entry);
        batch.ascii('\n');
        lines++;
      }
      // Once per batch: the counter's cache line is the event loops' too.
      pending.addAndGet(-lines);
      long droppedNow = dropped.sum();
      if (droppedNow != droppedReported) {
        batch
            .ascii("request log: ")
            .number(droppedNow - droppedReported)
            .ascii(" lines dropped (output too slow)\n");
        droppedReported = droppedNow;
      }
      if (batch.length() > 0) {
        if (!broken) {
          broken = !write(batch);
        }
        batch.clear();
      }
      if (lines == BATCH) {
        continue;
      }
      if (stopping) {
        return;
      }
      LockSupport.parkNanos(this, IDLE_PARK_NANOS);
    }
  }

  private boolean write(Utf8Builder batch) {
    try {
      batch.writeTo(out);
      out.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      System.err.println("IAMLocal request log stopped: " + e);
      return false;
    }
  }
}
