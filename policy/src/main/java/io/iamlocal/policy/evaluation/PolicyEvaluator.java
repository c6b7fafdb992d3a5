package io.iamlocal.policy.evaluation;

import java.util.List;

/**
 * Decides requests the way AWS does within an account, following
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html:
 *
 * <ol>
 *   <li>An applicable Deny in any policy (identity, resource, boundary, session) is an explicit
 *       deny.
 *   <li>Where the resource policy is required (role trust policies) and allows nothing: implicit
 *       deny.
 *   <li>Same account: a resource-based allow naming the caller's user, role-session or
 *       federated-user ARN (or the calling service / identity provider) allows regardless of
 *       implicit denies elsewhere.
 *   <li>Otherwise an identity-based allow, or a resource-based allow naming the caller's role or
 *       everyone, is needed (a resource policy naming only the account delegates to identity
 *       policies), then the permissions boundary must allow, then the session policies must allow.
 *       An IAM federated user session without session policies has no permissions; the account root
 *       user needs no identity allow.
 *   <li>Cross-account (resource account differs): identity side (with boundary and session) and
 *       resource side must both allow.
 * </ol>
 *
 * <p>{@link #decide} is the allocation-light path for enforcement; {@link #evaluate} also collects
 * what the policy simulator reports.
 */
public final class PolicyEvaluator {

  private static final int DENY = 1;
  private static final int ALLOW = 2;
  private static final int STRENGTH_SHIFT = 2;

  private PolicyEvaluator() {}

  /** The decision only; stops at the first explicit deny. */
  public static Decision decide(EvaluationInput input) {
    return run(input, new EvalState(input.request(), false)).decision;
  }

  /**
   * The full result: decision, matched statements, missing context keys, boundary decision, deny
   * reason.
   */
  public static EvaluationResult evaluate(EvaluationInput input) {
    EvalState state = new EvalState(input.request(), true);
    Outcome o = run(input, state);
    List<MatchedStatement> matched =
        o.decision == Decision.EXPLICIT_DENY
            ? state.denies()
            : o.decision == Decision.ALLOWED ? state.allows() : List.of();
    return new EvaluationResult(
        o.decision, matched, state.missingKeys(), o.boundaryDecision, o.reason);
  }

  /**
   * How one policy type decides on its own, without the combination rules: an applicable Deny is an
   * explicit deny, else an applicable Allow (for resource-based policies, one whose Principal names
   * the caller in any way, the account included) allows. This is the per-type summary the simulator
   * reports in {@code EvalDecisionDetails}.
   */
  public static Decision decideAlone(
      RequestContext request, List<CompiledPolicy> policies, boolean resourceBased) {
    int flags = scan(policies, resourceBased, false, new EvalState(request, false));
    return (flags & DENY) != 0
        ? Decision.EXPLICIT_DENY
        : (flags & ALLOW) != 0 ? Decision.ALLOWED : Decision.IMPLICIT_DENY;
  }

  private static final class Outcome {
    final Decision decision;
    final DenyReason reason;
    final Decision boundaryDecision;

    Outcome(Decision decision, DenyReason reason, Decision boundaryDecision) {
      this.decision = decision;
      this.reason = reason;
      this.boundaryDecision = boundaryDecision;
    }
  }

  private static Outcome run(EvaluationInput in, EvalState state) {
    boolean collect = state.collecting();
    boolean hasBoundary = !in.permissionsBoundary().isEmpty();
    state.boundaryAttached(hasBoundary);
    int identity = scan(in.identityPolicies(), false, true, state);
    if (!collect && (identity & DENY) != 0) {
      return new Outcome(Decision.EXPLICIT_DENY, DenyReason.IDENTITY_POLICY, null);
    }
    int resource = scan(in.resourcePolicies(), true, true, state);
    if (!collect && (resource & DENY) != 0) {
      return new Outcome(Decision.EXPLICIT_DENY, DenyReason.RESOURCE_POLICY, null);
    }
    int boundary = scan(in.permissionsBoundary(), false, false, state);
    if (!collect && (boundary & DENY) != 0) {
      return new Outcome(
          Decision.EXPLICIT_DENY, DenyReason.PERMISSIONS_BOUNDARY, Decision.EXPLICIT_DENY);
    }
    int session = scan(in.sessionPolicies(), false, false, state);
    Decision boundaryDecision =
        !hasBoundary
            ? null
            : (boundary & DENY) != 0
                ? Decision.EXPLICIT_DENY
                : (boundary & ALLOW) != 0 ? Decision.ALLOWED : Decision.IMPLICIT_DENY;
    DenyReason explicit =
        (identity & DENY) != 0
            ? DenyReason.IDENTITY_POLICY
            : (resource & DENY) != 0
                ? DenyReason.RESOURCE_POLICY
                : (boundary & DENY) != 0
                    ? DenyReason.PERMISSIONS_BOUNDARY
                    : (session & DENY) != 0 ? DenyReason.SESSION_POLICY : null;
    if (explicit != null) {
      return new Outcome(Decision.EXPLICIT_DENY, explicit, boundaryDecision);
    }
    DenyReason implicit = implicitDenyReason(in, state, identity, resource, boundary, session);
    return implicit == null
        ? new Outcome(Decision.ALLOWED, null, boundaryDecision)
        : new Outcome(Decision.IMPLICIT_DENY, implicit, boundaryDecision);
  }

