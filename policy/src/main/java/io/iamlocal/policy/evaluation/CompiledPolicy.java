package io.iamlocal.policy.evaluation;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A policy document prepared for fast, repeated evaluation: patterns are pre-split and lower-cased,
 * condition values pre-parsed, and the statements each action can match remembered per action, so a
 * request only looks at those. Compile once per stored policy version and reuse; instances are
 * thread-safe, and immutable but for that memory.
 *
 * <p>Documents are compiled as they are, so callers should validate first; unusable statements
 * (unknown Effect or condition operator, no actions) never apply.
 */
public final class CompiledPolicy {

  private static final int[] NONE = new int[0];

  /** Bounds {@link #statementsFor}'s memory for a policy asked about every action there is. */
  private static final int MAX_REMEMBERED_ACTIONS = 2_048;

  private final PolicyDocument document;
  private final String policyId;
  private final PolicySourceType sourceType;
  final CompiledStatement[] statements;
  private final ConcurrentHashMap<String, int[]> byAction = new ConcurrentHashMap<>();

  private CompiledPolicy(PolicyDocument document, String policyId, PolicySourceType sourceType) {
    this.document = document;
    this.policyId = policyId;
    this.sourceType = sourceType;
    boolean variables = document.supportsVariables();
    List<Statement> source = document.statements();
    this.statements = new CompiledStatement[source.size()];
    for (int i = 0; i < statements.length; i++) {
      statements[i] = new CompiledStatement(source.get(i), variables);
    }
  }

  /**
   * Compiles {@code document}.
   *
   * @param policyId how matched statements name the policy, e.g. a managed policy ARN or an inline
   *     policy name
   * @param sourceType the kind of policy, reported with matched statements
   */
  public static CompiledPolicy compile(
      PolicyDocument document, String policyId, PolicySourceType sourceType) {
    Objects.requireNonNull(document, "document");
    return new CompiledPolicy(document, policyId, Objects.requireNonNull(sourceType, "sourceType"));
  }

  public PolicyDocument document() {
    return document;
  }

  public String policyId() {
    return policyId;
  }

  public PolicySourceType sourceType() {
    return sourceType;
  }

  /**
   * Indexes of the usable statements whose Action/NotAction matches {@code action}, in document
   * order. Remembered per action: which statements an action can reach never changes, and a policy
   * is asked about far fewer distinct actions than requests.
   */
  int[] statementsFor(ActionKey action) {
    int[] matching = byAction.get(action.action);
    if (matching == null) {
      matching = matchActions(action);
      if (byAction.size() >= MAX_REMEMBERED_ACTIONS) {
        // Only a simulator fed made-up action names gets here; start over so that real ones stay
        // cached.
        byAction.clear();
      }
      byAction.putIfAbsent(action.action, matching);
    }
    return matching;
  }

  private int[] matchActions(ActionKey action) {
    int[] out = new int[statements.length];
    int n = 0;
    for (int index = 0; index < statements.length; index++) {
      CompiledStatement s = statements[index];
      if (s.usable && s.actionMatches(action)) {
        out[n++] = index;
      }
    }
    return n == 0 ? NONE : Arrays.copyOf(out, n);
  }
}
