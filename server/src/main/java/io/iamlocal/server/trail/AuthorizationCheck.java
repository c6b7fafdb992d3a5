package io.iamlocal.server.trail;

import java.util.List;
import java.util.Map;

/**
 * One policy decision a call needed: the action and resource evaluated, how it ended, and the
 * request context (possibly still lazy; materialized only when a generated policy asks for
 * condition values).
 *
 * @param identityNeeded false when a resource-based policy (bucket policy, trust policy naming the
 *     caller) allowed on its own, so an identity policy needs no statement for it
 */
public record AuthorizationCheck(
    String action,
    String resource,
    Outcome outcome,
    boolean identityNeeded,
    Map<String, List<String>> keys) {

  /** How the policy engine's decision ended for the call. */
  public enum Outcome {
    ALLOWED,
    /** Denied by the policies, let through by {@code --enforce soft}. */
    ALLOWED_ANYWAY,
    DENIED
  }

  /** Whether the call went ahead (allowed, or let through in soft mode). */
  public boolean wentThrough() {
    return outcome != Outcome.DENIED;
  }
}
