package io.iamlocal.server.analyzer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.trail.AuthorizationCheck;
import io.iamlocal.server.trail.TrailEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the least-privilege identity policy of one principal from the policy decisions its calls
 * needed: every action on exactly the resources it was evaluated on. The decisions are the policy
 * engine's own (action, resource) pairs, so a call that needs two permissions (CopyObject: read the
 * source, write the target) yields both. Calls refused in strict mode are left out (they did not
 * happen); calls let through by {@code --enforce soft} are in. A decision a resource-based policy
 * allowed on its own (a bucket policy naming the principal) needs no identity statement and is left
 * out.
 *
 * <p>Actions evaluated on the same resources share a statement. When {@value #COLLAPSE_AT} or more
 * resources of one action share a path prefix ({@code arn:aws:s3:::bucket/logs/}), they become that
 * prefix followed by {@code *}, and the statement's Sid says so ({@code
 * Collapsed12ResourcesUnderPrefix}). Condition keys the user names are added as {@code
 * StringEquals} when every decision of an action saw the same single value (actions then share a
 * statement only when their pinned values agree too).
 */
public final class PolicyGenerator {
  /** Resources sharing a prefix, per action, from which they are collapsed into a pattern. */
  public static final int COLLAPSE_AT = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyGenerator() {}

  /**
   * The policy for {@code principalArn} from {@code events} (any order) within [{@code fromMillis},
   * {@code toMillis}].
   *
   * @param principalArn a user or role ARN (all the role's sessions), or one session's ARN
   * @param conditionKeys condition keys to pin to their constant values (empty: none)
   */
  public static GeneratedPolicy generate(
      String principalArn,
      Collection<TrailEvent> events,
      long fromMillis,
      long toMillis,
      Set<String> conditionKeys) {
    List<TrailEvent> used = new ArrayList<>();
    Map<String, List<AuthorizationCheck>> checksByAction = new TreeMap<>();
    Map<String, Map<String, Set<String>>> eventsByActionResource = new TreeMap<>();
    for (TrailEvent event : events) {
      if (event.epochMillis() < fromMillis
          || event.epochMillis() > toMillis
          || !actsAs(event.caller(), principalArn)) {
        continue;
      }
      boolean contributes = false;
      for (AuthorizationCheck check : event.checks()) {
        if (check.wentThrough() && check.identityNeeded()) {
          checksByAction.computeIfAbsent(check.action(), k -> new ArrayList<>()).add(check);
          eventsByActionResource
              .computeIfAbsent(check.action(), k -> new TreeMap<>())
              .computeIfAbsent(check.resource(), k -> new TreeSet<>())
              .add(event.eventId());
          contributes = true;
        }
      }
      if (contributes) {
        used.add(event);
      }
    }
    used.sort(java.util.Comparator.comparingLong(TrailEvent::epochMillis));
    List<String> notes = new ArrayList<>();
    Map<Grouping, Integer> collapsedCounts = new LinkedHashMap<>();
    Map<Grouping, ObjectNode> conditionsByGrouping = new LinkedHashMap<>();
    // Actions share a statement when they have the same (possibly collapsed) resources and the same
    // pinned conditions.
    Map<Grouping, SortedSet<String>> actionsByGrouping = new LinkedHashMap<>();
    checksByAction.forEach(
        (action, checks) -> {
          SortedSet<String> resources = new TreeSet<>();
          checks.forEach(c -> resources.add(c.resource()));
          SortedSet<String> collapsed = collapse(resources);
          int folded = (int) resources.stream().filter(r -> !collapsed.contains(r)).count();
          if (folded > 0) {
            notes.add(
                action
                    + ": "
                    + resources.size()
                    + " resources collapsed to "
                    + String.join(
                        ", ",
                        collapsed.stream()
                            .filter(r -> r.endsWith("*") && !resources.contains(r))
                            .toList())
                    + " ("
                    + COLLAPSE_AT
                    + " or more share the prefix)");
          }
          ObjectNode condition = conditions(checks, conditionKeys);
          actionsByGrouping
              .computeIfAbsent(
                  new Grouping(collapsed, condition == null ? null : condition.toString()),
                  k -> new TreeSet<>())
              .add(action);
          if (folded > 0) {
            collapsedCounts.merge(
                new Grouping(collapsed, condition == null ? null : condition.toString()),
                folded,
                Math::max);
          }
          conditionsByGrouping.put(
              new Grouping(collapsed, condition == null ? null : condition.toString()), condition);
        });
    ObjectNode document = JSON.createObjectNode();
    document.put("Version", "2012-10-17");
    ArrayNode statements = document.putArray("Statement");
    List<GeneratedPolicy.Statement> described = new ArrayList<>();
    actionsByGrouping.forEach(
        (grouping, actions) -> {
          ObjectNode statement = statements.addObject();
          Integer collapsed = collapsedCounts.get(grouping);
          if (collapsed != null) {
            statement.put("Sid", "Collapsed" + collapsed + "ResourcesUnderPrefix");
          }
          statement.put("Effect", "Allow");
          putOneOrMany(statement, "Action", actions);
          putOneOrMany(statement, "Resource", grouping.resources());
          ObjectNode condition = conditionsByGrouping.get(grouping);
          if (condition != null) {
            statement.set("Condition", condition);
          }
          Set<String> eventIds = new TreeSet<>();
          for (String action : actions) {
            eventsByActionResource.get(action).values().forEach(eventIds::addAll);
          }
          described.add(
              new GeneratedPolicy.Statement(
                  List.copyOf(actions), List.copyOf(grouping.resources()), eventIds));
        });
    return new GeneratedPolicy(principalArn, document, described, notes, used);
  }

