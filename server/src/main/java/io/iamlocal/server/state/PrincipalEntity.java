package io.iamlocal.server.state;

/**
 * A user or role: what every call of it derives and keeps on it, so that the next call finds it
 * without a lookup among every principal's (10,000 users: a cache miss each).
 */
public abstract class PrincipalEntity {
  /** Its access advisor record, found once by ARN ({@link AccessActivity}); null until a call. */
  private volatile AccessActivity.Principal activity;

  /**
   * What the authorizer derived from its policies for one write generation of its account, opaque
   * here. Null until a call.
   */
  private volatile Object derivedPolicies;

  AccessActivity.Principal activity() {
    return activity;
  }

  void keepActivity(AccessActivity.Principal principal) {
    activity = principal;
  }

  public Object derivedPolicies() {
    return derivedPolicies;
  }

  public void keepDerivedPolicies(Object derived) {
    derivedPolicies = derived;
  }
}
