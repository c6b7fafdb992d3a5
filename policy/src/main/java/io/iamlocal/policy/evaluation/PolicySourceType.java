package io.iamlocal.policy.evaluation;

/**
 * Where a compiled policy came from; {@link #awsName()} is the {@code SourcePolicyType} value that
 * SimulatePrincipalPolicy reports ({@code user | group | role | aws-managed | user-managed |
 * resource | none}).
 */
public enum PolicySourceType {
  USER("user"),
  GROUP("group"),
  ROLE("role"),
  AWS_MANAGED("aws-managed"),
  USER_MANAGED("user-managed"),
  RESOURCE("resource"),
  /** The API has no value for boundaries; "none" is the closest one it offers. */
  PERMISSIONS_BOUNDARY("none"),
  /** The API has no value for session policies; "none" is the closest one it offers. */
  SESSION("none"),
  NONE("none");

  private final String awsName;

  PolicySourceType(String awsName) {
    this.awsName = awsName;
  }

  public String awsName() {
    return awsName;
  }
}
