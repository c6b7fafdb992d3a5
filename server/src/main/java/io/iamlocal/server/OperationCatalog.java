package io.iamlocal.server;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.authz.AuthorizationReference;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.iam.AccessKeyOperations;
import io.iamlocal.server.iam.AccountAliasOperations;
import io.iamlocal.server.iam.AccountViewOperations;
import io.iamlocal.server.iam.CredentialReportOperations;
import io.iamlocal.server.iam.DelegationRequestOperations;
import io.iamlocal.server.iam.GroupOperations;
import io.iamlocal.server.iam.InlinePolicyOperations;
import io.iamlocal.server.iam.InstanceProfileOperations;
import io.iamlocal.server.iam.LoginProfileOperations;
import io.iamlocal.server.iam.ManagedPolicyOperations;
import io.iamlocal.server.iam.MfaOperations;
import io.iamlocal.server.iam.OpenIdConnectProviderOperations;
import io.iamlocal.server.iam.OrganizationsOperations;
import io.iamlocal.server.iam.OutboundWebIdentityFederationOperations;
import io.iamlocal.server.iam.PasswordPolicyOperations;
import io.iamlocal.server.iam.PermissionsBoundaryOperations;
import io.iamlocal.server.iam.PolicyAttachmentOperations;
import io.iamlocal.server.iam.PolicySimulationOperations;
import io.iamlocal.server.iam.PolicyVersionOperations;
import io.iamlocal.server.iam.RoleOperations;
import io.iamlocal.server.iam.SamlProviderOperations;
import io.iamlocal.server.iam.SecurityTokenServicePreferencesOperations;
import io.iamlocal.server.iam.ServerCertificateOperations;
import io.iamlocal.server.iam.ServiceLastAccessedOperations;
import io.iamlocal.server.iam.ServiceLinkedRoleOperations;
import io.iamlocal.server.iam.ServiceSpecificCredentialOperations;
import io.iamlocal.server.iam.SigningCertificateOperations;
import io.iamlocal.server.iam.SshPublicKeyOperations;
import io.iamlocal.server.iam.UserOperations;
import io.iamlocal.server.sts.AssumeRoleOperations;
import io.iamlocal.server.sts.CallerIdentityOperations;
import io.iamlocal.server.sts.FederationOperations;
import io.iamlocal.server.sts.PrivilegedTokenOperations;
import io.iamlocal.server.sts.SessionTokenOperations;
import io.iamlocal.server.sts.StsInfoOperations;
import java.util.List;

/** The one list of operation families the server serves. Add a family here to serve it. */
final class OperationCatalog {
  private OperationCatalog() {}

  static List<Operations> families() {
    return List.of(
        new UserOperations(),
        new AccessKeyOperations(),
        new GroupOperations(),
        new RoleOperations(),
        new InstanceProfileOperations(),
        new ServiceLinkedRoleOperations(),
        new ManagedPolicyOperations(),
        new PolicyVersionOperations(),
        new InlinePolicyOperations(),
        new PolicyAttachmentOperations(),
        new PermissionsBoundaryOperations(),
        new PolicySimulationOperations(),
        new AccountViewOperations(),
        new LoginProfileOperations(),
        new PasswordPolicyOperations(),
        new MfaOperations(),
        new AccountAliasOperations(),
        new SecurityTokenServicePreferencesOperations(),
        new CredentialReportOperations(),
        new ServiceLastAccessedOperations(),
        new OrganizationsOperations(),
        new OutboundWebIdentityFederationOperations(),
        new DelegationRequestOperations(),
        new SshPublicKeyOperations(),
        new SigningCertificateOperations(),
        new ServerCertificateOperations(),
        new ServiceSpecificCredentialOperations(),
        new SamlProviderOperations(),
        new OpenIdConnectProviderOperations(),
        new CallerIdentityOperations(),
        new AssumeRoleOperations(),
        new SessionTokenOperations(),
        new FederationOperations(),
        new StsInfoOperations(),
        new PrivilegedTokenOperations());
  }

  /** The catalog with every spec drawn and checked now: what the tests pin. */
  static OperationRegistry build(ServiceModel iam, ServiceModel sts) {
    return fill(new OperationRegistry(OperationCatalog::reference), iam, sts);
  }

  /**
   * The catalog a server serves: each family registers its handlers at the first call of one of its
   * operations, which the build's {@link OperationIndex} names, and each spec is drawn at its
   * operation's first call (the same specs {@link #build} checks): start-up neither links the
   * handlers' ~300 method references nor looks up the ~190 operations in AWS's reference. Without
   * an index every family registers at start. {@link OperationRegistry#linkAtStart} links every
   * family right after.
   */
  static OperationRegistry forServing(ServiceModel iam, ServiceModel sts) {
    OperationRegistry registry = OperationRegistry.specsAtFirstUse(OperationCatalog::reference);
    List<OperationIndex.Family> index = OperationIndex.read();
    if (index == null) {
      return fill(registry, iam, sts);
    }
    registry.addService(iam).addService(sts);
    for (OperationIndex.Family family : index) {
      String name = family.className();
      registry.addFamily(name, () -> family(name), family.operations());
    }
    registry.requireEveryOperation();
    if (OperationRegistry.linkAtStart()) {
      for (String service : registry.services().keySet()) {
        for (String operation : registry.implemented(service)) {
          registry.handler(service, operation).handler();
        }
      }
    }
    return registry;
  }

  /**
   * A family of {@link #families()} made by its class name from the index, at its first call: a
   * start neither loads nor initializes the ~35 family classes.
   */
  private static Operations family(String className) {
    try {
      return Class.forName(className)
          .asSubclass(Operations.class)
          .getDeclaredConstructor()
          .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "operation family " + className + " of the index: rebuild", e);
    }
  }

  private static OperationRegistry fill(
      OperationRegistry registry, ServiceModel iam, ServiceModel sts) {
    registry.addService(iam).addService(sts);
    families().forEach(f -> f.register(registry));
    registry.requireEveryOperation();
    return registry;
  }

  /**
   * An action's entry in AWS's Service Authorization Reference: the source of each spec's defaults.
   */
  static OperationRegistry.ReferenceAction reference(String service, String action) {
    return AuthorizationReference.of(service)
        .action(action)
        .map(
            a ->
                new OperationRegistry.ReferenceAction(
                    a.accessLevel(),
                    a.resourceTypeNames(),
                    a.resourceTypes().stream()
                        .filter(AuthorizationReference.ResourceType::required)
                        .map(AuthorizationReference.ResourceType::name)
                        .toList()))
        .orElse(null);
  }
}
