package io.iamlocal.server.trail;

import io.iamlocal.server.state.AccountState;

/**
 * A small object unique to one account state, so that trail events can tell which life of the
 * account they belong to (a reset swaps in a new state) without keeping the old state reachable.
 */
final class TrailAccountToken {
  private TrailAccountToken() {}

  static Object of(AccountState account) {
    return account.extension(TrailAccountToken.class, a -> new TrailAccountToken());
  }
}
