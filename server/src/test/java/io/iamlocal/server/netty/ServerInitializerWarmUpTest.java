package io.iamlocal.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up warm-up takes a request through the real connection pipeline. */
class ServerInitializerWarmUpTest {
  @Test
  void answersTheWarmUpRequestThroughTheConnectionPipeline() {
    assertThat(ServerInitializer.warmUp()).isTrue();
  }

  @Test
  void canRunAgainAndFromSeveralThreadsAtOnce() throws InterruptedException {
    boolean[] answered = new boolean[2];
    Thread first = new Thread(() -> answered[0] = ServerInitializer.warmUp());
    Thread second = new Thread(() -> answered[1] = ServerInitializer.warmUp());
    first.start();
    second.start();
    first.join();
    second.join();
    assertThat(answered).containsExactly(true, true);
  }
}
