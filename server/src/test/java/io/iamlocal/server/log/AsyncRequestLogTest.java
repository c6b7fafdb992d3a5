package io.iamlocal.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AsyncRequestLogTest {

  private static RequestLogEntry entry(int i) {
    return new RequestLogEntry(
        0, "id-" + i, "arn:aws:iam::123456789012:root", "iam", "ListUsers", 200, null, 1000);
  }

  @Test
  void everyEntryRecordedBeforeCloseIsWrittenOncePerLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncRequestLog log = new AsyncRequestLog(LogFormat.TEXT, out);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int base = t * 10_000;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 2_500; i++) {
                  log.record(entry(base + i));
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    log.close();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(10_000);
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "1970-01-01T00:00:00.000Z INFO caller=arn:aws:iam::123456789012:root action=iam:ListUsers status=200"));
    assertThat(lines).filteredOn(line -> line.endsWith(" request_id=id-30042")).hasSize(1);
    assertThat(log.droppedCount()).isZero();
  }

  @Test
  void aFullQueueDropsEntriesInsteadOfBlockingAndSaysSo() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream slow =
        new OutputStream() {
          @Override
          public void write(int b) {
            sink.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            sink.write(b, off, len);
          }
        };
    AsyncRequestLog log = new AsyncRequestLog(LogFormat.JSON, slow, 10);
    log.record(entry(0));
    Thread.sleep(100); // the writer takes entry 0 and blocks on the stream
    for (int i = 1; i <= 50; i++) {
      log.record(entry(i));
    }
    assertThat(log.droppedCount()).isEqualTo(40);
    release.countDown();
    log.close();
    String text = sink.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().filter(l -> l.startsWith("{"))).hasSize(11);
    assertThat(text).contains("request log: 40 lines dropped (output too slow)");
  }

  @Test
  void entriesAfterCloseAreIgnored() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncRequestLog log = new AsyncRequestLog(LogFormat.TEXT, out);
    log.close();
    log.record(entry(1));
    assertThat(out.size()).isZero();
  }
}
