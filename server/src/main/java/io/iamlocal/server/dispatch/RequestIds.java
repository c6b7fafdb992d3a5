package io.iamlocal.server.dispatch;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request IDs in AWS's form, a random UUID; ThreadLocalRandom keeps this off any shared lock. */
public final class RequestIds {
  private RequestIds() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