  /** Whether a call signed by {@code caller} counts for {@code principalArn}. */
  static boolean actsAs(Caller caller, String principalArn) {
    if (caller == null || caller.arn() == null) {
      return false;
    }
    return principalArn.equals(caller.arn())
        || (caller.role() != null && principalArn.equals(caller.role().arn()))
        || (caller.user() != null && principalArn.equals(caller.user().arn()));
  }

  /**
   * Resources of one action, with every prefix shared by {@link #COLLAPSE_AT} or more of them
   * replaced by a pattern.
   */
  static SortedSet<String> collapse(SortedSet<String> resources) {
    if (resources.size() < COLLAPSE_AT) {
      return resources;
    }
    Map<String, List<String>> byPrefix = new TreeMap<>();
    for (String resource : resources) {
      int slash = resource.lastIndexOf('/');
      byPrefix
          .computeIfAbsent(
              slash < 0 ? resource : resource.substring(0, slash + 1), k -> new ArrayList<>())
          .add(resource);
    }
    SortedSet<String> out = new TreeSet<>();
    byPrefix.forEach(
        (prefix, members) -> {
          if (members.size() >= COLLAPSE_AT && prefix.endsWith("/")) {
            out.add(prefix + "*");
          } else {
            out.addAll(members);
          }
        });
    return out;
  }

  /**
   * StringEquals on each asked-for key whose value was the same single one in every decision of the
   * action.
   */
  private static ObjectNode conditions(List<AuthorizationCheck> checks, Set<String> conditionKeys) {
    if (conditionKeys.isEmpty()) {
      return null;
    }
    ObjectNode equals = JSON.createObjectNode();
    // Read once per check: keys the call never built are built by each keys() call.
    List<Map<String, List<String>>> keysOfChecks = new ArrayList<>(checks.size());
    checks.forEach(check -> keysOfChecks.add(check.keys()));
    for (String key : conditionKeys) {
      String constant = null;
      for (Map<String, List<String>> keys : keysOfChecks) {
        List<String> values = keys == null ? null : keys.get(key);
        if (values == null
            || values.size() != 1
            || (constant != null && !constant.equals(values.get(0)))) {
          constant = null;
          break;
        }
        constant = values.get(0);
      }
      if (constant != null) {
        equals.put(key, constant);
      }
    }
    if (equals.isEmpty()) {
      return null;
    }
    ObjectNode condition = JSON.createObjectNode();
    condition.set("StringEquals", equals);
    return condition;
  }

  /** What actions must have in common to share a statement. */
  private record Grouping(SortedSet<String> resources, String condition) {}

  private static void putOneOrMany(ObjectNode statement, String field, Collection<String> values) {
    if (values.size() == 1) {
      statement.put(field, values.iterator().next());
    } else {
      ArrayNode array = statement.putArray(field);
      values.forEach(array::add);
    }
  }
}
