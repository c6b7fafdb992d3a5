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
 * The temporary credentials STS has issued in an account, by access key ID. The map is concurrent
 * because request authentication reads it without the account lock. Expired sessions stay long
 * enough to be answered with {@code ExpiredToken} rather than {@code InvalidClientTokenId}, then
 * are dropped as new sessions are issued: each issue drops, in expiration order, the sessions that
 * expired more than {@link #KEEP_EXPIRED} before it was issued (O(log n) per session, so a burst of
 * AssumeRole calls holds at most its sessions' lifetime plus that grace). Only issues prune, and
 * they use the new session's issue time (taped in durable mode), so a replay drops the same
 * sessions at the same points; a pruned session can sign nothing that was journalled later, since
 * calls with expired credentials are refused.
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
  private static final int TOKEN_SEED_BYTES = 32;
  private final Map<String, Session> byAccessKeyId = new ConcurrentHashMap<>();

  /**
   * Every kept session by expiration, soonest first; guarded by itself (issues may run under the
   * read lock).
   */
  private final PriorityQueue<Session> byExpiration =
      new PriorityQueue<>(Comparator.comparingLong(Session::expirationEpochSecond));

  private final AccountState account;

  private Sessions(AccountState account) {
    this.account = account;
  }

  public static Sessions of(AccountState account) {
    return account.extension(Sessions.class, Sessions::new);
  }

  /** The session whose access key ID this is (expired or not), or null. */
  public Session get(String accessKeyId) {
    return accessKeyId == null ? null : byAccessKeyId.get(accessKeyId);
  }

  public void add(Session session) {
    byAccessKeyId.put(session.accessKeyId(), session);
    account.directory().keyIssued(session.accessKeyId(), account);
    synchronized (byExpiration) {
      byExpiration.add(session);
    }
    sweep(session.issuedAt());
  }

  public int size() {
    return byAccessKeyId.size();
  }

  /**
   * A copy of every session still kept (expired ones too), for read-only views such as the web
   * console.
   */
  public java.util.List<Session> snapshot() {
    return java.util.List.copyOf(byAccessKeyId.values());
  }

  /** Forgets sessions that expired more than {@link #KEEP_EXPIRED} before {@code now}. */
  void sweep(Instant now) {
    long cutoff = now.minus(KEEP_EXPIRED).getEpochSecond();
    synchronized (byExpiration) {
      Session oldest;
      while ((oldest = byExpiration.peek()) != null && oldest.expirationEpochSecond() < cutoff) {
        byExpiration.poll();
        if (byAccessKeyId.remove(oldest.accessKeyId(), oldest)) {
          account.directory().keyRetired(oldest.accessKeyId(), account);
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

  /** The random seed of a new session token (see {@link #sessionToken}). */
  public static byte[] newTokenSeed(AccountState account) {
    return account.ids().randomBytes(TOKEN_SEED_BYTES);
  }

  /**
   * The session token of a seed, shaped like AWS's (long, base64, fixed leading bytes): the seed
   * followed by SHA-256 in counter mode over it. A durable store written before seeds existed
   * replays the whole token's random bytes as the seed, which is then used as it is.
   */
  static String sessionToken(byte[] seed) {
    return TOKEN_PREFIX
        + Base64.getEncoder().encodeToString(seed.length >= TOKEN_BYTES ? seed : expand(seed));
  }

  private static byte[] expand(byte[] seed) {
    byte[] out = Arrays.copyOf(seed, TOKEN_BYTES);
    int at = seed.length;
    for (int counter = 0; at < TOKEN_BYTES; counter++) {
      byte[] block = Sha256.digest(seed, new byte[] {(byte) counter});
      int n = Math.min(block.length, TOKEN_BYTES - at);
      System.arraycopy(block, 0, out, at, n);
      at += n;
    }
    return out;
  }
}
