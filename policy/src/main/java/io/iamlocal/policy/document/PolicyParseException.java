package io.iamlocal.policy.document;

/** Raised when a policy text is not JSON or does not have the shape of the IAM policy grammar. */
public final class PolicyParseException extends Exception {

  /** Which stage rejected the text; validators map each to the AWS message for the policy kind. */
  public enum Reason {
    /** The text is not a single well-formed JSON value. */
    INVALID_JSON,
    /**
     * The JSON is well-formed but an element is missing, unknown, duplicated or of the wrong type.
     */
    INVALID_STRUCTURE
  }

  private final Reason reason;

  public PolicyParseException(Reason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
