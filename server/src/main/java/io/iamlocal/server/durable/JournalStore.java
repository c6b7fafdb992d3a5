package io.iamlocal.server.durable;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import org.sqlite.SQLiteConfig;

/**
 * The journal on disk: an SQLite database ({@code iamlocal.db}) in WAL mode with {@code
 * synchronous=FULL}, so a committed transaction is fsynced and survives a kill or a power cut.
 * Appends are queued in linearization order and written by one thread, a batch per transaction
 * (group commit): one fsync acknowledges every write that arrived meanwhile.
 */
public final class JournalStore implements AutoCloseable {
  /** The schema this version writes and reads; a store with a higher one is refused. */
  public static final int SCHEMA_VERSION = 1;

  static final String DB_FILE = "iamlocal.db";
  private static final String LOCK_FILE = "iamlocal.lock";
  private static final int MAX_BATCH = 4096;
  private static final Logger LOG = Logger.getLogger(JournalStore.class.getName());
  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Connection db;
  private final boolean fresh;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private long lastSeq;
  private volatile boolean closing;
  private volatile SQLException failure;
  private volatile Runnable onFailure = () -> {};
  private Thread writer;

  private record Pending(long seq, JournalEntry entry, CompletableFuture<Void> durable) {}

  /** Receives the journal's entries in order, at start-up. */
  @FunctionalInterface
  public interface EntryConsumer {
    void accept(long seq, JournalEntry entry);
  }

