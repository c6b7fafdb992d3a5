package io.iamlocal.server.state;

import io.iamlocal.server.crypto.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials STS has issued in an account, by access key ID. Request authentication
 * reads the store without the account lock ({@link SessionTable}); changes take the store's own
 * lock. Expired sessions stay long enough to be answered with {@code ExpiredToken} rather than
 * {@code InvalidClientTokenId}, then are dropped as new sessions are issued: each issue drops, in
 * expiration order, the sessions that expired more than {@link #KEEP_EXPIRED} before it was issued
 * (O(log n) per session, so a burst of AssumeRole calls holds at most its sessions' lifetime plus
 * that grace). Only issues prune, and they use the new session's issue time (taped in durable
 * mode), so a replay drops the same sessions at the same points; a pruned session can sign nothing
 * that was journalled later, since calls with expired credentials are refused.
 */
public final class Sessions {
  /** How long an expired session is still recognised (and refused as expired). */
  static final Duration KEEP_EXPIRED = Duration.ofMinutes(15);

  /**
   * AWS session tokens are base64 of an opaque binary blob that starts with a fixed header (this
   * prefix is what current STS tokens begin with); the rest here is derived from a random seed.
   */
  private static final String TOKEN_PREFIX = "IQoJb3JpZ2luX2Vj";

  private static final int TOKEN_BYTES = 360;

  /** The seed of new sessions; older versions drew 32 bytes, or the whole token. */
  static final int TOKEN_SEED_BYTES = 16;

  /** Sessions whose key ID encodes this account, by its random bits. */
  private final SessionTable byKeyBits = new SessionTable();

  /**
   * Sessions with key IDs of another form (replayed from journals of older versions), by ID;
   * usually empty.
   */
  private final Map<String, Session> byOtherKeyId = new ConcurrentHashMap<>();

  /**
   * Every kept session by expiration, soonest first; its monitor guards every change to the store
   * (issues may run under the read lock).
   */
  private final PriorityQueue<Session> byExpiration =
      new PriorityQueue<>(Comparator.comparingLong(Session::expirationEpochSecond));

  private final AccountState account;
  private final long accountNumber;

  /**
   * Session names issued lately, by hash (see {@link #recurringName}): a table that grows with the
   * store, up to {@link #MAX_RECENT_NAMES}.
   */
  private volatile String[] recentNames = new String[MIN_RECENT_NAMES];

  private static final int MIN_RECENT_NAMES = 16;
  private static final int MAX_RECENT_NAMES = 16_384;

  private Sessions(AccountState account) {
    this.account = account;
    this.accountNumber = IdGenerator.parseAccount(account.accountId());
  }

  public static Sessions of(AccountState account) {
    return account.extension(Sessions.class, Sessions::new);
  }

  /** The session whose access key ID this is (expired or not), or null. */
  public Session get(String accessKeyId) {
    long keyBits = IdGenerator.randomBitsOf(accessKeyId, IdPrefix.ASIA, accountNumber);
    Session session = keyBits < 0 ? null : byKeyBits.get(keyBits);
    return session != null || accessKeyId == null || byOtherKeyId.isEmpty()
        ? session
        : byOtherKeyId.get(accessKeyId);
  }

  public void add(Session session) {
    String keyId = session.accessKeyId();
    synchronized (byExpiration) {
      if (session.keyBits() >= 0 && session.accountId().equals(account.accountId())) {
        byKeyBits.add(session);
      } else {
        byOtherKeyId.put(keyId, session);
      }
      byExpiration.add(session);
      String[] names = recentNames;
      if (names.length < MAX_RECENT_NAMES && byExpiration.size() > names.length * 4) {
        recentNames = new String[names.length * 2];
      }
    }
    account.directory().keyIssued(keyId, account);
    sweep(session.issuedAt());
  }

  public int size() {
    synchronized (byExpiration) {
      return byKeyBits.size() + byOtherKeyId.size();
    }
  }

