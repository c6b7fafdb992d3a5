package io.iamlocal.server.trail;

import io.iamlocal.server.authz.EnforcementMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the policy decisions of the request the current thread is dispatching, for its trail
 * event. A request is dispatched start to end on one thread (the event loop), so a thread-local
 * needs no locking; outside {@link #begin}/{@link #end} (trail off, seed files, replays) recording
 * does nothing. Most calls meet one policy check: it is kept alone, a list only from the second.
 */
public final class CallChecks {
  private static final ThreadLocal<CallChecks> CURRENT = ThreadLocal.withInitial(CallChecks::new);
  private boolean active;
  private AuthorizationCheck first;
  private List<AuthorizationCheck> checks;

  private CallChecks() {}

  /** Starts collecting for the request about to be dispatched on this thread. */
  public static void begin() {
    CallChecks current = CURRENT.get();
    current.active = true;
    current.first = null;
    current.checks = null;
  }

  /** Stops collecting and returns what the request's checks were (empty when none). */
  public static List<AuthorizationCheck> end() {
    CallChecks current = CURRENT.get();
    current.active = false;
    AuthorizationCheck first = current.first;
    List<AuthorizationCheck> out = current.checks;
    current.first = null;
    current.checks = null;
    if (out != null) {
      return out;
    }
    return first == null ? List.of() : List.of(first);
  }

  /**
   * Notes one decision: {@code allowed} by the policies, or not (then let through in soft mode,
   * refused otherwise).
   */
  public static void record(
      EnforcementMode mode,
      String action,
      String resource,
      boolean allowed,
      boolean identityNeeded,
      Map<String, List<String>> keys) {
    CallChecks current = CURRENT.get();
    if (!current.active) {
      return;
    }
    AuthorizationCheck.Outcome outcome =
        allowed
            ? AuthorizationCheck.Outcome.ALLOWED
            : mode == EnforcementMode.SOFT
                ? AuthorizationCheck.Outcome.ALLOWED_ANYWAY
                : AuthorizationCheck.Outcome.DENIED;
    AuthorizationCheck check =
        new AuthorizationCheck(action, resource, outcome, identityNeeded, keys);
    if (current.first == null) {
      current.first = check;
      return;
    }
    if (current.checks == null) {
      current.checks = new ArrayList<>(4);
      current.checks.add(current.first);
    }
    current.checks.add(check);
  }
}
