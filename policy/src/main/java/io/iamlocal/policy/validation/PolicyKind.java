package io.iamlocal.policy.validation;

/** Where a policy document is used, which decides the grammar rules and some of the error texts. */
public enum PolicyKind {
  /**
   * Inline or managed policy attached to a user, group or role: no Principal, Resource required.
   */
  IDENTITY,
  /**
   * A customer managed policy version (CreatePolicy, CreatePolicyVersion): identity grammar, and
   * IAM requires {@code Version} 2012-10-17 ("Policy document must be version 2012-10-17 or
   * greater.").
   */
  MANAGED,
  /** Resource-based policy in the style of a bucket policy: Principal and Resource required. */
  RESOURCE,
  /** Role trust policy (AssumeRolePolicyDocument): Principal required, Resource prohibited. */
  TRUST,
  /** Inline session policy passed to AssumeRole* / GetFederationToken: identity grammar. */
  SESSION,
  /** Managed policy used as a permissions boundary: identity grammar. */
  PERMISSIONS_BOUNDARY;

  /**
   * True for the kinds that follow the identity-based grammar (no principals, resources required).
   */
  public boolean identityGrammar() {
    return this == IDENTITY || this == MANAGED || this == SESSION || this == PERMISSIONS_BOUNDARY;
  }
}
