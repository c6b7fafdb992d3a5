package io.iamlocal.policy.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code *}/{@code ?} pattern. Which characters are wildcards is fixed at build time, so
 * a {@code *} that came from {@code ${*}} or from a variable's value stays literal. Common shapes
 * ("*", exact text, "prefix*", stars between short literals) get allocation-free fast paths; every
 * other pattern runs as a bit-parallel automaton ({@link GlobAutomaton}), whose cost is the text
 * length times the pattern length / 64 for any pattern and text: no backtracking, so no pattern a
 * client writes can make one match slow. Patterns that ignore case store lower-case characters.
 */
final class Glob {

  static final byte LITERAL = 0;
  static final byte STAR = 1;
  static final byte ONE = 2;

  private enum Shape {
    ANY,
    EXACT,
    PREFIX,
    STARS_ONLY,
    GENERAL
  }

  /**
   * Longest literal run between stars that {@code STARS_ONLY} looks up with {@link String#indexOf}
   * (whose worst case is text length times run length); longer runs use the automaton.
   */
  private static final int SHORT_CHUNK = 16;

  private static final Glob ANY = new Glob(new char[] {'*'}, new byte[] {STAR}, false);

  private final char[] chars;
  private final byte[] types;
  private final boolean ignoreCase;
  private final Shape shape;
  private final GlobAutomaton automaton;
  private final String literal;

  /**
   * For {@code STARS_ONLY}: the literal text before, between and after the stars (some may be
   * empty).
   */
  private final String[] chunks;

  /** How many literal characters any match must contain. */
  private final int minLength;

  Glob(char[] chars, byte[] types, boolean ignoreCase) {
    this.chars = chars;
    this.types = types;
    this.ignoreCase = ignoreCase;
    Shape shape;
    int wild = 0;
    int stars = 0;
    int firstWild = -1;
    for (int i = 0; i < types.length; i++) {
      if (types[i] != LITERAL) {
        wild++;
        if (firstWild < 0) {
          firstWild = i;
        }
        if (types[i] == STAR) {
          stars++;
        }
      }
    }
    if (wild == 0) {
      shape = Shape.EXACT;
      literal = new String(chars);
    } else if (stars == types.length) {
      shape = Shape.ANY;
      literal = null;
    } else if (stars == wild && stars == types.length - firstWild) {
      shape = Shape.PREFIX;
      literal = new String(chars, 0, firstWild);
    } else if (stars == wild && !ignoreCase) {
      shape = Shape.STARS_ONLY;
      literal = null;
    } else {
      shape = Shape.GENERAL;
      literal = null;
    }
    String[] starChunks = shape == Shape.STARS_ONLY ? chunks(chars, types) : null;
    if (starChunks != null && hasLongMiddle(starChunks)) {
      starChunks = null;
      shape = Shape.GENERAL;
    }
    this.shape = shape;
    this.chunks = starChunks;
    this.automaton = shape == Shape.GENERAL ? new GlobAutomaton(chars, types, ignoreCase) : null;
    this.minLength = types.length - wild;
  }

  private static boolean hasLongMiddle(String[] chunks) {
    for (int c = 1; c < chunks.length - 1; c++) {
      if (chunks[c].length() > SHORT_CHUNK) {
        return true;
      }
    }
    return false;
  }

  private static String[] chunks(char[] chars, byte[] types) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= types.length; i++) {
      if (i == types.length || types[i] == STAR) {
        out.add(new String(chars, start, i - start));
        start = i + 1;
      }
    }
    return out.toArray(new String[0]);
  }

  static Glob any() {
    return ANY;
  }

  /** A pattern from text in which every {@code *} and {@code ?} is a wildcard. */
  static Glob of(String pattern, boolean ignoreCase) {
    GlobBuilder b = new GlobBuilder();
    b.appendPattern(pattern);
    return b.build(ignoreCase);
  }

  boolean isAny() {
    return shape == Shape.ANY;
  }

  boolean matches(String s) {
    return matches(s, 0, s.length());
  }

  /** Matches the region {@code [from, to)} of {@code s}. */
  boolean matches(String s, int from, int to) {
    int len = to - from;
    switch (shape) {
      case ANY:
        return true;
      case EXACT:
        return len == literal.length() && s.regionMatches(ignoreCase, from, literal, 0, len);
      case PREFIX:
        return len >= literal.length()
            && s.regionMatches(ignoreCase, from, literal, 0, literal.length());
      case STARS_ONLY:
        return starsOnly(s, from, to);
      default:
        return to - from >= minLength && automaton.matches(s, from, to);
    }
  }

  /**
   * Text before the first star must start the region and text after the last must end it; the
   * chunks between are found leftmost-first with {@link String#indexOf(String, int)}, which for
   * stars alone is exact and much faster than stepping character by character.
   */
  private boolean starsOnly(String s, int from, int to) {
    if (to - from < minLength) {
      return false;
    }
    String head = chunks[0];
    String tail = chunks[chunks.length - 1];
    int limit = to - tail.length();
    if (!s.startsWith(head, from) || !s.startsWith(tail, limit)) {
      return false;
    }
    int at = from + head.length();
    for (int c = 1; c < chunks.length - 1; c++) {
      String chunk = chunks[c];
      if (chunk.isEmpty()) {
        continue;
      }
      int found = s.indexOf(chunk, at);
      if (found < 0 || found + chunk.length() > limit) {
        return false;
      }
      at = found + chunk.length();
    }
    return true;
  }
}
