/**
 * AWS's per-kind policy grammar checks ({@link io.iamlocal.policy.validation.PolicyValidator}) with
 * the exact {@code MalformedPolicyDocument} texts, and size counting for the policy quotas.
 */
package io.iamlocal.policy.validation;