  /**
   * A copy of every session still kept (expired ones too), for read-only views such as the web
   * console.
   */
  public java.util.List<Session> snapshot() {
    java.util.List<Session> all = byKeyBits.sessions();
    all.addAll(byOtherKeyId.values());
    return java.util.List.copyOf(all);
  }

  /**
   * {@code name} itself, or an equal name an earlier session of this store was given: clients often
   * repeat theirs (a fixed RoleSessionName in a loop), and then the sessions share one string.
   */
  public String recurringName(String name) {
    if (name == null) {
      return null;
    }
    // Direct-mapped, so a lookup is one slot: a client cycling through a few thousand names (one
    // per
    // test, per worker) still shares most of them, where remembering only the last name shared
    // none; 200,000 sessions of 5,000 names kept a 56-byte copy of the name each. Concurrent issues
    // may overwrite each other's slot: a name is then merely not shared.
    String[] names = recentNames;
    int hash = name.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (names.length - 1);
    String known = names[slot];
    if (name.equals(known)) {
      return known;
    }
    names[slot] = name;
    return name;
  }

  /** Forgets sessions that expired more than {@link #KEEP_EXPIRED} before {@code now}. */
  void sweep(Instant now) {
    long cutoff = now.minus(KEEP_EXPIRED).getEpochSecond();
    synchronized (byExpiration) {
      Session oldest;
      while ((oldest = byExpiration.peek()) != null && oldest.expirationEpochSecond() < cutoff) {
        byExpiration.poll();
        if (!byKeyBits.remove(oldest)) {
          String keyId = oldest.accessKeyId();
          if (byOtherKeyId.remove(keyId, oldest)) {
            account.directory().keyRetired(keyId, account);
          }
        }
      }
    }
  }

  /**
   * A new {@code ASIA…} access key ID, encoding its account, that no session or long-term key of
   * any account uses.
   */
  public static String newAccessKeyId(AccountState account) {
    while (true) {
      String id = account.ids().accessKeyId(IdPrefix.ASIA, account.accountId());
      if (account.keyIdFree(id) && of(account).get(id) == null) {
        return id;
      }
    }
  }

  /** The random seed of a new session's secret and token (see {@link #sessionToken}). */
  public static byte[] newTokenSeed(AccountState account) {
    return account.ids().randomBytes(TOKEN_SEED_BYTES);
  }

  /**
   * The secret of a 16-byte seed: 40 characters of base64's alphabet (30 bytes of SHA-256 over the
   * seed and a zero), which the token does not reveal.
   */
  static String secretAccessKey(byte[] seed) {
    byte[] digest = Sha256.digest(seed, new byte[] {0});
    return Base64.getEncoder().encodeToString(Arrays.copyOf(digest, 30));
  }

  /**
   * The session token of a seed, shaped like AWS's (long, base64, fixed leading bytes). From a
   * 16-byte seed: SHA-256 in counter mode over it, counters from 1 (0 derives the secret), so the
   * token does not reveal the seed. Sessions of older versions keep their tokens: a 32-byte seed
   * was followed by SHA-256 in counter mode from 0, and a store written before seeds existed
   * replays the whole token's random bytes as the seed, which is then used as it is.
   */
  static String sessionToken(byte[] seed) {
    byte[] raw =
        seed.length >= TOKEN_BYTES
            ? seed
            : seed.length == TOKEN_SEED_BYTES
                ? counterMode(seed, 0, 1)
                : counterMode(seed, seed.length, 0);
    return TOKEN_PREFIX + Base64.getEncoder().encodeToString(raw);
  }

  /** {@code TOKEN_BYTES} bytes: the first {@code kept} of the seed, then SHA-256(seed, counter). */
  private static byte[] counterMode(byte[] seed, int kept, int firstCounter) {
    byte[] out = Arrays.copyOf(seed, TOKEN_BYTES);
    int at = kept;
    for (int counter = firstCounter; at < TOKEN_BYTES; counter++) {
      byte[] block = Sha256.digest(seed, new byte[] {(byte) counter});
      int n = Math.min(block.length, TOKEN_BYTES - at);
      System.arraycopy(block, 0, out, at, n);
      at += n;
    }
    return out;
  }
}
