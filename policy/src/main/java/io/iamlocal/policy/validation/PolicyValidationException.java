package io.iamlocal.policy.validation;

/**
 * A policy rejected as AWS would reject it; {@link #getMessage()} is the exact text AWS puts in the
 * {@code MalformedPolicyDocument} error (HTTP 400, Type Sender).
 */
public final class PolicyValidationException extends Exception {

  /** The wire error code for every failure of this type (IAM and STS both use it). */
  public static final String ERROR_CODE = "MalformedPolicyDocument";

  public PolicyValidationException(String awsMessage) {
    super(awsMessage, null, false, false);
  }

  public String errorCode() {
    return ERROR_CODE;
  }
}
