package io.iamlocal.policy.evaluation;

import java.util.Arrays;

/**
 * Accumulates pattern characters, remembering for each whether it is a wildcard and whether it is a
 * colon written in the policy (only those split ARN segments; a colon inside a variable's value
 * does not).
 */
final class GlobBuilder {

  private char[] chars = new char[32];
  private byte[] types = new byte[32];
  private boolean[] separators = new boolean[32];
  private int length;

  /** Appends policy text: {@code *} and {@code ?} are wildcards, colons separate ARN segments. */
  void appendPattern(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      byte type = c == '*' ? Glob.STAR : c == '?' ? Glob.ONE : Glob.LITERAL;
      add(c, type, c == ':');
    }
  }

  /** Appends policy text in which {@code *} and {@code ?} are ordinary characters. */
  void appendPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      add(c, Glob.LITERAL, c == ':');
    }
  }

  /**
   * Appends characters that are always literal and never separate segments (variable values,
   * escapes).
   */
  void appendLiteral(String text) {
    for (int i = 0; i < text.length(); i++) {
      add(text.charAt(i), Glob.LITERAL, false);
    }
  }

  Glob build(boolean ignoreCase) {
    return slice(0, length, ignoreCase);
  }

  /** True when the pattern starts with a literal {@code arn:} as written in the policy. */
  boolean isArn() {
    return length >= 4
        && chars[0] == 'a'
        && chars[1] == 'r'
        && chars[2] == 'n'
        && separators[3]
        && types[0] == Glob.LITERAL
        && types[1] == Glob.LITERAL
        && types[2] == Glob.LITERAL;
  }

  /** The characters before the first wildcard. */
  String literalPrefix() {
    int i = 0;
    while (i < length && types[i] == Glob.LITERAL) {
      i++;
    }
    return new String(chars, 0, i);
  }

  /**
   * The index of the fifth segment separator when it lies before the first wildcard and no literal
   * colon that is not a separator precedes it (so a prefix match fixes the first five segments),
   * else -1.
   */
  int fifthSeparatorWithinPrefix() {
    int seen = 0;
    for (int i = 0; i < length && types[i] == Glob.LITERAL; i++) {
      if (chars[i] == ':' && !separators[i]) {
        return -1;
      }
      if (separators[i] && ++seen == 5) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Splits at the first five written colons into the six ARN segments; missing trailing segments
   * become {@code *} (AWS completes ARNs with fewer than six fields with wildcards).
   */
  Glob[] arnSegments() {
    Glob[] segments = new Glob[6];
    int start = 0;
    int index = 0;
    for (int i = 0; i < length && index < 5; i++) {
      if (separators[i]) {
        segments[index++] = slice(start, i, false);
        start = i + 1;
      }
    }
    segments[index++] = slice(start, length, false);
    while (index < 6) {
      segments[index++] = Glob.any();
    }
    return segments;
  }

  private Glob slice(int from, int to, boolean ignoreCase) {
    char[] c = Arrays.copyOfRange(chars, from, to);
    if (ignoreCase) {
      for (int i = 0; i < c.length; i++) {
        c[i] = Character.toLowerCase(c[i]);
      }
    }
    return new Glob(c, Arrays.copyOfRange(types, from, to), ignoreCase);
  }

  private void add(char c, byte type, boolean separator) {
    if (length == chars.length) {
      chars = Arrays.copyOf(chars, length * 2);
      types = Arrays.copyOf(types, length * 2);
      separators = Arrays.copyOf(separators, length * 2);
    }
    chars[length] = c;
    types[length] = type;
    separators[length] = separator;
    length++;
  }
}
