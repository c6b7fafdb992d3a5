package io.iamlocal.server;

import static io.iamlocal.server.dispatch.OperationSpec.lock;
import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.authz.AuthorizationReference;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec;
import io.iamlocal.server.dispatch.OperationSpec.LockMode;
import io.iamlocal.server.dispatch.ResourceForm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every served operation's spec, drawn from AWS's access levels and the overrides declared with the
 * handlers, equals what the server did before specs existed ({@code operation-specs.txt}), names an
 * operation of the model, and has a resource; registration fails closed.
 */
class OperationSpecsTest {
  private static final ServiceModel IAM = IamLocalServer.ServiceModels.iam();
  private static final ServiceModel STS = IamLocalServer.ServiceModels.sts();
  private static final OperationRegistry.ReferenceAction READ =
      new OperationRegistry.ReferenceAction("Read", List.of(), List.of());

  @Test
  void specsEqualThePinnedBehaviour() throws IOException {
    OperationRegistry registry = OperationCatalog.build(IAM, STS);
    List<String> actual = new ArrayList<>();
    for (String service : List.of("iam", "sts")) {
      for (String name : registry.implemented(service)) {
        OperationSpec spec = registry.spec(service, name);
        actual.add(
            String.join(
                " ",
                service,
                name,
                spec.lock().name(),
                spec.journalled() ? "journalled" : "not-journalled",
                spec.unsigned() ? "unsigned" : "signed",
                spec.sessions().name(),
                spec.resource().form().token(),
                dashIfNull(spec.resource().member()),
                dashIfNull(spec.resource().tagAction())));
      }
    }
    assertThat(actual).hasSize(187).containsExactlyElementsOf(pinned());
  }