  /** Null when allowed, else the policy type whose missing allow denies the request. */
  private static DenyReason implicitDenyReason(
      EvaluationInput in, EvalState state, int identity, int resource, int boundary, int session) {
    int resourceStrength =
        (resource & ALLOW) != 0 ? resource >>> STRENGTH_SHIFT : PrincipalMatcher.NONE;
    if (in.resourcePolicyRequired() && resourceStrength == PrincipalMatcher.NONE) {
      return DenyReason.RESOURCE_POLICY;
    }
    String callerArn = state.request().principalArn();
    boolean identityAllows = (identity & ALLOW) != 0 || Requester.isRootArn(callerArn);
    boolean boundaryOk = in.permissionsBoundary().isEmpty() || (boundary & ALLOW) != 0;
    boolean sessionOk =
        in.sessionPolicies().isEmpty()
            ? !Requester.isFederatedUserArn(callerArn)
            : (session & ALLOW) != 0;
    String callerAccount = state.request().principalAccount();
    boolean crossAccount =
        in.resourceAccount() != null
            && callerAccount != null
            && !in.resourceAccount().equals(callerAccount);
    if (crossAccount) {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
      if (!identityAllows) {
        return DenyReason.IDENTITY_POLICY;
      }
      if (!boundaryOk) {
        return DenyReason.PERMISSIONS_BOUNDARY;
      }
      if (!sessionOk) {
        return DenyReason.SESSION_POLICY;
      }
      return resourceStrength == PrincipalMatcher.NONE ? DenyReason.RESOURCE_POLICY : null;
    }
    if (resourceStrength == PrincipalMatcher.DIRECT) {
      return null;
    }
    if (!identityAllows && resourceStrength != PrincipalMatcher.LIMITED) {
      return DenyReason.IDENTITY_POLICY;
    }
    if (!boundaryOk) {
      return DenyReason.PERMISSIONS_BOUNDARY;
    }
    if (!sessionOk) {
      return DenyReason.SESSION_POLICY;
    }
    return null;
  }

  /**
   * Scans one policy type. Returns {@link #DENY}/{@link #ALLOW} bits and, above {@link
   * #STRENGTH_SHIFT}, the strongest principal match among applicable Allow statements.
   */
  private static int scan(
      List<CompiledPolicy> policies, boolean resourceBased, boolean reportAllows, EvalState state) {
    int flags = 0;
    int strength = PrincipalMatcher.NONE;
    boolean collect = state.collecting();
    ActionKey action = state.actionKey();
    for (int p = 0, n = policies.size(); p < n; p++) {
      CompiledPolicy policy = policies.get(p);
      CompiledStatement[] statements = policy.statements;
      for (int index : policy.statementsFor(action)) {
        CompiledStatement s = statements[index];
        if (!collect && !s.deny && strength == PrincipalMatcher.DIRECT) {
          continue;
        }
        int applies = s.appliesToMatchedAction(state, resourceBased);
        if (applies == 0) {
          continue;
        }
        if (s.deny) {
          flags |= DENY;
          if (!collect) {
            return flags;
          }
        } else {
          flags |= ALLOW;
          strength = Math.max(strength, applies);
        }
        if (collect) {
          state.matched(policy, s, reportAllows);
        }
      }
    }
    return flags | (strength << STRENGTH_SHIFT);
  }
}
