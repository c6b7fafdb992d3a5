package io.iamlocal.policy.document;

/**
 * Where a statement sits in the original policy text, in the form SimulatePrincipalPolicy reports it
 * ({@code StartPosition}/{@code EndPosition}).
 *
 * <p>Lines are 1-based. Columns follow AWS, which reports the 1-based column <em>just after</em> the
 * opening and the closing brace: for {@code {"Version":"2012-10-17","Statement":{...}}} AWS reports
 * the statement at column 38 although its {@code {} is the 37th character (see the
 * {@code simulate-custom-policy} example in the AWS CLI reference).
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {}
