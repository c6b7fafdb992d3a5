package io.iamlocal.policy.evaluation;

import java.util.List;

/**
 * The full result of {@link PolicyEvaluator#evaluate(EvaluationInput)}, shaped after the
 * simulator's {@code EvaluationResult}.
 *
 * @param decision the final decision
 * @param matchedStatements for an explicit deny, every Deny statement that applied; when allowed,
 *     every Allow statement of the identity-based and resource-based policies that applied; empty
 *     for an implicit deny
 * @param missingContextValues condition keys (as written in the policy, de-duplicated without
 *     regard to case) that applicable statements referenced but the request did not supply,
 *     including unresolved variables
 * @param permissionsBoundaryDecision how the permissions boundary alone decided, or null when none
 *     is set
 * @param denyReason which policy type denied, or null when allowed
 */
public record EvaluationResult(
    Decision decision,
    List<MatchedStatement> matchedStatements,
    List<String> missingContextValues,
    Decision permissionsBoundaryDecision,
    DenyReason denyReason) {

  public EvaluationResult {
    matchedStatements = List.copyOf(matchedStatements);
    missingContextValues = List.copyOf(missingContextValues);
  }

  public boolean allowed() {
    return decision == Decision.ALLOWED;
  }
}
