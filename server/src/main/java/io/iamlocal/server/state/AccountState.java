package io.iamlocal.server.state;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Everything IAM and STS know about one AWS account. Operations run under {@link #lock()}: reads
 * share it, writes take it exclusively, which makes every operation linearizable. The access key
 * index is concurrent because request authentication reads it without the lock.
 */
public final class AccountState {
  private final String accountId;
  private final Partition partition;
  private final Clock clock;
  private final IdGenerator ids;
  private final Instant createDate;
  private final WriteCountingLock lock = new WriteCountingLock();
  private final NamedStore<User> users = new NamedStore<>(User::userName);
  private final NamedStore<Group> groups = new NamedStore<>(Group::groupName);
  private final NamedStore<Role> roles = new NamedStore<>(Role::roleName);
  private final NamedStore<InstanceProfile> instanceProfiles =
      new NamedStore<>(InstanceProfile::instanceProfileName);
  private final Map<String, AccessKey> accessKeys = new ConcurrentHashMap<>();
  private final Map<String, Object> extensions = new ConcurrentHashMap<>();
  private final Accounts directory;

  public AccountState(String accountId, Clock clock, IdGenerator ids) {
    this(accountId, Partition.AWS, clock, ids);
  }

  /** A standalone account (tests): its own directory, holding only itself. */
  public AccountState(String accountId, Partition partition, Clock clock, IdGenerator ids) {
    this(accountId, partition, clock, ids, Accounts.standalone());
    directory.add(this);
  }

  /** An account of {@code directory} (see {@link IamLocalState}). */
  AccountState(
      String accountId, Partition partition, Clock clock, IdGenerator ids, Accounts directory) {
    this.directory = directory;
    this.accountId = accountId;
    this.partition = partition;
    this.clock = clock;
    this.ids = ids;
    this.createDate = clock.instant();
  }

  public String accountId() {
    return accountId;
  }

  /** The partition the account lives in: its ARNs start {@code arn:<partition id>:}. */
  public Partition partition() {
    return partition;
  }

  public Clock clock() {
    return clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public IdGenerator ids() {
    return ids;
  }

  /** When the account (this state) was created; reported as the root user's CreateDate. */
  public Instant createDate() {
    return createDate;
  }

  public ReentrantReadWriteLock lock() {
    return lock;
  }

  /**
   * Moves whenever a writer has held {@link #lock()}: values derived from the entities stay valid
   * while it does not.
   */
  public long writeGeneration() {
    return lock.writeGeneration();
  }

  public NamedStore<User> users() {
    return users;
  }

  public NamedStore<Group> groups() {
    return groups;
  }

  public NamedStore<Role> roles() {
    return roles;
  }

  public NamedStore<InstanceProfile> instanceProfiles() {
    return instanceProfiles;
  }

  /**
   * Every access key of the account (users' and root's) by key ID; change it through {@link
   * #addAccessKey}/{@link #removeAccessKey}.
   */
  public Map<String, AccessKey> accessKeys() {
    return accessKeys;
  }

  /** Adds a user's key, which from now on signs for this account (the directory's key index). */
  public void addAccessKey(AccessKey key) {
    accessKeys.put(key.accessKeyId(), key);
    directory.keyIssued(key.accessKeyId(), this);
  }

  /** Removes a key from the account and the directory's key index; returns it, or null. */
  public AccessKey removeAccessKey(String accessKeyId) {
    AccessKey removed = accessKeys.remove(accessKeyId);
    if (removed != null) {
      directory.keyRetired(accessKeyId, this);
    }
    return removed;
  }

  /** The accounts this one lives among (other accounts' roles, the owner of any key ID). */
  public Accounts directory() {
    return directory;
  }

  /**
   * What the key ID names in this account: a long-term key ({@link AccessKey}), an STS session
   * ({@link Session}), or null.
   */
  Object heldKey(String accessKeyId) {
    AccessKey key = accessKeys.get(accessKeyId);
    if (key != null) {
      return key;
    }
    Sessions sessions = (Sessions) extensions.get(Sessions.class.getName());
    return sessions == null ? null : sessions.get(accessKeyId);
  }

  /** Whether a key ID (long-term or temporary) is free in every account. */
  public boolean keyIdFree(String accessKeyId) {
    return !accessKeys.containsKey(accessKeyId) && !directory.keyTaken(accessKeyId);
  }

  /**
   * Per-account state owned by feature packages (groups, roles, policies…), created on first use,
   * so that each feature keeps its own store class and reset still drops everything at once.
   */
  @SuppressWarnings("unchecked")
  public <T> T extension(Class<T> type, java.util.function.Function<AccountState, T> factory) {
    // Looked up first: the computing lambda captures, so it was built on every call (every request
    // asks for a few extensions).
    Object extension = extensions.get(type.getName());
    return (T)
        (extension != null
            ? extension
            : extensions.computeIfAbsent(type.getName(), k -> factory.apply(this)));
  }
}
