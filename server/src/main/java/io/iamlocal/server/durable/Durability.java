package io.iamlocal.server.durable;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.protocol.query.QueryInputDecoder;
import io.iamlocal.server.dispatch.CallSettings;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec;
import io.iamlocal.server.dispatch.WriteJournal;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Sessions;
import io.iamlocal.server.state.Tape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Durable state (a data directory): a command journal with a replay tape. Each successful write is
 * journalled under the account lock, with its Query parameters, its caller and the {@link Tape} of
 * clock instants and random values its handler consumed; at start-up the journal is replayed
 * through the same handlers with those tapes, which rebuilds the same state (IDs, secrets, dates).
 * A reset truncates the journal. Reads run as without a data directory.
 */
public final class Durability implements WriteJournal, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Durability.class.getName());
  private final JournalStore store;
  private final IamLocalState state;
  private final OperationRegistry registry;
  private final BiConsumer<IamLocalState, String> seedReplayer;
  private int replayed;
  private int changes;
  private int diverged;
  private long replayMillis;

  private Durability(
      JournalStore store,
      IamLocalState state,
      OperationRegistry registry,
      BiConsumer<IamLocalState, String> seedReplayer) {
    this.store = store;
    this.state = state;
    this.registry = registry;
    this.seedReplayer = seedReplayer;
  }

  /**
   * Opens the store in {@code dir}, replays its journal into {@code state} (which must have been
   * made with {@link Tape#clock} and a taped {@code IdGenerator}), and starts journalling. {@code
   * seedReplayer} re-applies a journalled seed document (JSON) to the state.
   *
   * @throws DataStoreException if the store is unusable; nothing is then served
   */
  public static Durability open(
      Path dir,
      IamLocalState state,
      OperationRegistry registry,
      BiConsumer<IamLocalState, String> seedReplayer) {
    JournalStore store = JournalStore.open(dir, state.accountId());
    Durability durability = new Durability(store, state, registry, seedReplayer);
    try {
      long started = System.nanoTime();
      durability.replayed = store.readAll(durability::replay);
      durability.replayMillis = (System.nanoTime() - started) / 1_000_000;
      store.onFailure(durability::restoreFromDisk);
      store.start();
      if (durability.replayed == 0) {
        // The journal always starts with a reset, which also records the account's creation date.
        durability.reset().join();
      }
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    if (durability.replayed > 0) {
      LOG.info(
          "replayed "
              + durability.replayed
              + " journal entries from "
              + dir
              + " in "
              + durability.replayMillis
              + " ms"
              + (durability.diverged > 0
                  ? " (" + durability.diverged + " did not replay exactly; see warnings)"
                  : ""));
    }
    return durability;
  }

  /** Whether the journal held no change but resets: the state is empty (so a seed file applies). */
  public boolean startedEmpty() {
    return changes == 0;
  }

  public int replayedEntries() {
    return replayed;
  }

  public long replayMillis() {
    return replayMillis;
  }

  /**
   * Entries whose replay failed or consumed other values than recorded (a newer version's
   * handlers).
   */
  public int divergedEntries() {
    return diverged;
  }

  @Override
  public Map<String, ?> run(
      String service,
      OperationRegistry.Registered registered,
      OperationCall call,
      Map<String, String> params) {
    OperationSpec spec = registered.spec();
    if (store.failed() && spec.mayChangeState()) {
      throw storeFailed(); // refused before the handler runs: memory never holds what the disk
      // refused
    }
    Tape tape = Tape.recording();
    Tape previous = Tape.install(tape);
    Map<String, ?> output;
    try {
      output = registered.handler().handle(call);
    } finally {
      Tape.uninstall(previous);
    }
    if (spec.journals(tape.drewRandom()) && state.accounts().holds(call.account())) {
      WriteJournal.setPending(
          store.append(
              new JournalEntry(
                  JournalEntry.Kind.OPERATION,
                  service,
                  call.operation(),
                  callerRef(call.caller()),
                  call.region(),
                  call.requestId(),
                  call.facts().sourceIp(),
                  call.facts().secureTransport(),
                  call.facts().userAgent(),
                  call.enforcement(),
                  journalled(params),
                  null,
                  tape.values(),
                  new JournalEntry.AccountRef(
                      call.account().partition().id(), call.account().accountId()))));
    }
    return output;
  }

  /**
   * Resets the state as {@code IamLocalState.reset()} does, journalled: the returned future
   * completes once the reset is durable. The old account's write lock orders the reset after every
   * write on it; writes that still hold the old account afterwards are not journalled.
   */
  public CompletableFuture<Void> reset() {
    if (store.failed()) {
      return CompletableFuture.failedFuture(storeFailed());
    }
    List<Lock> locks = allWriteLocks();
    locks.forEach(Lock::lock);
    try {
      Tape tape = Tape.recording();
      Tape previous = Tape.install(tape);
      try {
        state.reset();
      } finally {
        Tape.uninstall(previous);
      }
      return store.append(JournalEntry.reset(tape.values()));
    } finally {
      unlock(locks);
    }
  }

  /**
   * Runs {@code apply} (a seed document's application) under the account's write lock with a
   * recording tape, and journals it as {@code json}; the future completes once it is durable.
   */
  public CompletableFuture<Void> journalSeed(String json, Runnable apply) {
    AccountState account = state.account();
    Lock lock = account.lock().writeLock();
    lock.lock();
    try {
      Tape tape = Tape.recording();
      Tape previous = Tape.install(tape);
      try {
        apply.run();
      } finally {
        Tape.uninstall(previous);
      }
      return store.append(JournalEntry.seed(json, tape.values()));
    } finally {
      lock.unlock();
    }
  }

  private static Map<String, String> journalled(Map<String, String> params) {
    for (String key : params.keySet()) {
      if (key.startsWith("X-Amz-")) {
        // Query-string signatures are not part of the call.
        Map<String, String> copy = new TreeMap<>(params);
        copy.keySet().removeIf(k -> k.startsWith("X-Amz-"));
        return copy;
      }
    }
    return params;
  }

  private static JournalEntry.CallerRef callerRef(Caller caller) {
    if (caller.kind() == Caller.Kind.ANONYMOUS) {
      return new JournalEntry.CallerRef(JournalEntry.CallerMode.ANONYMOUS, null);
    }
    if (caller.kind() == Caller.Kind.ROOT && caller.session() == null) {
      return new JournalEntry.CallerRef(JournalEntry.CallerMode.ROOT, caller.accessKeyId());
    }
    return new JournalEntry.CallerRef(JournalEntry.CallerMode.BY_ACCESS_KEY, caller.accessKeyId());
  }

  private void replay(long seq, JournalEntry entry) {
    replay(state, seq, entry);
  }

  private void replay(IamLocalState target, long seq, JournalEntry entry) {
    if (entry.kind() != JournalEntry.Kind.RESET) {
      changes++;
    }
    switch (entry.kind()) {
      case RESET -> withTape(seq, "reset", entry.tape(), target::reset);
      case SEED ->
          withTape(seq, "seed", entry.tape(), () -> seedReplayer.accept(target, entry.document()));
      case OPERATION -> replayOperation(target, seq, entry);
    }
  }

  private void replayOperation(IamLocalState target, long seq, JournalEntry entry) {
    String name = entry.service() + ":" + entry.operation();
    OperationModel operation = registry.operation(entry.service(), entry.operation());
    OperationRegistry.Registered registered = registry.handler(entry.service(), entry.operation());
    if (operation == null || registered == null) {
      throw new DataStoreException(
          "journal entry " + seq + " is " + name + ", which this IAMLocal does not serve");
    }
    AccountState account = accountOf(target, seq, entry);
    Caller caller = callerOf(entry.caller(), account);
    if (caller == null) {
      warn(
          seq,
          name,
          "its caller (access key " + entry.caller().accessKeyId() + ") no longer exists");
      return;
    }
    withTape(
        seq,
        name,
        entry.tape(),
        () -> {
          Params input = QueryInputDecoder.decode(operation.input(), entry.params());
          registered
              .handler()
              .handle(
                  new OperationCall(
                      entry.operation(),
                      input,
                      caller,
                      account,
                      entry.requestId(),
                      entry.region(),
                      new OperationCall.RequestFacts(
                          entry.sourceIp(), entry.secureTransport(), entry.userAgent()),
                      CallSettings.of(entry.enforcement())));
        });
  }

  private void withTape(long seq, String name, List<Object> values, Runnable action) {
    Tape tape = Tape.playback(values);
    Tape previous = Tape.install(tape);
    try {
      action.run();
    } catch (AwsServiceException e) {
      warn(seq, name, "it failed: " + e.errorCode().code() + ": " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      throw new DataStoreException(
          "journal entry " + seq + " (" + name + ") cannot be replayed: " + e, e);
    } finally {
      Tape.uninstall(previous);
    }
    if (!tape.matched()) {
      warn(
          seq,
          name,
          "it drew other clock or random values than when it ran (IDs or dates may differ)");
    }
  }

  private void warn(long seq, String name, String why) {
    diverged++;
    LOG.warning("journal entry " + seq + " (" + name + ") did not replay exactly: " + why);
  }

  /**
   * The account an entry acted in, created before its tape plays (accounts come into being outside
   * handlers).
   */
  private static AccountState accountOf(IamLocalState target, long seq, JournalEntry entry) {
    JournalEntry.AccountRef ref = entry.account();
    if (ref
        == null) { // before format 3: the default account, in the partition of the entry's region
      return target.defaultAccount(Partition.forRegion(entry.region()));
    }
    Partition partition = Partition.byId(ref.partition());
    if (partition == null || !IamLocalState.isAccountNumber(ref.accountId())) {
      throw new DataStoreException(
          "journal entry "
              + seq
              + " names an unknown account "
              + ref.partition()
              + "/"
              + ref.accountId());
    }
    return target.account(partition, ref.accountId());
  }

  /**
   * The caller of a journalled call, found again in the replayed state (temporary credentials too,
   * expired or not).
   */
  private static Caller callerOf(JournalEntry.CallerRef ref, AccountState account) {
    return switch (ref.mode()) {
      case ANONYMOUS -> Caller.anonymous(account.accountId());
      case ROOT -> Caller.root(account.partition(), account.accountId(), ref.accessKeyId());
      case BY_ACCESS_KEY -> {
        AccountState owner = account.directory().ownerOfKey(ref.accessKeyId());
        if (owner != null
            && owner != account) { // a caller of another account (cross-account AssumeRole)
          account = owner;
        }
        AccessKey key = account.accessKeys().get(ref.accessKeyId());
        if (key != null) {
          yield key.owner() == null
              ? Caller.root(account.partition(), account.accountId(), key.accessKeyId())
              : Caller.user(key.owner(), key.accessKeyId());
        }
        Session session = Sessions.of(account).get(ref.accessKeyId());
        yield session == null ? null : Caller.of(session, account.accountId());
      }
    };
  }

  /**
   * Whether the store has failed (writes are refused until a restart), and why; null when healthy.
   */
  public String problem() {
    return store.failed()
        ? "cannot write to " + store.directory() + ": " + store.failureMessage()
        : null;
  }

  /** The refusal of a write the store cannot take: AWS's retryable 503. */
  public static AwsServiceException storeFailed() {
    return new AwsServiceException(
        AwsErrorCode.SERVICE_UNAVAILABLE,
        "IAMLocal cannot write to its data directory, so it makes no more changes; see its log, then restart it.");
  }

  /**
   * After a failed commit (on the writer thread, the failure already recorded): the memory holds
   * writes the disk does not, whose clients will hear they failed. Rebuild the state from the
   * journal on disk into a scratch state and swap its account in, under the live account's write
   * lock, so no later read sees a write that was refused. If even that fails, writes stay refused
   * and the memory is as it was.
   */
  private void restoreFromDisk() {
    List<Lock> locks = allWriteLocks();
    locks.forEach(Lock::lock);
    try {
      IamLocalState scratch = state.emptyCopy();
      int entries = store.readAll((seq, entry) -> replay(scratch, seq, entry));
      state.replaceAccounts(scratch);
      LOG.severe(
          "data store failed; the state was rolled back to the "
              + entries
              + " journal entries on disk, and every further "
              + "write is refused until a restart");
    } catch (RuntimeException e) {
      LOG.log(
          java.util.logging.Level.SEVERE,
          "data store failed and the state could not be rolled back to the disk's; "
              + "every further write is refused until a restart",
          e);
    } finally {
      unlock(locks);
    }
  }

  /**
   * Every account's write lock, in the global lock order ({@code Accounts.all()} is sorted by it).
   */
  private List<Lock> allWriteLocks() {
    List<Lock> locks = new ArrayList<>();
    for (AccountState account : state.accounts().all()) {
      locks.add(account.lock().writeLock());
    }
    return locks;
  }

  private static void unlock(List<Lock> locks) {
    for (int i = locks.size() - 1; i >= 0; i--) {
      locks.get(i).unlock();
    }
  }

  /** Commits what is queued and releases the data directory. */
  @Override
  public void close() {
    store.close();
  }
}
