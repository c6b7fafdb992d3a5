package io.iamlocal.policy.evaluation;

/**
 * The outcome of an authorization decision; {@link #awsName()} is the simulator's {@code
 * EvalDecision}.
 */
public enum Decision {
  ALLOWED("allowed"),
  EXPLICIT_DENY("explicitDeny"),
  IMPLICIT_DENY("implicitDeny");

  private final String awsName;

  Decision(String awsName) {
    this.awsName = awsName;
  }

  public String awsName() {
    return awsName;
  }
}
