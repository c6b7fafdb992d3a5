package io.iamlocal.server.authz;

import io.iamlocal.server.state.AccountState;

/**
 * Whether policies are enforced for an account's requests, for the STS handlers that evaluate
 * trust policies themselves. {@link PolicyAuthorizer} records its mode on the account before
 * every handler runs (one server owns an account state, so the mode never varies; recording it
 * per request keeps it right after a reset swaps in a fresh account).
 */
public final class Enforcement {
  private volatile boolean on = true;

  private Enforcement() {}

  static void set(AccountState account, boolean enforce) {
    Enforcement e = account.extension(Enforcement.class, a -> new Enforcement());
    if (e.on != enforce) {
      e.on = enforce;
    }
  }

  /** True unless the server runs with enforcement off. */
  public static boolean isOn(AccountState account) {
    return account.extension(Enforcement.class, a -> new Enforcement()).on;
  }
}
