package io.iamlocal.server.iam;

import io.iamlocal.policy.document.Statement;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.Decision;
import io.iamlocal.policy.evaluation.EvaluationInput;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.MatchedStatement;
import io.iamlocal.policy.evaluation.PolicyEvaluator;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.policy.evaluation.RequestContext;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.IamLocalState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs one simulated action against the requested resources and shapes the simulator's
 * EvaluationResult, following the API reference:
 *
 * <ul>
 *   <li>One EvaluationResult per action; its decision is the most restrictive of the per-resource
 *       decisions (explicitDeny, then implicitDeny, then allowed), which are listed in
 *       ResourceSpecificResults when ResourceArns names resources.
 *   <li>EvalDecisionDetails: absent for a same-account simulation of {@code *}, present but empty
 *       for a same-account simulation of named resources, and the per-policy-type summary ({@code
 *       IAM Policy}, {@code Resource Policy}, {@code Permissions Boundary Policy}) when the
 *       resource belongs to another account than the caller.
 *   <li>SourcePolicyType is {@code IAM Policy}, {@code Resource Policy} or {@code Permissions
 *       Boundary Policy}, the values AWS sends (not the model's enum).
 * </ul>
 */
final class PolicySimulator {
  static final String IAM_POLICY = "IAM Policy";
  static final String RESOURCE_POLICY = "Resource Policy";
  static final String BOUNDARY_POLICY = "Permissions Boundary Policy";

  /** Everything but the action: inputs resolved, validated and compiled once per request. */
  record Setup(
      List<CompiledPolicy> identity,
      List<CompiledPolicy> resource,
      List<CompiledPolicy> boundary,
      List<String> resources,
      boolean resourcesNamed,
      String callerArn,
      String callerAccount,
      String resourceOwner,
      Map<String, List<String>> context) {

    /**
     * An estimate of the matching work one action costs, in characters compared. Patterns that run
     * as an automaton ({@link #runsAsAutomaton}) cost one step per text character per 64 pattern
     * characters; every other check (prefix and literal compares) about two steps per resource or
     * context value. This, not the statement count, is what paging and the size limit bound, so a
     * few long patterns are measured as what they cost.
     */
    long workPerAction() {
      long textChars = 0;
      long texts = resources.size();
      for (String r : resources) {
        textChars += r.length() + 1;
      }
      for (List<String> values : context.values()) {
        for (String value : values) {
          textChars += value.length() + 1;
          texts++;
        }
      }
      long automatonWords = 0;
      long checks = 0;
      for (List<CompiledPolicy> list : List.of(identity, resource, boundary)) {
        for (CompiledPolicy p : list) {
          for (Statement statement : p.document().statements()) {
            List<String> patterns =
                new ArrayList<>(statement.resources() == null ? List.of() : statement.resources());
            statement.conditions().forEach(c -> patterns.addAll(c.values()));
            checks += 1 + patterns.size();
            for (String pattern : patterns) {
              automatonWords += runsAsAutomaton(pattern) ? 1 + pattern.length() / 64 : 0;
            }
          }
        }
      }
      return textChars * automatonWords + 2 * texts * checks;
    }

    /**
     * Patterns with {@code ?}, or a literal run of more than 16 characters between two stars (see
     * {@code Glob}).
     */
    static boolean runsAsAutomaton(String pattern) {
      if (pattern.indexOf('?') >= 0) {
        return true;
      }
      String[] parts = pattern.split("\\*", -1);
      for (int i = 1; i < parts.length - 1; i++) {
        if (parts[i].length() > 16) {
          return true;
        }
      }
      return false;
    }
  }

  private PolicySimulator() {}

  static Struct simulate(Setup setup, String action) {
    List<Struct> perResource = new ArrayList<>(setup.resources().size());
    Decision aggregate = Decision.ALLOWED;
    List<Outcome> outcomes = new ArrayList<>(setup.resources().size());
    for (String resource : setup.resources()) {
      Outcome o = evaluate(setup, action, resource);
      outcomes.add(o);
      aggregate = stricter(aggregate, o.result.decision());
    }
    Set<MatchedStatement> matched = new LinkedHashSet<>();
    Map<String, String> missing = new LinkedHashMap<>();
    Map<String, Decision> details = null;
    boolean boundaryAllows = true;
    for (Outcome o : outcomes) {
      if (o.result.decision() == aggregate) {
        matched.addAll(o.result.matchedStatements());
      }
      o.result
          .missingContextValues()
          .forEach(k -> missing.putIfAbsent(k.toLowerCase(Locale.ROOT), k));
      boundaryAllows &= o.result.permissionsBoundaryDecision() == Decision.ALLOWED;
      details = mergeDetails(details, o.details);
      if (setup.resourcesNamed()) {
        perResource.add(
            new Struct()
                .with("EvalResourceName", o.resource)
                .with("EvalResourceDecision", o.result.decision().awsName())
                .with("MatchedStatements", statements(o.result.matchedStatements()))
                .with("MissingContextValues", o.result.missingContextValues())
                .with("EvalDecisionDetails", o.crossAccount ? names(o.details) : null)
                .with(
                    "PermissionsBoundaryDecisionDetail",
                    boundaryDetail(
                        o.result.permissionsBoundaryDecision() == Decision.ALLOWED, setup)));
      }
    }
    String resourceName = setup.resources().size() == 1 ? setup.resources().get(0) : "*";
    return new Struct()
        .with("EvalActionName", action)
        .with("EvalResourceName", resourceName)
        .with("EvalDecision", aggregate.awsName())
        .with("MatchedStatements", statements(new ArrayList<>(matched)))
        .with("MissingContextValues", new ArrayList<>(missing.values()))
        .with("PermissionsBoundaryDecisionDetail", boundaryDetail(boundaryAllows, setup))
        .with("EvalDecisionDetails", details == null ? null : names(details))
        .with("ResourceSpecificResults", setup.resourcesNamed() ? perResource : null);
  }

  private record Outcome(
      String resource,
      EvaluationResult result,
      boolean crossAccount,
      Map<String, Decision> details) {}

  private static Outcome evaluate(Setup setup, String action, String resource) {
    RequestContext request =
        new RequestContext(
            action, resource, setup.callerArn(), setup.callerAccount(), setup.context());
    String owner = resourceAccount(resource, setup);
    boolean hasResourcePolicy = !setup.resource().isEmpty();
    // Without a resource policy the simulator evaluates the identity side only, whoever owns the
    // resource.
    boolean crossAccount = hasResourcePolicy && !owner.equals(setup.callerAccount());
    EvaluationInput input =
        new EvaluationInput(
            request,
            setup.identity(),
            setup.resource(),
            setup.boundary(),
            List.of(),
            false,
            hasResourcePolicy ? owner : null);
    EvaluationResult result = PolicyEvaluator.evaluate(input);
    Map<String, Decision> details = null;
    if (crossAccount) {
      details = new LinkedHashMap<>();
      details.put(IAM_POLICY, PolicyEvaluator.decideAlone(request, setup.identity(), false));
      details.put(RESOURCE_POLICY, PolicyEvaluator.decideAlone(request, setup.resource(), true));
      if (!setup.boundary().isEmpty()) {
        details.put(BOUNDARY_POLICY, PolicyEvaluator.decideAlone(request, setup.boundary(), false));
      }
    } else if (!resource.equals("*")) {
      details = Map.of();
    }
    return new Outcome(resource, result, crossAccount, details);
  }

  /**
   * The account owning a simulated resource: the one in its ARN, else ResourceOwner, else the
   * caller's ("the owner of any simulated resource that does not identify its owner in the ARN").
   */
  static String resourceAccount(String resource, Setup setup) {
    String inArn = IamLocalState.accountIn(resource);
    if (inArn != null) {
      return inArn;
    }
    return setup.resourceOwner() != null ? setup.resourceOwner() : setup.callerAccount();
  }

  private static Map<String, Decision> mergeDetails(
      Map<String, Decision> into, Map<String, Decision> next) {
    if (next == null) {
      return into;
    }
    if (into == null) {
      return new LinkedHashMap<>(next);
    }
    next.forEach((k, v) -> into.merge(k, v, PolicySimulator::stricter));
    return into;
  }

  private static Map<String, String> names(Map<String, Decision> details) {
    Map<String, String> out = new LinkedHashMap<>();
    details.forEach((k, v) -> out.put(k, v.awsName()));
    return out;
  }

  private static Struct boundaryDetail(boolean allowed, Setup setup) {
    return setup.boundary().isEmpty() ? null : Struct.of("AllowedByPermissionsBoundary", allowed);
  }

  private static Decision stricter(Decision a, Decision b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(Decision d) {
    return switch (d) {
      case EXPLICIT_DENY -> 2;
      case IMPLICIT_DENY -> 1;
      default -> 0;
    };
  }

  private static List<Struct> statements(List<MatchedStatement> matched) {
    List<Struct> out = new ArrayList<>(matched.size());
    for (MatchedStatement m : matched) {
      out.add(
          new Struct()
              .with("SourcePolicyId", m.sourcePolicyId())
              .with("SourcePolicyType", sourceType(m.sourcePolicyType()))
              .with(
                  "StartPosition",
                  new Struct().with("Line", m.startLine()).with("Column", m.startColumn()))
              .with(
                  "EndPosition",
                  new Struct().with("Line", m.endLine()).with("Column", m.endColumn())));
    }
    return out;
  }

  private static String sourceType(PolicySourceType type) {
    return switch (type) {
      case RESOURCE -> RESOURCE_POLICY;
      case PERMISSIONS_BOUNDARY -> BOUNDARY_POLICY;
      default -> IAM_POLICY;
    };
  }
}
