package io.iamlocal.protocol.query;

import java.nio.charset.StandardCharsets;

/**
 * The short plain tokens (names and values without escapes, in ASCII) decoded lately, so that a
 * form's usual {@code Action}, {@code Version}, {@code GetUser}, {@code 2010-05-08} are the same
 * String every time instead of a new one per request for each young collection to sweep.
 *
 * <p>A direct-mapped table per thread (an event loop decodes its requests' forms one after the
 * other): a shared one would bounce its cache lines between cores on every new token.
 */
final class RecentTokens {
  /** Longer tokens are rarely repeated (policy documents, tags): not worth a slot. */
  static final int MAX_LENGTH = 32;

  private static final int SLOTS = 512;

  private static final ThreadLocal<RecentTokens> PER_THREAD =
      ThreadLocal.withInitial(RecentTokens::new);

  private final String[] tokens = new String[SLOTS];

  private RecentTokens() {}

  static RecentTokens ofThisThread() {
    return PER_THREAD.get();
  }

  /**
   * The token written in {@code bytes[from, to)}, which must be ASCII without escapes: a String
   * already made for the same bytes when there is one.
   */
  String of(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length > MAX_LENGTH) {
      return ascii(bytes, from, length);
    }
    int hash = length;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    int slot = (hash ^ (hash >>> 9)) & (SLOTS - 1);
    String known = tokens[slot];
    if (known != null && sameText(known, bytes, from, length)) {
      return known;
    }
    String token = ascii(bytes, from, length);
    tokens[slot] = token;
    return token;
  }

  private static String ascii(byte[] bytes, int from, int length) {
    return new String(bytes, from, length, StandardCharsets.ISO_8859_1); // one copy, no decoding
  }

  private static boolean sameText(String known, byte[] bytes, int from, int length) {
    if (known.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known.charAt(i) != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }
}
