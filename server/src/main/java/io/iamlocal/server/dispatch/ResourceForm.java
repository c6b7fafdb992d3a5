package io.iamlocal.server.dispatch;

/**
 * How the resource of an action is built from a request ({@link OperationSpec.Resource}). Each form
 * names the Service Authorization Reference resource type it produces, so every spec can be checked
 * against AWS's data; the forms are an enum, so a misspelt one does not compile instead of quietly
 * authorizing against {@code *}.
 */
public enum ResourceForm {
  USER("user", "user"),
  SELF_USER("self-user", "user"),
  GROUP("group", "group"),
  ROLE("role", "role"),
  INSTANCE_PROFILE("instance-profile", "instance-profile"),
  SERVER_CERTIFICATE("server-certificate", "server-certificate"),
  NEW_USER("new-user", "user"),
  NEW_GROUP("new-group", "group"),
  NEW_ROLE("new-role", "role"),
  NEW_INSTANCE_PROFILE("new-instance-profile", "instance-profile"),
  NEW_POLICY("new-policy", "policy"),
  NEW_MFA("new-mfa", "mfa"),
  NEW_SERVER_CERTIFICATE("new-server-certificate", "server-certificate"),
  NEW_OIDC("new-oidc", "oidc-provider"),
  NEW_SAML("new-saml", "saml-provider"),
  MFA("mfa", "mfa"),
  /** The member holds the resource's ARN; its type is whatever the ARN names. */
  ARN("arn", null),
  KEY_OWNER("key-owner", "user"),
  SERVICE_ROLE("service-role", "role"),
  DELETION_TASK_ROLE("deletion-task-role", "role"),
  DELEGATION_REQUEST("delegation-request", "delegation-request"),
  ACCESS_REPORT("access-report", "access-report"),
  /** The resource's member names the entity type listed, not a request member. */
  LIST("list", null),
  LIST_ALL("list-all", null),
  POLICY_PATH("policy-path", "policy"),
  FEDERATED_USER("federated-user", "federated-user"),
  ROOT("root", "root-user"),
  /** No resource type: the action is authorized against the account, {@code *}. */
  ACCOUNT("*", null),
  /** Not authorized by the generic authorizer (no permission needed, unsigned, or trust policy). */
  UNCHECKED("-", null);

  private final String token;
  private final String resourceType;

  ResourceForm(String token, String resourceType) {
    this.token = token;
    this.resourceType = resourceType;
  }

  /** Whether a resource of this form names the request member (or listed type) it reads. */
  public boolean readsMember() {
    return switch (this) {
      case USER, SELF_USER, POLICY_PATH, ACCOUNT, UNCHECKED -> false;
      default -> true;
    };
  }

  /**
   * Whether the resource's member, when it has one, names a request member (list forms name the
   * listed type).
   */
  public boolean readsInput() {
    return this != LIST && this != LIST_ALL;
  }

  /** A short spelling, for listings of specs. */
  public String token() {
    return token;
  }

  /**
   * The Service Authorization Reference resource type this form builds, given the row's member (the
   * listed type for {@link #LIST} forms); null when the form builds none or any.
   */
  public String resourceType(String member) {
    return this == LIST || this == LIST_ALL ? member : resourceType;
  }
}
