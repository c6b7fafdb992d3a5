package io.iamlocal.server.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Every account of one generation of the state (a reset starts the next): by partition and account
 * ID, each created on first use, and the owner of every access key ID issued in any of them (users'
 * long-term keys and STS sessions), so that a signature finds its account in O(1). A key ID that
 * encodes its own account's number (every one IAMLocal issues in a 12-digit account) is found from
 * that number and is not indexed: 10,000 users with two keys each save a map node per key. Root
 * keys are not in that index: the root key of the flags is every partition's default account's, and
 * a 12-digit key ID names its account itself.
 */
public final class Accounts {
  private final Map<Partition, ConcurrentHashMap<String, AccountState>> byPartition =
      new EnumMap<>(Partition.class);
  private final ConcurrentHashMap<String, AccountState> keyOwners = new ConcurrentHashMap<>();

  /** S3 bucket names are unique across accounts, as in AWS: each name's owning account. */
  private final ConcurrentHashMap<String, AccountState> bucketOwners = new ConcurrentHashMap<>();

  /** Bytes of every S3 object in every account, held against the server's one S3 total limit. */
  private final java.util.concurrent.atomic.AtomicLong s3Bytes =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * Partition, then account ID. Written out: Comparator.comparing's own lambdas live in the JDK and
   * are not in the CDS archive, so each would be generated at start-up.
   */
  private static final Comparator<AccountState> LOCK_ORDER =
      (a, b) -> {
        int byPartition = a.partition().compareTo(b.partition());
        return byPartition != 0 ? byPartition : a.accountId().compareTo(b.accountId());
      };

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
    return new Accounts(
        (accounts, partition) ->
            id -> {
              throw new IllegalStateException("a standalone account creates no other account");
            });
  }

  /** The account, created (empty, with its root key) when first asked for. */
  public AccountState get(Partition partition, String accountId) {
    ConcurrentHashMap<String, AccountState> accounts = byPartition.get(partition);
    AccountState account = accounts.get(accountId);
    return account != null
        ? account
        : accounts.computeIfAbsent(accountId, id -> factory.apply(this, partition).create(id));
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
    KeyHolder holder = holderOfKey(accessKeyId);
    return holder == null ? null : holder.account();
  }

  /**
   * Where an access key ID is held: the account, and the key ({@link AccessKey}) or session ({@link
   * Session}) it names.
   */
  public record KeyHolder(AccountState account, Object credential) {}

  /**
   * The account holding this key ID and what it names, or null: found with one lookup of the ID in
   * the account (a signed request asks this once, and used to look the ID up again to fetch the
   * key).
   */
  public KeyHolder holderOfKey(String accessKeyId) {
    if (accessKeyId == null) {
      return null;
    }
    AccountState indexed = keyOwners.get(accessKeyId);
    if (indexed != null) {
      Object credential = indexed.heldKey(accessKeyId);
      return credential == null ? null : new KeyHolder(indexed, credential);
    }
    return encodedHolder(accessKeyId);
  }

  /** The account whose number the key ID encodes, in any partition, if it holds the key. */
  private KeyHolder encodedHolder(String accessKeyId) {
    long number = IdGenerator.accountEncodedIn(accessKeyId);
    if (number < 0 || number > 999_999_999_999L) {
      return null;
    }
    // Nearly every signature names the account the previous one named: that account is asked
    // first, without spelling its ID and looking it up in each partition. A key ID is held by one
    // account at most, so finding it there is the answer the search would give.
    EncodedAccount last = lastEncoded;
    if (last != null && last.number == number) {
      Object credential = last.account.heldKey(accessKeyId);
      if (credential != null) {
        return new KeyHolder(last.account, credential);
      }
    }
    String accountId = IdGenerator.accountId(number);
    for (ConcurrentHashMap<String, AccountState> accounts : byPartition.values()) {
      AccountState account = accounts.get(accountId);
      Object credential = account == null ? null : account.heldKey(accessKeyId);
      if (credential != null) {
        lastEncoded = new EncodedAccount(number, account);
        return new KeyHolder(account, credential);
      }
    }
    return null;
  }

  /** An account and the number its key IDs encode. */
  private record EncodedAccount(long number, AccountState account) {}

  /** The account {@link #encodedHolder} last found a key in. */
  private volatile EncodedAccount lastEncoded;

  /** Whether any account already uses this key ID. */
  public boolean keyTaken(String accessKeyId) {
    return ownerOfKey(accessKeyId) != null;
  }

  /** Indexes a key added to {@code owner}, unless its ID already names that account. */
  void keyIssued(String accessKeyId, AccountState owner) {
    if (IdGenerator.accountEncodedIn(accessKeyId) != IdGenerator.parseAccount(owner.accountId())) {
      keyOwners.put(accessKeyId, owner);
    }
  }

  void keyRetired(String accessKeyId, AccountState owner) {
    keyOwners.remove(accessKeyId, owner);
  }

  /** The account owning the S3 bucket {@code name}, or null. */
  public AccountState bucketOwner(String name) {
    return name == null ? null : bucketOwners.get(name);
  }

  /** Claims a bucket name for {@code owner}; false when any account holds it already. */
  boolean claimBucket(String name, AccountState owner) {
    return bucketOwners.putIfAbsent(name, owner) == null;
  }

  void releaseBucket(String name, AccountState owner) {
    bucketOwners.remove(name, owner);
  }

  /**
   * Adds {@code delta} S3 bytes unless that would take a growing total over {@code limit}; false
   * then.
   */
  boolean reserveS3Bytes(long delta, long limit) {
    while (true) {
      long current = s3Bytes.get();
      long next = current + delta;
      if (delta > 0 && next > limit) {
        return false;
      }
      if (s3Bytes.compareAndSet(current, next)) {
        return true;
      }
    }
  }

  /**
   * The locks of one or two accounts, in the one global order (partition, then account ID) in which
   * every caller takes several, so that two calls reaching each other's account cannot deadlock.
   */
  public static List<java.util.concurrent.locks.Lock> locks(
      AccountState account, AccountState other, boolean shared) {
    if (other == null || other == account) { // nearly every call: one account
      return List.of(shared ? account.lock().readLock() : account.lock().writeLock());
    }
    List<AccountState> accounts = new ArrayList<>(List.of(account, other));
    accounts.sort(LOCK_ORDER);
    List<java.util.concurrent.locks.Lock> locks = new ArrayList<>(accounts.size());
    for (AccountState a : accounts) {
      locks.add(shared ? a.lock().readLock() : a.lock().writeLock());
    }
    return locks;
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
    all.sort(LOCK_ORDER);
    return all;
  }

  public int size() {
    return byPartition.values().stream().mapToInt(Map::size).sum();
  }
}
