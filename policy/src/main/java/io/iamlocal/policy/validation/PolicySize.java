package io.iamlocal.policy.validation;

/**
 * Policy size as IAM counts it for its quotas: characters excluding whitespace ("IAM doesn't count
 * white space when calculating the size of a policy", IAM and STS quotas page; GetAccountSummary:
 * "in non-whitespace characters"). See shared/aws-data/iam-quotas.md §3 for the error texts.
 */
public final class PolicySize {

  /**
   * Managed policy document, per version: {@code LimitExceeded "Cannot exceed quota for PolicySize:
   * 6144"}.
   */
  public static final int MANAGED_POLICY_MAX = 6144;

  /**
   * Role trust policy default: {@code LimitExceeded "Cannot exceed quota for ACLSizePerRole:
   * 2048"}.
   */
  public static final int TRUST_POLICY_DEFAULT_MAX = 2048;

  /** Sum of a user's inline policies. */
  public static final int USER_INLINE_AGGREGATE_MAX = 2048;

  /** Sum of a group's inline policies. */
  public static final int GROUP_INLINE_AGGREGATE_MAX = 5120;

  /** Sum of a role's inline policies. */
  public static final int ROLE_INLINE_AGGREGATE_MAX = 10240;

  private PolicySize() {}

  /**
   * The number of characters in {@code json} that are not whitespace (anywhere, strings included).
   */
  public static int nonWhitespaceLength(String json) {
    int count = 0;
    for (int i = 0; i < json.length(); i++) {
      if (!Character.isWhitespace(json.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  /** True when {@code json} counts more than {@code limit} non-whitespace characters. */
  public static boolean exceeds(String json, int limit) {
    return nonWhitespaceLength(json) > limit;
  }
}