  private JournalStore(
      Path dir,
      FileChannel lockChannel,
      FileLock lock,
      Connection db,
      boolean fresh,
      long lastSeq) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.db = db;
    this.fresh = fresh;
    this.lastSeq = lastSeq;
  }

  /**
   * Opens (or creates) the store in {@code dir} for {@code accountId}: locks the directory against
   * a second server, checks the database's integrity and schema version.
   */
  public static JournalStore open(Path dir, String accountId) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new DataStoreException(
          "cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
    FileChannel channel = null;
    FileLock lock;
    boolean lockExisted = Files.exists(dir.resolve(LOCK_FILE));
    try {
      channel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      // Held by another server in this JVM.
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new DataStoreException("cannot lock data directory " + dir + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new DataStoreException(
          "data directory " + dir + " is in use by another IAMLocal process");
    }
    Path file = dir.resolve(DB_FILE);
    Connection db = null;
    try {
      boolean existed = Files.exists(file) && Files.size(file) > 0;
      refuseEmptyBesideJournal(file, lockExisted);
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.setBusyTimeout(10_000);
      db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      boolean fresh = prepare(db, file, existed, accountId);
      db.setAutoCommit(false);
      long last;
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM journal")) {
        last = rs.getLong(1);
      }
      db.commit();
      return new JournalStore(dir, channel, lock, db, fresh, last);
    } catch (SQLException | IOException e) {
      closeQuietly(db);
      releaseQuietly(lock, channel);
      throw new DataStoreException(
          "data store " + file + " is corrupted or not an IAMLocal data store: " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      closeQuietly(db);
      releaseQuietly(lock, channel);
      throw e;
    }
  }

  /**
   * An empty or missing database beside a write-ahead log with content, or an empty one beside the
   * lock file of an earlier run, lost its data (truncated, or deleted while the log stayed):
   * starting empty would overwrite what is left, so it is damage. A missing database is a new
   * store.
   */
  private static void refuseEmptyBesideJournal(Path file, boolean lockExisted) throws IOException {
    Path wal = file.resolveSibling(DB_FILE + "-wal");
    boolean empty = !Files.exists(file) || Files.size(file) == 0;
    boolean walHasData = Files.exists(wal) && Files.size(wal) > 0;
    if (empty && (walHasData || (Files.exists(file) && lockExisted))) {
      throw new DataStoreException(
          "data store "
              + file
              + " is damaged: the database file is "
              + (Files.exists(file) ? "empty" : "missing")
              + " beside "
              + (walHasData
                  ? "its write-ahead log " + wal.getFileName()
                  : "the lock file of an earlier run")
              + "; restore it from a backup, or remove the directory's files to start empty");
    }
  }

  /** Checks an existing database, or lays out a new one; returns whether it is new. */
  private static boolean prepare(Connection db, Path file, boolean existed, String accountId)
      throws SQLException {
    try (Statement s = db.createStatement()) {
      if (existed) {
        try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
          String result = rs.next() ? rs.getString(1) : "no answer";
          if (!"ok".equals(result)) {
            throw new DataStoreException(
                "data store " + file + " is corrupted (SQLite integrity check: " + result + ")");
          }
        }
      }
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      if (tables.isEmpty()) {
        s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute(
            "CREATE TABLE journal (seq INTEGER PRIMARY KEY, entry BLOB NOT NULL, crc INTEGER NOT NULL)");
        s.execute("INSERT INTO meta VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
        try (PreparedStatement p =
            db.prepareStatement("INSERT INTO meta VALUES ('account_id', ?)")) {
          p.setString(1, accountId);
          p.execute();
        }
        return true;
      }
      if (!tables.contains("meta") || !tables.contains("journal")) {
        throw new DataStoreException(
            "data store " + file + " is not an IAMLocal data store (tables " + tables + ")");
      }
      String version = meta(s, "schema_version");
      int schema;
      try {
        schema = Integer.parseInt(version);
      } catch (NumberFormatException e) {
        throw new DataStoreException(
            "data store " + file + " is corrupted: schema version '" + version + "'");
      }
      if (schema > SCHEMA_VERSION) {
        throw new DataStoreException(
            "data store "
                + file
                + " was written by a newer IAMLocal (schema version "
                + schema
                + "; this version reads "
                + SCHEMA_VERSION
                + "): upgrade IAMLocal or use another --data-dir");
      }
      String storedAccount = meta(s, "account_id");
      if (!accountId.equals(storedAccount)) {
        throw new DataStoreException(
            "data store "
                + file
                + " holds account "
                + storedAccount
                + ", not "
                + accountId
                + ": start with --account-id "
                + storedAccount
                + " or use another --data-dir");
      }
      return false;
    }
  }

  private static String meta(Statement s, String key) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = '" + key + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Whether the store was created by this open. */
  public boolean isFresh() {
    return fresh;
  }

  public Path directory() {
    return dir;
  }

  /**
   * Reads every entry in order. Checksums and sequence continuity are checked: a damaged entry or a
   * gap is a {@link DataStoreException}, never a silently shorter history.
   */
  public int readAll(EntryConsumer consumer) {
    int count = 0;
    long expected = -1;
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT seq, entry, crc FROM journal ORDER BY seq")) {
      while (rs.next()) {
        long seq = rs.getLong(1);
        byte[] blob = rs.getBytes(2);
        long crc = rs.getLong(3);
        if (expected != -1 && seq != expected) {
          throw new DataStoreException(
              "data store "
                  + dir.resolve(DB_FILE)
                  + " is corrupted: journal entry "
                  + expected
                  + " is missing");
        }
        if (blob == null || crc(blob) != crc) {
          throw new DataStoreException(
              "data store "
                  + dir.resolve(DB_FILE)
                  + " is corrupted: journal entry "
                  + seq
                  + " fails its checksum");
        }
        JournalEntry entry;
        try {
          entry = JournalEntry.decode(blob);
        } catch (IOException e) {
          throw new DataStoreException(
              "data store "
                  + dir.resolve(DB_FILE)
                  + " is corrupted: journal entry "
                  + seq
                  + " cannot be read ("
                  + e.getMessage()
                  + ")",
              e);
        }
        if (expected == -1 && entry.kind() != JournalEntry.Kind.RESET) {
          throw new DataStoreException(
              "data store "
                  + dir.resolve(DB_FILE)
                  + " is corrupted: the journal does not start with a reset");
        }
        consumer.accept(seq, entry);
        expected = seq + 1;
        count++;
      }
      if (!failed()) {
        db.commit(); // after a failed commit's rollback no transaction is open: nothing to end
      }
    } catch (SQLException e) {
      throw new DataStoreException(
          "data store " + dir.resolve(DB_FILE) + " is corrupted: " + e.getMessage(), e);
    }
    return count;
  }

  /** Whether a commit has failed: every later append is refused, until a restart. */
  public boolean failed() {
    return failure != null;
  }

  /** What made the store fail, or null. */
  public String failureMessage() {
    SQLException f = failure;
    return f == null ? null : f.getMessage();
  }

  /**
   * Runs {@code action} on the writer thread when a commit fails, after the failure is recorded and
   * before the failed writes' futures complete (so their clients hear of it only once it has run).
   */
  public void onFailure(Runnable action) {
    this.onFailure = action;
  }

  /** Starts the writer thread; appends before this wait in the queue. */
  public synchronized void start() {
    if (writer == null) {
      writer = new Thread(this::writeLoop, "iamlocal-journal");
      writer.setDaemon(true);
      writer.start();
    }
  }

  /**
   * Queues an entry after every entry appended before; the future completes once it is committed to
   * disk (or fails if the store cannot be written). Called under the account lock, so the journal's
   * order is the order in which the writes took effect.
   */
  public CompletableFuture<Void> append(JournalEntry entry) {
    CompletableFuture<Void> durable = new CompletableFuture<>();
    synchronized (this) {
      SQLException failed = failure;
      if (failed != null || closing) {
        durable.completeExceptionally(
            failed != null
                ? new DataStoreException(
                    "data store failed earlier: " + failed.getMessage(), failed)
                : new DataStoreException("data store is closed"));
        return durable;
      }
      queue.add(new Pending(++lastSeq, entry, durable));
    }
    return durable;
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    try (PreparedStatement insert =
            db.prepareStatement("INSERT INTO journal (seq, entry, crc) VALUES (?, ?, ?)");
        PreparedStatement truncate = db.prepareStatement("DELETE FROM journal WHERE seq < ?")) {
      while (true) {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closing && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.clear();
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch, insert, truncate);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.log(Level.SEVERE, "cannot prepare journal statements", e);
      failure = e;
    } finally {
      failAll(new DataStoreException("data store is closed"));
    }
  }

  private void write(List<Pending> batch, PreparedStatement insert, PreparedStatement truncate) {
    if (failure != null) {
      batch.forEach(
          p ->
              p.durable()
                  .completeExceptionally(
                      new DataStoreException(
                          "data store failed earlier: " + failure.getMessage())));
      return;
    }
    try {
      // A reset makes every earlier entry irrelevant: the journal restarts from it.
      long lastReset = -1;
      for (Pending p : batch) {
        if (p.entry().kind() == JournalEntry.Kind.RESET) {
          lastReset = p.seq();
        }
      }
      if (lastReset != -1) {
        truncate.setLong(1, lastReset);
        truncate.executeUpdate();
      }
      for (Pending p : batch) {
        if (p.seq() < lastReset) {
          continue;
        }
        byte[] blob = p.entry().encode();
        insert.setLong(1, p.seq());
        insert.setBytes(2, blob);
        insert.setLong(3, crc(blob));
        insert.addBatch();
      }
      insert.executeBatch();
      db.commit();
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.SEVERE, "cannot write the journal in " + dir + "; further writes are refused", e);
      failure = e instanceof SQLException sql ? sql : new SQLException(e);
      try {
        db.rollback();
      } catch (SQLException ignored) {
        // The connection is unusable; the failure is already recorded.
      }
      try {
        onFailure.run();
      } catch (RuntimeException | Error recovery) {
        LOG.log(Level.SEVERE, "recovery after the journal failure failed", recovery);
      }
      batch.forEach(
          p ->
              p.durable()
                  .completeExceptionally(
                      new DataStoreException("cannot write the journal: " + e.getMessage(), e)));
      failAll(new DataStoreException("data store failed: " + e.getMessage()));
      return;
    }
    for (Pending p : batch) {
      p.durable().complete(null);
    }
  }

  private void failAll(DataStoreException error) {
    Pending p;
    while ((p = queue.poll()) != null) {
      p.durable().completeExceptionally(error);
    }
  }

  static long crc(byte[] blob) {
    CRC32 crc = new CRC32();
    crc.update(blob);
    return crc.getValue();
  }

  /** Writes what is queued, stops the writer and releases the directory. */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    Thread w = writer;
    if (w != null) {
      try {
        w.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    failAll(new DataStoreException("data store is closed"));
    closeQuietly(db);
    releaseQuietly(lock, lockChannel);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // Closing after a failure: the first error is the one reported.
      }
    }
  }

  private static void releaseQuietly(FileLock lock, FileChannel channel) {
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException ignored) {
      // The channel's close releases it anyway.
    }
    closeQuietly(channel);
  }
}
