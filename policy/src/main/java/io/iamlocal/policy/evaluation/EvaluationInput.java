package io.iamlocal.policy.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * Everything one authorization decision needs.
 *
 * @param request the request being authorized
 * @param identityPolicies the caller's identity-based policies (user, group, role, managed); null
 *     means none
 * @param resourcePolicies policies attached to the resource, including a role's trust policy; null
 *     means none
 * @param permissionsBoundary the caller's boundary; empty (or null) means no boundary is set
 * @param sessionPolicies the session policies of the caller's session; empty (or null) means none
 *     were passed, which (per the evaluation flow chart) leaves a role session unrestricted and
 *     gives an IAM federated user session (GetFederationToken) no permissions of its own
 * @param resourcePolicyRequired true where the resource policy must allow the request, as a role
 *     trust policy must for sts:AssumeRole* (then a trust policy naming only the account still
 *     needs an identity policy allow)
 * @param resourceAccount the account owning the resource, when known; when it differs from the
 *     caller's account the request is cross-account and both an identity-based and a resource-based
 *     allow are needed
 */
public record EvaluationInput(
    RequestContext request,
    List<CompiledPolicy> identityPolicies,
    List<CompiledPolicy> resourcePolicies,
    List<CompiledPolicy> permissionsBoundary,
    List<CompiledPolicy> sessionPolicies,
    boolean resourcePolicyRequired,
    String resourceAccount) {

  public EvaluationInput {
    Objects.requireNonNull(request, "request");
    identityPolicies = copy(identityPolicies);
    resourcePolicies = copy(resourcePolicies);
    permissionsBoundary = copy(permissionsBoundary);
    sessionPolicies = copy(sessionPolicies);
  }

  /** A request evaluated against identity-based policies only. */
  public static EvaluationInput identityOnly(
      RequestContext request, List<CompiledPolicy> identityPolicies) {
    return new EvaluationInput(request, identityPolicies, null, null, null, false, null);
  }

  public static Builder builder(RequestContext request) {
    return new Builder(request);
  }

  private static List<CompiledPolicy> copy(List<CompiledPolicy> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Step-by-step construction of an {@link EvaluationInput}. */
  public static final class Builder {
    private final RequestContext request;
    private List<CompiledPolicy> identity = List.of();
    private List<CompiledPolicy> resource = List.of();
    private List<CompiledPolicy> boundary = List.of();
    private List<CompiledPolicy> session = List.of();
    private boolean resourcePolicyRequired;
    private String resourceAccount;

    private Builder(RequestContext request) {
      this.request = request;
    }

    public Builder identityPolicies(List<CompiledPolicy> policies) {
      this.identity = policies;
      return this;
    }

    public Builder identityPolicies(CompiledPolicy... policies) {
      return identityPolicies(List.of(policies));
    }

    public Builder resourcePolicies(List<CompiledPolicy> policies) {
      this.resource = policies;
      return this;
    }

    public Builder resourcePolicies(CompiledPolicy... policies) {
      return resourcePolicies(List.of(policies));
    }

    public Builder permissionsBoundary(CompiledPolicy boundaryPolicy) {
      this.boundary = boundaryPolicy == null ? List.of() : List.of(boundaryPolicy);
      return this;
    }

    public Builder sessionPolicies(List<CompiledPolicy> policies) {
      this.session = policies;
      return this;
    }

    public Builder sessionPolicies(CompiledPolicy... policies) {
      return sessionPolicies(List.of(policies));
    }

    /** The resource policy must allow (role trust policies). */
    public Builder resourcePolicyRequired() {
      this.resourcePolicyRequired = true;
      return this;
    }

    public Builder resourceAccount(String account) {
      this.resourceAccount = account;
      return this;
    }

    public EvaluationInput build() {
      return new EvaluationInput(
          request, identity, resource, boundary, session, resourcePolicyRequired, resourceAccount);
    }
  }
}
