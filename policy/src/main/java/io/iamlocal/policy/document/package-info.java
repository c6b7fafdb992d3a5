/**
 * The IAM policy language as data: {@link io.iamlocal.policy.document.PolicyDocument#parse(String)}
 * turns JSON into an immutable document that keeps the original text and each statement's position.
 */
package io.iamlocal.policy.document;
