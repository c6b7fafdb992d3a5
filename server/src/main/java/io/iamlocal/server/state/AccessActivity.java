package io.iamlocal.server.state;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each principal really did through IAMLocal, for the service last accessed reports (access
 * advisor): per principal ARN and service namespace, the last call's time and region and the last
 * time of each action. Written after every successful call, concurrently and outside the account
 * lock, so it uses concurrent maps and replaces small immutable records (one allocation per call
 * once a principal's service and action are known).
 */
public final class AccessActivity {
  private final Map<String, Map<String, ServiceUse>> byPrincipal = new ConcurrentHashMap<>();

  /** The last access of one action or service: when and in which region. */
  public record Access(Instant time, String region) {}

  /** A principal's use of one service: the last access and the last access per action. */
  public static final class ServiceUse {
    private volatile Access last;
    private final Map<String, Access> actions = new ConcurrentHashMap<>();

    public Access last() {
      return last;
    }

    /** Action name (as in the model, e.g. {@code CreateUser}) to its last access. */
    public Map<String, Access> actions() {
      return actions;
    }
  }

  public static AccessActivity of(AccountState account) {
    return account.extension(AccessActivity.class, a -> new AccessActivity());
  }

  /** Records one successful call; O(1). */
  public void record(
      String principalArn, String serviceNamespace, String action, Instant time, String region) {
    // Looked up before computeIfAbsent, which locks the bin when the key is not its first node.
    Map<String, ServiceUse> services = byPrincipal.get(principalArn);
    if (services == null) {
      services = byPrincipal.computeIfAbsent(principalArn, k -> new ConcurrentHashMap<>());
    }
    ServiceUse use = services.get(serviceNamespace);
    if (use == null) {
      use = services.computeIfAbsent(serviceNamespace, k -> new ServiceUse());
    }
    Access previous = use.actions.get(action);
    if (previous != null
        && previous.region().equals(region)
        && LastUse.isFresh(previous.time(), time)) {
      return; // same reason as AccessKey.recordUse: don't churn long-lived objects on every call
    }
    Access access = new Access(time, region);
    use.last = access;
    use.actions.put(action, access);
  }

  /** Service namespace to use, for one principal ARN (empty when it never called anything). */
  public Map<String, ServiceUse> of(String principalArn) {
    return byPrincipal.getOrDefault(principalArn, Map.of());
  }

  /** Every principal ARN seen, with its services. */
  public Map<String, Map<String, ServiceUse>> all() {
    return byPrincipal;
  }
}
