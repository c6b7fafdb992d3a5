package io.iamlocal.policy.evaluation;

/**
 * A {@code Resource}/{@code NotResource} value or an {@code Arn*} condition value.
 *
 * <p>ARN patterns are matched segment by segment: wildcards stay within one of the six
 * colon-separated segments, the last segment (the resource part) may itself contain colons, and
 * missing trailing segments act as {@code *}. Matching is case-sensitive. Other patterns are
 * matched against the whole string. See
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html and
 * the ArnLike section of the condition operators page.
 */
final class ResourcePattern {

  static final int NO_MATCH = 0;
  static final int MATCH = 1;
  static final int UNRESOLVED = 2;

  /**
   * Matchers built for a variable-bearing pattern, by {@link ValueTemplate#resolutionKey}; bounded.
   */
  private static final int MAX_RESOLVED = 256;

  private final ValueTemplate template;
  private final Matcher staticMatcher;
  private final java.util.concurrent.ConcurrentHashMap<String, Matcher> resolved;

  private ResourcePattern(ValueTemplate template, Matcher staticMatcher) {
    this.template = template;
    this.staticMatcher = staticMatcher;
    this.resolved = staticMatcher == null ? new java.util.concurrent.ConcurrentHashMap<>() : null;
  }

  static ResourcePattern compile(String raw, boolean variables) {
    ValueTemplate template = ValueTemplate.of(raw, variables);
    Matcher matcher = null;
    if (template.isStatic()) {
      GlobBuilder b = new GlobBuilder();
      template.appendTo(b, true, null);
      matcher = Matcher.of(b);
    }
    return new ResourcePattern(template, matcher);
  }

  /** Positions of the first five colons of an ARN, or null when {@code input} is not an ARN. */
  static int[] colons(String input) {
    if (!input.startsWith("arn:")) {
      return null;
    }
    int[] out = new int[5];
    int from = 0;
    for (int i = 0; i < 5; i++) {
      int colon = input.indexOf(':', from);
      if (colon < 0) {
        return null;
      }
      out[i] = colon;
      from = colon + 1;
    }
    return out;
  }

  /** Matches the request's own resource, reusing its pre-computed colon positions. */
  int matchRequestResource(EvalState state) {
    int[] cuts = state.resourceColons();
    return match(state.request().resource(), cuts.length == 0 ? null : cuts, state);
  }

  /** {@link #MATCH}, {@link #NO_MATCH}, or {@link #UNRESOLVED} when a variable has no value. */
  int match(String input, EvalState state) {
    return match(input, colons(input), state);
  }

  private int match(String input, int[] cuts, EvalState state) {
    Matcher m = staticMatcher;
    if (m == null) {
      // ${aws:username} and the like: the same user's requests reuse the matcher built for its
      // value.
      String key = template.resolutionKey(state);
      if (key == null) {
        return UNRESOLVED;
      }
      m = resolved.get(key);
      if (m == null) {
        GlobBuilder b = new GlobBuilder();
        if (!template.appendTo(b, true, state)) {
          return UNRESOLVED;
        }
        m = Matcher.of(b);
        if (resolved.size() >= MAX_RESOLVED) {
          resolved.clear();
        }
        resolved.put(key, m);
      }
    }
    return m.matches(input, cuts) ? MATCH : NO_MATCH;
  }

  private static final class Matcher {
    private final Glob whole;
    private final Glob[] segments;

    /**
     * Text before the first wildcard: every match starts with it, so it rejects most ARNs at once.
     */
    private final String prefix;

    /** When the prefix spans the first five segments, the index of its fifth colon, else -1. */
    private final int prefixFifthColon;

    private Matcher(Glob whole, Glob[] segments, String prefix, int prefixFifthColon) {
      this.whole = whole;
      this.segments = segments;
      this.prefix = prefix;
      this.prefixFifthColon = prefixFifthColon;
    }

    static Matcher of(GlobBuilder b) {
      Glob whole = b.build(false);
      if (whole.isAny() || !b.isArn()) {
        return new Matcher(whole, null, null, -1);
      }
      String prefix = b.literalPrefix();
      int fifth = b.fifthSeparatorWithinPrefix();
      return new Matcher(whole, b.arnSegments(), prefix, fifth);
    }

    /** {@code cuts}: the input's first five colon positions, or null when it is not an ARN. */
    boolean matches(String input, int[] cuts) {
      if (segments == null) {
        return whole.matches(input);
      }
      if (cuts == null || !startsWithComparingBackwards(input, prefix)) {
        return false;
      }
      if (prefixFifthColon >= 0) {
        // Segments 1-5 are literal and equal to the prefix; only the resource part is left.
        return segments[5].matches(input, prefixFifthColon + 1, input.length());
      }
      int start = 0;
      for (int i = 0; i < 5; i++) {
        if (!segments[i].matches(input, start, cuts[i])) {
          return false;
        }
        start = cuts[i] + 1;
      }
      return segments[5].matches(input, start, input.length());
    }

    /**
     * {@code input.startsWith(prefix)}, compared from the prefix's end: ARNs of one service share
     * "arn:aws:service:region:account:" and differ in the resource part, so a mismatch shows up at
     * once.
     */
    private static boolean startsWithComparingBackwards(String input, String prefix) {
      int i = prefix.length();
      if (input.length() < i) {
        return false;
      }
      while (--i >= 0) {
        if (input.charAt(i) != prefix.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
