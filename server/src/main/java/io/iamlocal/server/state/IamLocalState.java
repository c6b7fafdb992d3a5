package io.iamlocal.server.state;

import java.time.Clock;

/**
 * The server's whole state: every account, in every partition, and the root credentials. An account
 * comes into being when first used ({@link #account(Partition, String)}); the default account
 * ({@code --account-id}) of the {@code aws} partition exists from the start. Accounts are found in
 * O(1) and each has its own lock: nothing locks across accounts. {@link #reset()} swaps in a fresh
 * generation of accounts, so a reset is atomic for every request that starts after it.
 *
 * <p>Root keys: the flags' root key ID signs as the default account's root, and a key ID that is a
 * 12-digit number as that account's root (the convention of moto and LocalStack), both with the
 * flags' root secret. The partition is the one of the request's region.
 */
public final class IamLocalState {
  private final String accountId;
  private final String rootAccessKeyId;
  private final String rootSecretKey;
  private final Clock clock;
  private final IdGenerator ids;
  private volatile Accounts accounts;

  public IamLocalState(
      String accountId, String rootAccessKeyId, String rootSecretKey, Clock clock) {
    this(accountId, rootAccessKeyId, rootSecretKey, clock, new IdGenerator());
  }

  /**
   * A state drawing IDs from {@code ids} (a taped generator with a data directory, see {@link
   * Tape}).
   */
  public IamLocalState(
      String accountId,
      String rootAccessKeyId,
      String rootSecretKey,
      Clock clock,
      IdGenerator ids) {
    this.ids = ids;
    this.accountId = accountId;
    this.rootAccessKeyId = rootAccessKeyId;
    this.rootSecretKey = rootSecretKey;
    this.clock = clock;
    this.accounts = newGeneration();
  }

  private Accounts newGeneration() {
    Accounts fresh =
        new Accounts((directory, partition) -> id -> newAccount(directory, partition, id));
    fresh.get(Partition.AWS, accountId);
    return fresh;
  }

  private AccountState newAccount(Accounts directory, Partition partition, String id) {
    AccountState fresh = new AccountState(id, partition, clock, ids, directory);
    String rootKey = id.equals(accountId) ? rootAccessKeyId : id;
    fresh
        .accessKeys()
        .put(rootKey, new AccessKey(rootKey, rootSecretKey, null, fresh.createDate()));
    return fresh;
  }

  /** The default account of the {@code aws} partition. */
  public AccountState account() {
    return accounts.get(Partition.AWS, accountId);
  }

  /** The account {@code accountId} of {@code partition}, created (empty) on first use. */
  public AccountState account(Partition partition, String accountId) {
    return accounts.get(partition, accountId);
  }

  /** The default account ({@code --account-id}) as it exists in {@code partition}. */
  public AccountState defaultAccount(Partition partition) {
    return accounts.get(partition, accountId);
  }

  /** Every account of the current generation. */
  public Accounts accounts() {
    return accounts;
  }

  /**
   * The account whose root a key ID signs for: the default account for the flags' root key, the
   * number itself for 12 digits; else null.
   */
  public String rootAccountOf(String accessKeyId) {
    if (accessKeyId == null) {
      return null;
    }
    if (accessKeyId.equals(rootAccessKeyId)) {
      return accountId;
    }
    return isAccountNumber(accessKeyId) ? accessKeyId : null;
  }

  /** Whether {@code text} is a 12-digit AWS account number. */
  public static boolean isAccountNumber(String text) {
    if (text == null || text.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The account ID field of an ARN ({@code arn:PARTITION:SERVICE:REGION:ACCOUNT:…}) when it is 12
   * digits, else null.
   */
  public static String accountIn(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    int at = 0;
    for (int field = 0; field < 4; field++) {
      at = arn.indexOf(':', at) + 1;
      if (at == 0) {
        return null;
      }
    }
    int end = arn.indexOf(':', at);
    String id = end < 0 ? null : arn.substring(at, end);
    return isAccountNumber(id) ? id : null;
  }

  /**
   * The root access key a root key ID stands for in {@code account}: the stored one, or a key
   * object made for the request (the default account's 12-digit form, or an account that does not
   * exist yet: it is created only once a signature with it holds, see {@link #accountOf}).
   */
  public AccessKey rootKey(AccountState account, String accessKeyId) {
    AccessKey stored = account == null ? null : account.accessKeys().get(accessKeyId);
    return stored != null
        ? stored
        : new AccessKey(
            accessKeyId, rootSecretKey, null, account == null ? null : account.createDate());
  }

  /**
   * The account a console or endpoint names as {@code ID} or {@code PARTITION/ID} (an existing one
   * only), the default account for null or empty; null when there is no such account.
   */
  public AccountState findAccount(String label) {
    if (label == null || label.isEmpty()) {
      return account();
    }
    int slash = label.indexOf('/');
    Partition partition = slash < 0 ? Partition.AWS : Partition.byId(label.substring(0, slash));
    return partition == null ? null : accounts.find(partition, label.substring(slash + 1));
  }

  /**
   * The account a verified credential signs for: a root key's account in the partition of the
   * request's region, or the account that issued the key or session; null when the key was deleted
   * meanwhile.
   */
  public AccountState accountOf(String accessKeyId, Object principal, String region) {
    if (principal instanceof AccessKey key) {
      User user = key.owner();
      if (user == null) {
        String root = rootAccountOf(accessKeyId);
        if (root != null) {
          return account(Partition.forRegion(region), root);
        }
      } else {
        // The user's account, by its number (a small map), rather than the key ID again.
        AccountState account = accounts.find(user.partition(), user.accountId());
        return account != null && account.accessKeys().get(accessKeyId) == key ? account : null;
      }
    }
    return accounts.ownerOfKey(accessKeyId);
  }

  public void reset() {
    accounts = newGeneration();
  }

  /**
   * A new, empty state like this one (same default account, root key, clock and kind of ID
   * generator), to rebuild into.
   */
  public IamLocalState emptyCopy() {
    return new IamLocalState(accountId, rootAccessKeyId, rootSecretKey, clock, ids);
  }

  /**
   * Swaps in the accounts of {@code rebuilt} (a state rebuilt elsewhere, see {@link #emptyCopy}),
   * as a reset swaps in fresh ones.
   */
  public void replaceAccounts(IamLocalState rebuilt) {
    accounts = rebuilt.accounts;
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

  public String rootSecretKey() {
    return rootSecretKey;
  }
}
