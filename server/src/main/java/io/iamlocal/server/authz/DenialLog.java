package io.iamlocal.server.authz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.RequestContext;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Every denial the policy engine made (strict) or would have made (soft) since the server started
 * or was last reset: each one is logged as one structured line on logger {@code
 * io.iamlocal.denials} ({@code denial
 * {"mode":…,"principal":…,"action":…,"resource":…,"decision":…,"reason":…,"allowWith":{…}}}),
 * recorded as an encoded authorization message, and kept for {@code GET /_iamlocal/denials},
 * grouped by principal and action.
 */
public final class DenialLog {
  static final Logger LOG = Logger.getLogger("io.iamlocal.denials");

  /** Details kept per principal and action; counts go on beyond it. */
  private static final int DETAILS_PER_ACTION = 50;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Map<String, Group>> byPrincipal = new LinkedHashMap<>();

  /**
   * The groups in the order their kept details were added (one element per detail): the ring's
   * order.
   */
  private final ArrayDeque<Group> detailOrder = new ArrayDeque<>();

  private int groups;

  private static final class Group {
    final String principal;
    final String action;
    long count;
    final ArrayDeque<ObjectNode> recent = new ArrayDeque<>();

    Group(String principal, String action) {
      this.principal = principal;
      this.action = action;
    }
  }

  private DenialLog() {}

  public static DenialLog of(AccountState account) {
    return account.extension(DenialLog.class, a -> new DenialLog());
  }

  /**
   * Records a denial of {@code request} for {@code caller}: explanation, log line, encoded
   * authorization message. {@code resourcePolicies} are the resource-based policies evaluated
   * (bucket policy, trust policy), to name their statements; {@code mode} is the call's enforcement
   * and {@code capacity} the server's {@code --denial-log-size} (server settings come with the
   * call, never from account state). Returns the explanation.
   */
  public static DenialExplanation record(
      AccountState account,
      String requestId,
      Caller caller,
      RequestContext request,
      EvaluationResult result,
      List<CompiledPolicy> resourcePolicies,
      EnforcementMode mode,
      int capacity) {
    PrincipalPolicies policies = PrincipalPolicies.of(caller, account);
    List<CompiledPolicy> consulted = new ArrayList<>(policies.identity());
    consulted.addAll(resourcePolicies);
    if (policies.boundary() != null) {
      consulted.add(policies.boundary());
    }
    consulted.addAll(policies.session());
    DenialExplanation explanation = DenialExplanation.of(request, result, consulted);
    AuthorizationMessages.of(account).recordDenial(requestId, caller, request, result, explanation);
    ObjectNode line = JSON.createObjectNode();
    line.put("mode", mode.flag());
    line.put("outcome", mode == EnforcementMode.SOFT ? "allowed anyway" : "denied");
    line.put("requestId", requestId);
    line.setAll(explanation.toJson());
    DenialLog log = of(account);
    ObjectNode entry = line.deepCopy();
    entry.put("time", account.now().toString());
    log.keep(String.valueOf(explanation.principal()), explanation.action(), entry, capacity);
    LOG.info("denial " + line);
    return explanation;
  }

  /**
   * Counts the denial and keeps its detail; beyond {@code capacity} details in all (a ring: the
   * oldest goes first) the oldest detail is dropped, and a group left without details is forgotten
   * once there are more groups than the capacity (so many distinct principals cannot grow the log
   * without bound either).
   */
  synchronized void keep(String principal, String action, ObjectNode entry, int capacity) {
    Map<String, Group> actions = byPrincipal.computeIfAbsent(principal, k -> new LinkedHashMap<>());
    Group group = actions.get(action);
    if (group == null) {
      group = new Group(principal, action);
      actions.put(action, group);
      groups++;
    }
    group.count++;
    group.recent.addLast(entry);
    detailOrder.addLast(group);
    if (group.recent.size() > DETAILS_PER_ACTION) {
      group.recent.removeFirst();
      detailOrder.removeFirstOccurrence(group);
    }
    while (detailOrder.size() > capacity || (groups > capacity && !detailOrder.isEmpty())) {
      Group oldest = detailOrder.removeFirst();
      oldest.recent.pollFirst();
      if (oldest.recent.isEmpty()) {
        forget(oldest);
      }
    }
  }

  private void forget(Group group) {
    Map<String, Group> actions = byPrincipal.get(group.principal);
    if (actions != null && actions.remove(group.action) != null) {
      groups--;
      if (actions.isEmpty()) {
        byPrincipal.remove(group.principal);
      }
    }
  }

  /** Denial details kept now, for tests and the footprint. */
  synchronized int keptDetails() {
    return detailOrder.size();
  }

  /**
   * {@code
   * {"denials":[{"principal":…,"count":n,"actions":[{"action":…,"count":n,"denials":[…]}]}]}},
   * principals and actions in the order first denied.
   */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode principals = root.putArray("denials");
    synchronized (this) {
      byPrincipal.forEach(
          (principal, actions) -> {
            ObjectNode p = principals.addObject();
            p.put("principal", principal);
            p.put("count", actions.values().stream().mapToLong(g -> g.count).sum());
            ArrayNode list = p.putArray("actions");
            actions.forEach(
                (action, group) -> {
                  ObjectNode a = list.addObject().put("action", action).put("count", group.count);
                  ArrayNode details = a.putArray("denials");
                  group.recent.forEach(details::add);
                });
          });
    }
    return root.toString();
  }
}
