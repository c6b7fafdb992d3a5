/**
 * The authorization engine: compile policies once ({@link
 * io.iamlocal.policy.evaluation.CompiledPolicy}), then decide requests ({@link
 * io.iamlocal.policy.evaluation.PolicyEvaluator}) with AWS's single-account evaluation logic,
 * reporting what the policy simulator reports.
 */
package io.iamlocal.policy.evaluation;