  @Test
  void eachSpecNamesItsActionWithOneStringForAllItsCallsAndRefusesAnotherAction() {
    OperationRegistry registry = OperationCatalog.build(IAM, STS);
    OperationSpec getUser = registry.spec("iam", "GetUser");
    assertThat(getUser.action()).isEqualTo("iam:GetUser").isSameAs(getUser.action());
    // Changed specs keep it (the trail keeps the actions of a thousand checks: one copy each).
    OperationSpec changed = OperationSpec.grantedByPasswordPolicy().apply(getUser);
    assertThat(changed.action()).isSameAs(getUser.action());
    assertThatThrownBy(
            () ->
                new OperationSpec(
                    "iam",
                    "GetUser",
                    "iam:ListUsers",
                    getUser.lock(),
                    getUser.journalled(),
                    getUser.unsigned(),
                    getUser.sessions(),
                    getUser.conditionKeys(),
                    getUser.arnMember(),
                    getUser.passwordPolicyGrants(),
                    getUser.resource(),
                    getUser.accountMember()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("iam:ListUsers");
  }

  /**
   * Every served spec agrees with the botocore model (it names a model operation; its ARN member
   * and resource member are input members, checked at registration) and with AWS's reference: its
   * lock and journalling follow the action's access level except in the overrides pinned here, each
   * declared with its reason beside the handler. A refresh of the reference that moves an access
   * level shows up here.
   */
  @Test
  void locksFollowTheReferencesAccessLevelsExceptThePinnedOverrides() {
    OperationRegistry registry = OperationCatalog.build(IAM, STS);
    Map<String, String> departures = new TreeMap<>();
    for (String service : List.of("iam", "sts")) {
      for (String name : registry.implemented(service)) {
        OperationSpec spec = registry.spec(service, name);
        assertThat(registry.operation(service, name)).as(spec.action()).isNotNull();
        String level =
            AuthorizationReference.of(service)
                .action(name)
                .map(AuthorizationReference.Action::accessLevel)
                .orElse(null);
        boolean read = level != null && (level.equals("Read") || level.equals("List"));
        LockMode expected = read ? LockMode.READ : LockMode.WRITE;
        if (level == null || spec.lock() != expected || spec.journalled() != !read) {
          departures.put(
              spec.action(),
              (level == null ? "unlisted" : level)
                  + " -> "
                  + spec.lock()
                  + (spec.journalled() ? " journalled" : " not-journalled"));
        }
      }
    }
    assertThat(departures).isEqualTo(PINNED_DEPARTURES);
  }

  @Test
  void everySpecHasAResource() {
    OperationRegistry registry = OperationCatalog.build(IAM, STS);
    for (String service : List.of("iam", "sts")) {
      for (String name : registry.implemented(service)) {
        assertThat(registry.spec(service, name).resource()).as(service + ":" + name).isNotNull();
      }
    }
  }

  @Test
  void theServedCatalogDrawsEachSpecAtFirstUseAndTheSameSpecs() {
    OperationRegistry checked = OperationCatalog.build(IAM, STS);
    OperationRegistry served = OperationCatalog.forServing(IAM, STS);
    for (String service : List.of("iam", "sts")) {
      assertThat(served.implemented(service)).isEqualTo(checked.implemented(service));
      for (String name : checked.implemented(service)) {
        assertThat(served.spec(service, name))
            .as(service + ":" + name)
            .isEqualTo(checked.spec(service, name));
      }
    }
    // A wrong declaration surfaces at the operation's first use, not at registration.
    OperationRegistry lazy =
        OperationRegistry.specsAtFirstUse(OperationCatalog::reference).addService(IAM);
    lazy.register("iam", "ChangePassword", call -> null);
    assertThatThrownBy(() -> lazy.spec("iam", "ChangePassword"))
        .hasMessageContaining("declare it (OperationSpec.resource)");
  }

  @Test
  void anActionWhoseResourceTheReferenceDoesNotGiveMustDeclareIt() {
    // ChangePassword: the reference scopes it to a user, but its input names none.
    OperationRegistry registry = new OperationRegistry(OperationCatalog::reference).addService(IAM);
    assertThatThrownBy(() -> registry.register("iam", "ChangePassword", call -> null))
        .hasMessageContaining("declare it (OperationSpec.resource)");
    registry.register(
        "iam", "ChangePassword", call -> null, resource(ResourceForm.SELF_USER, "a test"));
    assertThat(registry.spec("iam", "ChangePassword").resource().form())
        .isEqualTo(ResourceForm.SELF_USER);
  }

  @Test
  void resourcesComeFromTheReferenceAndOverridesMustDiffer() {
    OperationRegistry registry = new OperationRegistry(OperationCatalog::reference).addService(IAM);
    registry.register("iam", "GetUser", call -> null);
    assertThat(registry.spec("iam", "GetUser").resource())
        .isEqualTo(new OperationSpec.Resource(ResourceForm.USER, "UserName", null));
    assertThatThrownBy(
            () ->
                registry.register(
                    "iam",
                    "GetRole",
                    call -> null,
                    resource(ResourceForm.ROLE, "RoleName", "a test")))
        .hasMessageContaining("already gives");
    assertThatThrownBy(
            () ->
                registry.register(
                    "iam",
                    "GetGroup",
                    call -> null,
                    resource(ResourceForm.USER, "UserNmae", "a test")))
        .hasMessageContaining("no member UserNmae");
    assertThat(new OperationSpec.Resource(ResourceForm.USER, null, null).member())
        .isNull(); // the calling user
    assertThatThrownBy(() -> new OperationSpec.Resource(ResourceForm.GROUP, null, null))
        .hasMessageContaining("needs a member");
  }

  @Test
  void declaredConditionKeysAreTheReferencesAndMatchTheFormerRules() {
    OperationRegistry registry = OperationCatalog.build(IAM, STS);
    Map<String, Set<String>> declaring = new TreeMap<>();
    for (String service : List.of("iam", "sts")) {
      for (String name : registry.implemented(service)) {
        for (String key : registry.spec(service, name).conditionKeys()) {
          assertThat(AuthorizationReference.of(service).action(name).orElseThrow().conditionKeys())
              .as(service + ":" + name + " declares " + key)
              .contains(key);
          declaring.computeIfAbsent(key, k -> new TreeSet<>()).add(name);
        }
      }
    }
    // Before specs, PolicyAuthorizer chose these by name: Attach*/Detach*, a regex, and one name
    // comparison.
    assertThat(declaring)
        .containsOnlyKeys(
            "iam:PolicyARN",
            "iam:PermissionsBoundary",
            "sts:IdentityTokenAudience",
            "sts:DurationSeconds",
            "sts:SigningAlgorithm");
    assertThat(declaring.get("iam:PolicyARN"))
        .containsExactly(
            "AttachGroupPolicy",
            "AttachRolePolicy",
            "AttachUserPolicy",
            "DetachGroupPolicy",
            "DetachRolePolicy",
            "DetachUserPolicy");
    assertThat(declaring.get("iam:PermissionsBoundary"))
        .allMatch(
            name ->
                name.matches("(Attach|Detach|Put|Delete)(User|Role)(Policy|PermissionsBoundary)"))
        .hasSize(12);
    assertThat(declaring.get("sts:IdentityTokenAudience")).containsExactly("GetWebIdentityToken");
  }

  @Test
  void arnMembersCheckedBeforeAuthorizationAreTheFormerOnes() {
    OperationRegistry registry = OperationCatalog.build(IAM, STS);
    Map<String, String> checked = new TreeMap<>();
    for (String service : List.of("iam", "sts")) {
      for (String name : registry.implemented(service)) {
        String member = registry.spec(service, name).arnMember();
        if (member != null) {
          assertThat(registry.operation(service, name).input().member(member))
              .as(service + ":" + name + "." + member)
              .isNotNull();
          checked.put(service + ":" + name, member);
        }
      }
    }
    assertThat(checked)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "iam:AttachGroupPolicy",
                    "PolicyArn",
                    "iam:AttachRolePolicy",
                    "PolicyArn",
                    "iam:AttachUserPolicy",
                    "PolicyArn",
                    "iam:DetachGroupPolicy",
                    "PolicyArn",
                    "iam:DetachRolePolicy",
                    "PolicyArn",
                    "iam:DetachUserPolicy",
                    "PolicyArn",
                    "sts:AssumeRole",
                    "RoleArn")));
  }

  @Test
  void thePasswordPolicyGrantsTheFormerTwoActions() {
    OperationRegistry registry = OperationCatalog.build(IAM, STS);
    assertThat(
            registry.implemented("iam").stream()
                .filter(name -> registry.spec("iam", name).passwordPolicyGrants()))
        .containsExactly("ChangePassword", "GetAccountPasswordPolicy");
    assertThat(
            registry.implemented("sts").stream()
                .filter(name -> registry.spec("sts", name).passwordPolicyGrants()))
        .isEmpty();
  }

  @Test
  void anOperationTheModelLacksFailsRegistration() {
    OperationRegistry registry = new OperationRegistry((service, action) -> READ).addService(IAM);
    assertThatThrownBy(() -> registry.register("iam", "GetUsers", call -> null))
        .hasMessage("no operation iam:GetUsers in the models");
  }

  @Test
  void anOperationWithoutAccessLevelMustDeclareItsLock() {
    OperationRegistry registry = new OperationRegistry((service, action) -> null).addService(IAM);
    assertThatThrownBy(() -> registry.register("iam", "GetUser", call -> null))
        .hasMessageContaining("declare its lock");
    registry.register(
        "iam",
        "ListUsers",
        call -> null,
        lock(LockMode.READ, "a test"),
        resource(ResourceForm.LIST, "user", "a test"));
    assertThat(registry.spec("iam", "ListUsers").lock()).isEqualTo(LockMode.READ);
  }

  @Test
  void aMissingOperationFailsTheCatalog() {
    OperationRegistry registry = new OperationRegistry((service, action) -> READ).addService(IAM);
    registry.register("iam", "GetUser", call -> null);
    assertThatThrownBy(registry::requireEveryOperation)
        .hasMessageStartingWith("no handler for iam:");
  }

  @Test
  void overridesSayWhy() {
    assertThatThrownBy(() -> lock(LockMode.WRITE, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Specs that depart from AWS's access level; each has its reason in the handler's registration.
   */
  private static final Map<String, String> PINNED_DEPARTURES =
      new TreeMap<>(
          Map.of(
              "iam:GenerateCredentialReport", "Read -> WRITE journalled",
              "iam:GenerateOrganizationsAccessReport", "Read -> WRITE journalled",
              "iam:GenerateServiceLastAccessedDetails", "Read -> WRITE journalled",
              "iam:UpdateDelegationRequest", "unlisted -> WRITE journalled",
              "sts:DecodeAuthorizationMessage", "Write -> WRITE not-journalled",
              "sts:GetDelegatedAccessToken", "Write -> READ not-journalled",
              "sts:GetFederationToken", "Write -> READ_MINTS journalled",
              "sts:GetSessionToken", "Read -> READ_MINTS journalled",
              "sts:GetWebIdentityToken", "Write -> READ not-journalled"));

  private static String dashIfNull(String value) {
    return value == null ? "-" : value;
  }

  private static List<String> pinned() throws IOException {
    try (InputStream in = OperationSpecsTest.class.getResourceAsStream("operation-specs.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#"))
          .toList();
    }
  }
}
