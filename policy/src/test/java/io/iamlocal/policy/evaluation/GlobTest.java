package io.iamlocal.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shape of {@link Glob} (any, exact, prefix, stars only, general) against a
 * regular-expression oracle.
 */
class GlobTest {

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "a*b*c, abc, true",
    "a*b*c, aXbYc, true",
    "a*b*c, acb, false",
    "a*bb*b, abbb, true",
    "a*bb*b, abb, false",
    "*/shared/*, bench-9/home/alice, false",
    "*/shared/*, bench-9/shared/x, true",
    "*ab*ab, abab, true",
    "*ab*ab, aab, false",
    "x**y, xy, true",
    "*a, '', false",
    "a*, a, true",
  })
  void starsOnlyPatterns(String pattern, String input, boolean expected) {
    assertThat(Glob.of(pattern, false).matches(input)).isEqualTo(expected);
  }

  @Test
  void agreesWithRegexOracleOnRandomPatternsAndRegions() {
    Random random = new Random(20261126L);
    for (int i = 0; i < 20_000; i++) {
      boolean ignoreCase = random.nextInt(4) == 0;
      String pattern = random(random, "aAb*?/", 1 + random.nextInt(7));
      String input = random(random, "aAbB/", random.nextInt(10));
      String lowered = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
      Glob glob = Glob.of(lowered, ignoreCase);
      Pattern oracle =
          Pattern.compile(
              regex(lowered), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
      int from = input.isEmpty() ? 0 : random.nextInt(input.length() + 1);
      int to = from + random.nextInt(input.length() - from + 1);
      boolean expected = oracle.matcher(input.substring(from, to)).matches();
      assertThat(glob.matches(input, from, to))
          .as(
              "%s (ignoreCase %s) vs [%s] of '%s'",
              lowered, ignoreCase, input.substring(from, to), input)
          .isEqualTo(expected);
    }
  }

  @Test
  void longPatternsSpanningSeveralAutomatonWordsAgreeWithTheOracle() {
    Random random = new Random(17L);
    for (int i = 0; i < 500; i++) {
      boolean ignoreCase = random.nextBoolean();
      // Long literal runs between stars (the automaton's share of star-only patterns), ? and
      // non-ASCII letters.
      // At most three stars: the regular-expression oracle itself backtracks on many.
      StringBuilder built =
          new StringBuilder(random(random, "aaaaaaab?é", 60 + random.nextInt(140)));
      for (int star = random.nextInt(4); star > 0; star--) {
        built.insert(random.nextInt(built.length() + 1), '*');
      }
      String pattern = built.toString();
      String input = random(random, "aaaaaaabBé", random.nextInt(260));
      String lowered = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
      Pattern oracle =
          Pattern.compile(
              regex(lowered),
              Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
      assertThat(Glob.of(lowered, ignoreCase).matches(input))
          .as("%s (ignoreCase %s) vs '%s'", lowered, ignoreCase, input)
          .isEqualTo(oracle.matcher(input).matches());
      String matching = lowered.replace('*', 'x').replace('?', 'y');
      assertThat(Glob.of(lowered, ignoreCase).matches(matching))
          .as("%s vs itself", lowered)
          .isTrue();
    }
  }

  @Test
  void backtrackingBombsAnswerCorrectly() {
    // Patterns that drive a backtracking matcher to text length × pattern length steps; the
    // automaton's
    // cost is measured by the wire harness (SharedNetworkIT), not timed here.
    String resource = "a".repeat(2_048);
    assertThat(Glob.of("*" + "a".repeat(1_000) + "?b", false).matches(resource)).isFalse();
    assertThat(Glob.of("*" + "a".repeat(1_000) + "?b", false).matches(resource + "b")).isTrue();
    assertThat(Glob.of("*" + "a".repeat(999) + "b*", false).matches(resource)).isFalse();
    assertThat(Glob.of("*" + "a".repeat(999) + "b*", false).matches(resource + "b")).isTrue();
  }

  private static String random(Random random, String alphabet, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static String regex(String glob) {
    StringBuilder b = new StringBuilder();
    for (char c : glob.toCharArray()) {
      b.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return b.toString();
  }
}
