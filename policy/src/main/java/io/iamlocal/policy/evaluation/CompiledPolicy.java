package io.iamlocal.policy.evaluation;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A policy document prepared for fast, repeated evaluation: patterns are pre-split and lower-cased, condition
 * values pre-parsed, and statements indexed by the service prefix of their actions so a request only looks at
 * statements that can match it. Compile once per stored policy version and reuse; instances are immutable
 * and thread-safe.
 *
 * <p>Documents are compiled as they are, so callers should validate first; unusable statements (unknown
 * Effect or condition operator, no actions) never apply.
 */
public final class CompiledPolicy {

    private static final int[] NONE = new int[0];

    private final PolicyDocument document;
    private final String policyId;
    private final PolicySourceType sourceType;
    final CompiledStatement[] statements;
    private final Map<String, int[]> byService;
    private final int[] anyService;

    private CompiledPolicy(PolicyDocument document, String policyId, PolicySourceType sourceType) {
        this.document = document;
        this.policyId = policyId;
        this.sourceType = sourceType;
        boolean variables = document.supportsVariables();
        List<Statement> source = document.statements();
        this.statements = new CompiledStatement[source.size()];
        Map<String, List<Integer>> specific = new HashMap<>();
        List<Integer> any = new ArrayList<>();
        for (int i = 0; i < statements.length; i++) {
            CompiledStatement s = new CompiledStatement(source.get(i), variables);
            statements[i] = s;
            if (!s.usable) {
                continue;
            }
            if (s.services == null) {
                any.add(i);
            } else {
                for (String service : s.services) {
                    specific.computeIfAbsent(service, k -> new ArrayList<>()).add(i);
                }
            }
        }
        this.anyService = toArray(any);
        Map<String, int[]> index = new HashMap<>();
        specific.forEach((service, list) -> {
            List<Integer> merged = new ArrayList<>(list);
            merged.addAll(any);
            merged.sort(null);
            index.put(service, toArray(merged));
        });
        this.byService = index;
    }

    /**
     * Compiles {@code document}.
     *
     * @param policyId how matched statements name the policy, e.g. a managed policy ARN or an inline policy name
     * @param sourceType the kind of policy, reported with matched statements
     */
    public static CompiledPolicy compile(PolicyDocument document, String policyId, PolicySourceType sourceType) {
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

    /** Indexes of the statements that can match an action of {@code serviceKey}, in document order. */
    int[] candidates(String serviceKey) {
        int[] specific = byService.get(serviceKey);
        return specific != null ? specific : anyService;
    }

    private static int[] toArray(List<Integer> list) {
        if (list.isEmpty()) {
            return NONE;
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }
}
