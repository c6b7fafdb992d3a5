package io.iamlocal.server.authz;

import io.iamlocal.server.state.AccountState;

/**
 * How policies are enforced for an account's requests, for the STS handlers that evaluate trust
 * policies themselves. {@link PolicyAuthorizer} records its mode on the account before every
 * handler runs (one server owns an account state, so the mode never varies; recording it per
 * request keeps it right after a reset swaps in a fresh account).
 */
public final class Enforcement {
  private volatile EnforcementMode mode = EnforcementMode.STRICT;

  private Enforcement() {}

  static void set(AccountState account, EnforcementMode mode) {
    Enforcement e = account.extension(Enforcement.class, a -> new Enforcement());
    if (e.mode != mode) {
      e.mode = mode;
    }
  }

  /** The account's mode (strict until a request has recorded the server's). */
  public static EnforcementMode mode(AccountState account) {
    return account.extension(Enforcement.class, a -> new Enforcement()).mode;
  }

  /** True unless the server runs with enforcement off: policies are evaluated (strict or soft). */
  public static boolean isOn(AccountState account) {
    return mode(account).evaluates();
  }

  /** True when denials are only logged ({@code --enforce soft}). */
  public static boolean isSoft(AccountState account) {
    return mode(account) == EnforcementMode.SOFT;
  }
}
