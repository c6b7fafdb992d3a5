package io.iamlocal.policy.evaluation;

/**
 * Builds the {@code AccessDenied} message for a denied request in AWS's current form (no final
 * period), e.g. {@code User: arn:aws:iam::123456789012:user/alice is not authorized to perform:
 * iam:CreateUser on resource: arn:aws:iam::123456789012:user/bob because no identity-based policy
 * allows the iam:CreateUser action}. See shared/aws-data/error-messages.md §2; the boundary and
 * session phrases are the documented pattern.
 */
public final class AccessDeniedMessages {

  private AccessDeniedMessages() {}

  public static String format(
      String principalArn, String action, String resource, EvaluationResult result) {
    return format(principalArn, action, resource, result.decision(), result.denyReason());
  }

  public static String format(
      String principalArn, String action, String resource, Decision decision, DenyReason reason) {
    if (decision == Decision.ALLOWED || reason == null) {
      throw new IllegalArgumentException("request was not denied");
    }
    String head =
        "User: "
            + principalArn
            + " is not authorized to perform: "
            + action
            + " on resource: "
            + resource;
    if (decision == Decision.EXPLICIT_DENY) {
      return head + " with an explicit deny in " + reason.article() + " " + reason.phrase();
    }
    return head + " because no " + reason.phrase() + " allows the " + action + " action";
  }
}
