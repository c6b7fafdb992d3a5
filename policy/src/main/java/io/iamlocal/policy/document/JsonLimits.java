package io.iamlocal.policy.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The nesting limit every JSON input of IAMLocal is read with. Jackson's own default (1,000 levels)
 * is deeper than the code walking the tree can recurse under a small thread stack ({@code
 * -Xss512k}), and no legitimate policy, token or console request comes near 64 levels (a policy
 * needs about six).
 */
public final class JsonLimits {
  /** Deepest nesting of objects and arrays accepted in any JSON input. */
  public static final int MAX_DEPTH = 64;

  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();

  private JsonLimits() {}

  /** A JSON factory whose parsers refuse nesting deeper than {@link #MAX_DEPTH}. */
  public static JsonFactory factory() {
    return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  }

  /** The constraints, for factories of other formats (YAML). */
  public static StreamReadConstraints constraints() {
    return CONSTRAINTS;
  }
}
