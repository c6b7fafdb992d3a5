package io.iamlocal.server.state;

import java.time.Clock;

/**
 * The server's whole state: one account and the root credentials. {@link #reset()} swaps in a
 * fresh account, so a reset is atomic for every request that starts after it.
 */
public final class IamLocalState {
  private final String accountId;
  private final String rootAccessKeyId;
  private final String rootSecretKey;
  private final Clock clock;
  private final IdGenerator ids;
  private volatile AccountState account;

  public IamLocalState(String accountId, String rootAccessKeyId, String rootSecretKey, Clock clock) {
    this(accountId, rootAccessKeyId, rootSecretKey, clock, new IdGenerator());
  }

  /** A state drawing IDs from {@code ids} (a taped generator with a data directory, see {@link Tape}). */
  public IamLocalState(String accountId, String rootAccessKeyId, String rootSecretKey, Clock clock, IdGenerator ids) {
    this.ids = ids;
    this.accountId = accountId;
    this.rootAccessKeyId = rootAccessKeyId;
    this.rootSecretKey = rootSecretKey;
    this.clock = clock;
    this.account = newAccount();
  }

  private AccountState newAccount() {
    AccountState fresh = new AccountState(accountId, clock, ids);
    fresh.accessKeys().put(rootAccessKeyId, new AccessKey(rootAccessKeyId, rootSecretKey, null, fresh.createDate()));
    return fresh;
  }

  public AccountState account() {
    return account;
  }

  public void reset() {
    account = newAccount();
  }

  /** A new, empty state like this one (same account, root key, clock and kind of ID generator), to rebuild into. */
  public IamLocalState emptyCopy() {
    return new IamLocalState(accountId, rootAccessKeyId, rootSecretKey, clock, ids);
  }

  /** Swaps in {@code rebuilt} (an account rebuilt elsewhere, see {@link #emptyCopy}), as a reset swaps in a fresh one. */
  public void replaceAccount(AccountState rebuilt) {
    account = rebuilt;
  }

  public String accountId() {
    return accountId;
  }

  public Clock clock() {
    return clock;
  }

  public String rootAccessKeyId() {
    return rootAccessKeyId;
  }
}
