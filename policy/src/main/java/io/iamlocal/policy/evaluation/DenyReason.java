package io.iamlocal.policy.evaluation;

/**
 * Which policy type denied a request. Combined with the {@link Decision} (explicit or implicit) it
 * gives the "with an explicit deny in a ..." / "because no ... allows" part of AWS's AccessDenied
 * text.
 */
public enum DenyReason {
  IDENTITY_POLICY("an", "identity-based policy"),
  RESOURCE_POLICY("a", "resource-based policy"),
  PERMISSIONS_BOUNDARY("a", "permissions boundary"),
  SESSION_POLICY("a", "session policy");

  private final String article;
  private final String phrase;

  DenyReason(String article, String phrase) {
    this.article = article;
    this.phrase = phrase;
  }

  /** The policy type as AccessDenied messages name it, e.g. {@code identity-based policy}. */
  public String phrase() {
    return phrase;
  }

  /** {@code an} or {@code a}, as used in "with an explicit deny in an identity-based policy". */
  public String article() {
    return article;
  }
}
