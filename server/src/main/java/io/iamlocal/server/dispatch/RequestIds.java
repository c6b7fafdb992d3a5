package io.iamlocal.server.dispatch;

import io.iamlocal.server.trail.Uuids;

/** Request IDs in AWS's form, a random UUID; ThreadLocalRandom keeps this off any shared lock. */
public final class RequestIds {
  private RequestIds() {}

  public static String next() {
    return Uuids.random();
  }
}
