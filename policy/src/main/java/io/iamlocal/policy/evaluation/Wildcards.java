package io.iamlocal.policy.evaluation;

import java.util.function.Predicate;

/**
 * IAM's {@code *}/{@code ?} matching for code outside evaluation (the validator), with the same
 * linear-time guarantee as policy evaluation's compiled patterns.
 */
public final class Wildcards {

  private Wildcards() {}

  /**
   * Whether a text matches all of {@code pattern}, every {@code *} and {@code ?} in it a wildcard.
   */
  public static Predicate<String> matcher(String pattern) {
    return Glob.of(pattern, false)::matches;
  }
}
