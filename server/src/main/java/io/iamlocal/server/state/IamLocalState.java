package io.iamlocal.server.state;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  // STAND-IN (partitions branch) until the accounts branch's map of accounts by (partition, ID)
  // replaces it: the default account's twin in each other partition, made on first use.
  private volatile Map<Partition, AccountState> otherPartitions = new ConcurrentHashMap<>();

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
    return newAccount(Partition.AWS);
  }

  private AccountState newAccount(Partition partition) {
    AccountState fresh = new AccountState(accountId, partition, clock, ids);
    fresh.accessKeys().put(rootAccessKeyId, new AccessKey(rootAccessKeyId, rootSecretKey, null, fresh.createDate()));
    return fresh;
  }

  public AccountState account() {
    return account;
  }

  /** STAND-IN: the default account in {@code partition} (the {@code aws} one is {@link #account()}). */
  public AccountState account(Partition partition) {
    return partition == Partition.AWS ? account : otherPartitions.computeIfAbsent(partition, this::newAccount);
  }

  /** STAND-IN: the accounts of the other partitions made so far, for the key lookup. */
  public Collection<AccountState> otherPartitionAccounts() {
    return otherPartitions.values();
  }

  public void reset() {
    otherPartitions = new ConcurrentHashMap<>();
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
