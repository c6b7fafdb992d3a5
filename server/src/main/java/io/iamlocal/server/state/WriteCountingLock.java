package io.iamlocal.server.state;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The account lock, counting write-lock acquisitions and releases: every change to the account's
 * entities happens under the write lock, so a value derived from them under the lock stays right as
 * long as {@link #writeGeneration()} is unchanged (the authorizer caches each principal's compiled
 * policies this way). The count moves both when a writer takes the lock and when it releases it, so
 * nothing computed while a write is in progress is trusted afterwards.
 */
public final class WriteCountingLock extends ReentrantReadWriteLock {
  private final AtomicLong writes = new AtomicLong();
  private final CountingWriteLock writeLock = new CountingWriteLock(this);

  @Override
  public WriteLock writeLock() {
    return writeLock;
  }

  /** Changes whenever a writer has held the lock since the last read of it. */
  public long writeGeneration() {
    return writes.get();
  }

  private final class CountingWriteLock extends WriteLock {
    CountingWriteLock(ReentrantReadWriteLock lock) {
      super(lock);
    }

    @Override
    public void lock() {
      super.lock();
      writes.incrementAndGet();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
      super.lockInterruptibly();
      writes.incrementAndGet();
    }

    @Override
    public boolean tryLock() {
      if (super.tryLock()) {
        writes.incrementAndGet();
        return true;
      }
      return false;
    }

    @Override
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
      if (super.tryLock(timeout, unit)) {
        writes.incrementAndGet();
        return true;
      }
      return false;
    }

    @Override
    public void unlock() {
      if (isHeldByCurrentThread()) {
        writes.incrementAndGet();
      }
      super.unlock();
    }
  }
}
