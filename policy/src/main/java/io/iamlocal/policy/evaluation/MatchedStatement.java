package io.iamlocal.policy.evaluation;

/**
 * A statement that decided a result, located as SimulatePrincipalPolicy's {@code MatchedStatements}
 * entries are (see {@link io.iamlocal.policy.document.SourceRange} for the column convention).
 */
public record MatchedStatement(
    String sourcePolicyId,
    PolicySourceType sourcePolicyType,
    int startLine,
    int startColumn,
    int endLine,
    int endColumn) {}
