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

  /**
   * One principal's services, kept by its {@link User} or {@link Role} too ({@link #record(User,
   * String, String, Instant, String)}), so that a call finds them without building the principal's
   * ARN and looking it up among every principal's; and the last call recorded, so that a repeated
   * call within the granularity is skipped after one read.
   */
  static final class Principal {
    private final AccessActivity owner;
    private final Map<String, ServiceUse> services;

    /** The name and path the ARN was built from (a user's can change); null for a role. */
    private final String name;

    private final String path;
    private volatile Recorded last;

    private Principal(
        AccessActivity owner, Map<String, ServiceUse> services, String name, String path) {
      this.owner = owner;
      this.services = services;
      this.name = name;
      this.path = path;
    }
  }

  /**
   * The last call recorded: its service and action, and the region and time (seconds, nanos) the
   * action's access holds since (an earlier call's, when that one was still fresh).
   */
  private record Recorded(
      String service, String action, String region, long epochSecond, int nano) {}

  public static AccessActivity of(AccountState account) {
    return account.extension(AccessActivity.class, a -> new AccessActivity());
  }

  /** Records one successful call of a user (whose ARN it is); O(1). */
  public void record(
      User user, String serviceNamespace, String action, Instant time, String region) {
    Principal principal = user.activity();
    if (principal == null
        || principal.owner != this
        || !user.isStill(principal.name, principal.path)) { // renamed or moved: another ARN
      principal = principal(user.arn(), user.userName(), user.path());
      user.keepActivity(principal);
    }
    record(principal, serviceNamespace, action, time, region);
  }

  /** Records one successful call of a role's session (as the role's activity); O(1). */
  public void record(
      Role role, String serviceNamespace, String action, Instant time, String region) {
    Principal principal = role.activity();
    if (principal == null || principal.owner != this) {
      principal = principal(role.arn(), null, null);
      role.keepActivity(principal);
    }
    record(principal, serviceNamespace, action, time, region);
  }

  /** Records one successful call; O(1). */
  public void record(
      String principalArn, String serviceNamespace, String action, Instant time, String region) {
    record(principal(principalArn, null, null), serviceNamespace, action, time, region);
  }

  private Principal principal(String principalArn, String name, String path) {
    // Looked up before computeIfAbsent, which locks the bin when the key is not its first node.
    Map<String, ServiceUse> services = byPrincipal.get(principalArn);
    if (services == null) {
      services = byPrincipal.computeIfAbsent(principalArn, k -> new ConcurrentHashMap<>());
    }
    return new Principal(this, services, name, path);
  }

  private static void record(
      Principal principal, String serviceNamespace, String action, Instant time, String region) {
    Recorded last = principal.last;
    if (last != null
        && last.action().equals(action)
        && last.service().equals(serviceNamespace)
        && last.region().equals(region)
        && LastUse.isFresh(last.epochSecond(), last.nano(), time)) {
      return; // the same call as the last one recorded, within the granularity
    }
    Map<String, ServiceUse> services = principal.services;
    ServiceUse use = services.get(serviceNamespace);
    if (use == null) {
      use = services.computeIfAbsent(serviceNamespace, k -> new ServiceUse());
    }
    Access previous = use.actions.get(action);
    Access access = previous;
    if (previous == null
        || !previous.region().equals(region)
        || !LastUse.isFresh(previous.time(), time)) {
      // Otherwise unchanged, for the same reason as AccessKey.recordUse: don't churn long-lived
      // objects on every call.
      access = new Access(time, region);
      use.last = access;
      use.actions.put(action, access);
    }
    Instant since = access.time();
    principal.last =
        new Recorded(serviceNamespace, action, region, since.getEpochSecond(), since.getNano());
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
