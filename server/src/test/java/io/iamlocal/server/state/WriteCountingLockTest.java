package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WriteCountingLockTest {
  @Test
  void writesMoveTheGenerationWhenTakenAndWhenReleasedReadsDoNot() throws InterruptedException {
    WriteCountingLock lock = new WriteCountingLock();
    long g0 = lock.writeGeneration();
    lock.readLock().lock();
    lock.readLock().unlock();
    assertThat(lock.writeGeneration()).isEqualTo(g0);
    lock.writeLock().lock();
    long during = lock.writeGeneration();
    assertThat(during).isNotEqualTo(g0);
    assertThat(lock.isWriteLockedByCurrentThread()).isTrue();
    lock.writeLock().unlock();
    assertThat(lock.writeGeneration()).isNotEqualTo(during);
    long g1 = lock.writeGeneration();
    assertThat(lock.writeLock().tryLock(1, TimeUnit.SECONDS)).isTrue();
    lock.writeLock().unlock();
    assertThat(lock.writeGeneration()).isNotEqualTo(g1);
    assertThat(lock.isWriteLocked()).isFalse();
  }
}
