package io.iamlocal.server.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Every account of one generation of the state (a reset starts the next): by partition and
 * account ID, each created on first use, and the owner of every access key ID issued in any of
 * them (users' long-term keys and STS sessions), so that a signature finds its account in O(1).
 * Root keys are not in that index: the root key of the flags is every partition's default
 * account's, and a 12-digit key ID names its account itself.
 */
public final class Accounts {
  private final Map<Partition, ConcurrentHashMap<String, AccountState>> byPartition = new EnumMap<>(Partition.class);
  private final ConcurrentHashMap<String, AccountState> keyOwners = new ConcurrentHashMap<>();
  private final BiFunction<Accounts, Partition, ? extends Factory> factory;

  /** Makes (and prepares) a new account of a partition. */
  @FunctionalInterface
  public interface Factory {
    AccountState create(String accountId);
  }

  /** Accounts made by {@code factory} (given this directory and the partition). */
  public Accounts(BiFunction<Accounts, Partition, ? extends Factory> factory) {
    this.factory = factory;
    for (Partition partition : Partition.values()) {
      byPartition.put(partition, new ConcurrentHashMap<>());
    }
  }

  /** A directory of the accounts given, created elsewhere (a standalone account in a test). */
  static Accounts standalone() {
    return new Accounts((accounts, partition) -> id -> {
      throw new IllegalStateException("a standalone account creates no other account");
    });
  }

  /** The account, created (empty, with its root key) when first asked for. */
  public AccountState get(Partition partition, String accountId) {
    ConcurrentHashMap<String, AccountState> accounts = byPartition.get(partition);
    AccountState account = accounts.get(accountId);
    return account != null ? account : accounts.computeIfAbsent(accountId, id -> factory.apply(this, partition).create(id));
  }

  /** The account if it exists, else null (never creates one). */
  public AccountState find(Partition partition, String accountId) {
    return accountId == null ? null : byPartition.get(partition).get(accountId);
  }

  /** Registers an account made outside this directory (a standalone one). */
  void add(AccountState account) {
    byPartition.get(account.partition()).putIfAbsent(account.accountId(), account);
  }

  /** The account that issued this (long-term or temporary) access key ID, or null. */
  public AccountState ownerOfKey(String accessKeyId) {
    return accessKeyId == null ? null : keyOwners.get(accessKeyId);
  }

  /** Whether any account already uses this key ID. */
  public boolean keyTaken(String accessKeyId) {
    return keyOwners.containsKey(accessKeyId);
  }

  void keyIssued(String accessKeyId, AccountState owner) {
    keyOwners.put(accessKeyId, owner);
  }

  void keyRetired(String accessKeyId, AccountState owner) {
    keyOwners.remove(accessKeyId, owner);
  }

  /** Whether {@code account} belongs to this generation (not one a reset has since dropped). */
  public boolean holds(AccountState account) {
    return byPartition.get(account.partition()).get(account.accountId()) == account;
  }

  /** Every account, by partition then account ID (a copy: for views, exports and the console). */
  public List<AccountState> all() {
    List<AccountState> all = new ArrayList<>();
    for (Map<String, AccountState> accounts : byPartition.values()) {
      all.addAll(accounts.values());
    }
    all.sort(Comparator.comparing(AccountState::partition).thenComparing(AccountState::accountId));
    return all;
  }

  public int size() {
    return byPartition.values().stream().mapToInt(Map::size).sum();
  }
}
