package io.iamlocal.policy.evaluation;

import io.iamlocal.policy.document.ConditionEntry;
import io.iamlocal.policy.document.SourceRange;
import io.iamlocal.policy.document.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One statement compiled for matching: pre-built action globs, resource patterns, principal and
 * conditions.
 */
final class CompiledStatement {

  final boolean deny;
  final SourceRange range;

  /**
   * False when the statement can never apply (bad Effect, no actions, unknown condition operator).
   */
  final boolean usable;

  private final Glob[] actions;

  /**
   * {@link #actions} by lower-case service prefix, for statements listing many actions that all
   * name their service literally (AWS's ReadOnlyAccess lists ~1,400): a request then only tries its
   * own service's patterns the first time it is asked (see {@link CompiledPolicy#statementsFor}).
   * Null for short or NotAction statements.
   */
  private final Map<String, Glob[]> actionsByService;

  private final boolean notAction;
  private final ResourcePattern[] resources;
  private final boolean notResource;
  private final PrincipalMatcher principal;
  private final boolean notPrincipal;
  private final CompiledCondition[] conditions;

  CompiledStatement(Statement s, boolean variables) {
    this.deny = "Deny".equals(s.effect());
    this.range = s.range();
    List<String> actionValues = s.actions();
    this.notAction = s.action() == null && s.notAction() != null;
    this.actions =
        actionValues == null
            ? new Glob[0]
            : actionValues.stream()
                .map(a -> Glob.of(a.toLowerCase(Locale.ROOT), false))
                .toArray(Glob[]::new);
    this.actionsByService =
        notAction
                || actionValues == null
                || actions.length < GROUP_ACTIONS_FROM
                || !namesServicesLiterally(actionValues)
            ? null
            : byService(actionValues, actions);
    List<String> resourceValues = s.resources();
    this.notResource = s.resource() == null && s.notResource() != null;
    this.resources =
        resourceValues == null
            ? null
            : resourceValues.stream()
                .map(r -> ResourcePattern.compile(r, variables))
                .toArray(ResourcePattern[]::new);
    this.notPrincipal = s.principal() == null && s.notPrincipal() != null;
    this.principal =
        s.principal() != null
            ? new PrincipalMatcher(s.principal())
            : s.notPrincipal() != null ? new PrincipalMatcher(s.notPrincipal()) : null;
    List<CompiledCondition> compiled = new ArrayList<>();
    boolean conditionsOk = true;
    for (ConditionEntry entry : s.conditions()) {
      CompiledCondition c = CompiledCondition.compile(entry, variables);
      if (c == null) {
        conditionsOk = false;
      } else {
        compiled.add(c);
      }
    }
    this.conditions = compiled.toArray(new CompiledCondition[0]);
    boolean effectOk = deny || "Allow".equals(s.effect());
    this.usable = effectOk && conditionsOk && actionValues != null;
  }

  private static final int GROUP_ACTIONS_FROM = 8;
  private static final Glob[] NO_GLOBS = new Glob[0];

  private static Map<String, Glob[]> byService(List<String> actionValues, Glob[] globs) {
    Map<String, List<Glob>> groups = new HashMap<>();
    for (int i = 0; i < globs.length; i++) {
      String action = actionValues.get(i);
      String service = action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
      groups.computeIfAbsent(service, k -> new ArrayList<>()).add(globs[i]);
    }
    Map<String, Glob[]> out = new HashMap<>();
    groups.forEach((service, list) -> out.put(service, list.toArray(NO_GLOBS)));
    return out;
  }

  /** Whether every action names its service without wildcards, as {@link #byService} needs. */
  private static boolean namesServicesLiterally(List<String> actionValues) {
    for (String a : actionValues) {
      int colon = a.indexOf(':');
      if (colon < 0 || a.lastIndexOf('*', colon) >= 0 || a.lastIndexOf('?', colon) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns how the statement applies to a request whose action it {@linkplain #actionMatches
   * matches}: 0 when it does not; otherwise, when {@code checkPrincipal}, the {@link
   * PrincipalMatcher} strength, else {@link PrincipalMatcher#DIRECT}.
   */
  int appliesToMatchedAction(EvalState state, boolean checkPrincipal) {
    int strength = PrincipalMatcher.DIRECT;
    if (checkPrincipal) {
      if (principal == null) {
        return 0;
      }
      Requester r = state.requester();
      if (notPrincipal && deny && state.boundaryAttached()) {
        // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has
        // a
        // permissions boundary policy attached, regardless of the values specified in the
        // NotPrincipal
        // element." (reference_policies_elements_notprincipal.html, Key points)
        strength = PrincipalMatcher.DIRECT;
      } else {
        strength =
            notPrincipal
                ? (principal.excludes(r) ? 0 : PrincipalMatcher.LIMITED)
                : principal.strength(r);
      }
      if (strength == 0) {
        return 0;
      }
    }
    if (!resourceMatches(state)) {
      return 0;
    }
    boolean ok = true;
    for (CompiledCondition c : conditions) {
      if (!c.evaluate(state)) {
        ok = false;
        if (!state.collecting()) {
          return 0;
        }
      }
    }
    return ok ? strength : 0;
  }

  /** Action/NotAction; the patterns were lower-cased when compiled (actions ignore case). */
  boolean actionMatches(ActionKey key) {
    String action = key.action;
    Glob[] candidates = actions;
    if (actionsByService != null) {
      candidates = actionsByService.getOrDefault(key.service, NO_GLOBS);
    }
    boolean any = false;
    for (Glob g : candidates) {
      if (g.matches(action)) {
        any = true;
        break;
      }
    }
    return any != notAction;
  }

  /**
   * Resource/NotResource. "The resource that includes a policy variable with no value will not
   * match any resource" (reference_policies_variables.html), under Resource and NotResource alike:
   * under NotResource such a value excludes nothing.
   */
  private boolean resourceMatches(EvalState state) {
    if (resources == null) {
      return true;
    }
    boolean any = false;
    for (ResourcePattern p : resources) {
      if (p.matchRequestResource(state) == ResourcePattern.MATCH) {
        any = true;
        break;
      }
    }
    return any != notResource;
  }
}
