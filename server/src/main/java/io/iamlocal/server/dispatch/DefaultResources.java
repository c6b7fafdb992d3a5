package io.iamlocal.server.dispatch;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource an action is authorized against by default, from AWS's Service Authorization
 * Reference: an action the reference scopes to no resource type is authorized against the account
 * ({@code *}); one it scopes to a required type is authorized against the entity the request names
 * by that type's member (a user by {@code UserName}, a policy by {@code PolicyArn}). When the input
 * carries no such member, or several, there is no default and the spec must declare its resource.
 */
final class DefaultResources {
  /**
   * Each reference resource type, with the form and the input member by which requests name one.
   */
  private static final Map<String, OperationSpec.Resource> NAMED_BY =
      Map.of(
          "user", new OperationSpec.Resource(ResourceForm.USER, "UserName", null),
          "role", new OperationSpec.Resource(ResourceForm.ROLE, "RoleName", null),
          "group", new OperationSpec.Resource(ResourceForm.GROUP, "GroupName", null),
          "instance-profile",
              new OperationSpec.Resource(
                  ResourceForm.INSTANCE_PROFILE, "InstanceProfileName", null),
          "server-certificate",
              new OperationSpec.Resource(
                  ResourceForm.SERVER_CERTIFICATE, "ServerCertificateName", null),
          "delegation-request",
              new OperationSpec.Resource(
                  ResourceForm.DELEGATION_REQUEST, "DelegationRequestId", null),
          "mfa", new OperationSpec.Resource(ResourceForm.MFA, "SerialNumber", null),
          "policy", new OperationSpec.Resource(ResourceForm.ARN, "PolicyArn", null),
          "oidc-provider",
              new OperationSpec.Resource(ResourceForm.ARN, "OpenIDConnectProviderArn", null),
          "saml-provider", new OperationSpec.Resource(ResourceForm.ARN, "SAMLProviderArn", null));

  private DefaultResources() {}

  /**
   * The default resource of a listed action whose input has {@code inputMembers}, or null when
   * there is none.
   */
  static OperationSpec.Resource of(
      OperationRegistry.ReferenceAction action, Set<String> inputMembers) {
    if (action.resourceTypes().isEmpty()) {
      return new OperationSpec.Resource(ResourceForm.ACCOUNT, null, null);
    }
    List<OperationSpec.Resource> named =
        action.requiredResourceTypes().stream()
            .map(NAMED_BY::get)
            .filter(r -> r != null && inputMembers.contains(r.member()))
            .toList();
    return named.size() == 1 ? named.get(0) : null;
  }
}
