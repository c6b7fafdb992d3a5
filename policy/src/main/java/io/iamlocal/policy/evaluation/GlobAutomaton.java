package io.iamlocal.policy.evaluation;

import java.util.Arrays;

/**
 * A {@code *}/{@code ?} pattern run as a nondeterministic automaton whose live states are bits (the
 * shift-and method): state {@code i} means "the first {@code i} pattern items are matched". Each
 * text character costs one pass over {@code ceil((items + 1) / 64)} words, so a match costs the
 * text length times that, whatever the pattern — unlike backtracking, which a pattern such as
 * {@code *aaaa…a?b} drives to text length × pattern length steps per match attempt.
 */
final class GlobAutomaton {
  /** Items after merging runs of stars (a run matches what one star does). */
  private final int items;

  private final int words;
  private final long[] stars;
  private final long[] ones;

  /**
   * Per ASCII character, the items that are that literal; other characters are looked up in {@link
   * #otherChars}.
   */
  private final long[][] ascii = new long[128][];

  private final char[] otherChars;
  private final long[][] otherMasks;
  private final boolean ignoreCase;

  GlobAutomaton(char[] chars, byte[] types, boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
    int n = 0;
    char[] itemChars = new char[types.length];
    byte[] itemTypes = new byte[types.length];
    for (int i = 0; i < types.length; i++) {
      if (types[i] == Glob.STAR && n > 0 && itemTypes[n - 1] == Glob.STAR) {
        continue;
      }
      itemChars[n] = chars[i];
      itemTypes[n++] = types[i];
    }
    this.items = n;
    this.words = (n + 1 + 63) / 64;
    this.stars = new long[words];
    this.ones = new long[words];
    char[] others = new char[0];
    long[][] otherBits = new long[0][];
    for (int i = 0; i < n; i++) {
      if (itemTypes[i] == Glob.STAR) {
        set(stars, i);
      } else if (itemTypes[i] == Glob.ONE) {
        set(ones, i);
      } else {
        char c = itemChars[i];
        if (c < 128) {
          if (ascii[c] == null) {
            ascii[c] = new long[words];
          }
          set(ascii[c], i);
        } else {
          int at = indexOf(others, c);
          if (at < 0) {
            others = Arrays.copyOf(others, others.length + 1);
            otherBits = Arrays.copyOf(otherBits, otherBits.length + 1);
            at = others.length - 1;
            others[at] = c;
            otherBits[at] = new long[words];
          }
          set(otherBits[at], i);
        }
      }
    }
    // Fold "?" (any character) into every character's mask, and for case-insensitive patterns
    // (stored lower-case) an upper-case character's into its lower-case one's.
    for (int c = 0; c < 128; c++) {
      long[] own = ascii[c] == null ? new long[words] : ascii[c];
      long[] lower =
          ignoreCase && Character.isUpperCase((char) c)
              ? ascii[Character.toLowerCase((char) c)]
              : null;
      for (int w = 0; w < words; w++) {
        own[w] |= ones[w] | (lower == null ? 0 : lower[w]);
      }
      ascii[c] = own;
    }
    for (long[] bits : otherBits) {
      for (int w = 0; w < words; w++) {
        bits[w] |= ones[w];
      }
    }
    this.otherChars = others;
    this.otherMasks = otherBits;
  }

  private static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << (i & 63);
  }

  private static int indexOf(char[] chars, char c) {
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the region {@code [from, to)} of {@code s} matches the whole pattern. */
  boolean matches(String s, int from, int to) {
    return words == 1 ? matchesOneWord(s, from, to) : matchesWords(s, from, to);
  }

  /** Patterns of up to 63 items: the whole state set is one long. */
  private boolean matchesOneWord(String s, int from, int to) {
    long star = stars[0];
    long live = 1L;
    live |= (live & star) << 1;
    for (int p = from; p < to && live != 0; p++) {
      long advancing = live & mask(s.charAt(p))[0];
      live = (advancing << 1) | (live & star);
      live |= (live & star) << 1;
    }
    return (live & (1L << items)) != 0;
  }

  private boolean matchesWords(String s, int from, int to) {
    long[] live = new long[words];
    long[] next = new long[words];
    live[0] = 1L;
    closeOverStars(live);
    for (int p = from; p < to; p++) {
      long[] mask = mask(s.charAt(p));
      long any = 0;
      long carry = 0;
      for (int w = 0; w < words; w++) {
        long advancing = live[w] & mask[w];
        long word = (advancing << 1) | carry | (live[w] & stars[w]);
        carry = advancing >>> 63;
        next[w] = word;
        any |= word;
      }
      if (any == 0) {
        return false;
      }
      closeOverStars(next);
      long[] swap = live;
      live = next;
      next = swap;
    }
    return (live[items >>> 6] & (1L << (items & 63))) != 0;
  }

  /**
   * A state before a star also stands after it (the star matching nothing); stars never follow
   * stars here.
   */
  private void closeOverStars(long[] bits) {
    long carry = 0;
    for (int w = 0; w < words; w++) {
      long skipping = bits[w] & stars[w];
      long added = (skipping << 1) | carry;
      carry = skipping >>> 63;
      bits[w] |= added;
    }
  }

  /** The items a text character advances: its literal items and every {@code ?}. */
  private long[] mask(char c) {
    if (c < 128) {
      return ascii[c];
    }
    int at = indexOf(otherChars, c);
    if (ignoreCase && at < 0) {
      at = indexOf(otherChars, Character.toLowerCase(c));
    } else if (ignoreCase) {
      int lower = indexOf(otherChars, Character.toLowerCase(c));
      if (lower >= 0 && lower != at) {
        long[] both = otherMasks[at].clone();
        for (int w = 0; w < words; w++) {
          both[w] |= otherMasks[lower][w];
        }
        return both;
      }
    }
    return at < 0 ? ones : otherMasks[at];
  }
}
