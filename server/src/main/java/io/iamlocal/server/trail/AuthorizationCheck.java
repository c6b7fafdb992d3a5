package io.iamlocal.server.trail;

import io.iamlocal.policy.evaluation.LazyContextKeys;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One policy decision a call needed: the action and resource evaluated, how it ended, and the
 * request context (possibly still lazy; materialized only when a generated policy asks for
 * condition values).
 *
 * <p>A check the trail keeps ({@link #retained}) holds context keys the decision never built as the
 * recipe that builds them, not as the lazy map: the map would keep them once built (by a policy
 * generation), and the ring would then hold every event's whole request context.
 */
public final class AuthorizationCheck {
  private final String action;
  private final String resource;
  private final Outcome outcome;
  private final boolean identityNeeded;

  /** The keys as given (a map, possibly lazy), or the recipe of keys never built (a supplier). */
  private final Object keys;

  /**
   * @param identityNeeded false when a resource-based policy (bucket policy, trust policy naming
   *     the caller) allowed on its own, so an identity policy needs no statement for it
   */
  public AuthorizationCheck(
      String action,
      String resource,
      Outcome outcome,
      boolean identityNeeded,
      Map<String, List<String>> keys) {
    this(action, resource, outcome, identityNeeded, (Object) keys);
  }

  private AuthorizationCheck(
      String action, String resource, Outcome outcome, boolean identityNeeded, Object keys) {
    this.action = action;
    this.resource = resource;
    this.outcome = outcome;
    this.identityNeeded = identityNeeded;
    this.keys = keys;
  }

  /** How the policy engine's decision ended for the call. */
  public enum Outcome {
    ALLOWED,
    /** Denied by the policies, let through by {@code --enforce soft}. */
    ALLOWED_ANYWAY,
    DENIED
  }

  public String action() {
    return action;
  }

  public String resource() {
    return resource;
  }

  public Outcome outcome() {
    return outcome;
  }

  public boolean identityNeeded() {
    return identityNeeded;
  }

  /**
   * The request context keys (null: none). Keys never built are built by each call of this method,
   * and not kept: a caller reading several keys reads them from one returned map.
   */
  @SuppressWarnings("unchecked")
  public Map<String, List<String>> keys() {
    if (keys instanceof Supplier<?> recipe) {
      return LazyContextKeys.deferred((Supplier<? extends Map<String, List<String>>>) recipe);
    }
    return (Map<String, List<String>>) keys;
  }

  /**
   * This check as the trail keeps it once the call is over: keys the call never built become their
   * recipe (which builds them as the lazy map would have, on first read).
   */
  AuthorizationCheck retained() {
    Object kept = keys;
    if (keys instanceof LazyContextKeys lazy) {
      Supplier<? extends Map<String, List<String>>> recipe = lazy.unbuiltSupplier();
      if (recipe != null) {
        kept = recipe;
      }
    }
    // The action is kept as it is: every trailed check names one of the specs' actions (built once
    // with the spec, OperationSpec#action) or a constant.
    return kept == keys
        ? this
        : new AuthorizationCheck(action, resource, outcome, identityNeeded, kept);
  }

  /** Whether the call went ahead (allowed, or let through in soft mode). */
  public boolean wentThrough() {
    return outcome != Outcome.DENIED;
  }

  @Override
  public String toString() {
    return "AuthorizationCheck[action="
        + action
        + ", resource="
        + resource
        + ", outcome="
        + outcome
        + ", identityNeeded="
        + identityNeeded
        + "]";
  }
}
