package io.iamlocal.server.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.IamLocalServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hand-kept resource table agrees with AWS's Service Authorization Reference: every row's
 * action exists there, its member exists in the model's input shape, and the resource type its
 * form builds is one the reference lists for the action. Rows that follow AWS's observed
 * behaviour instead are listed in {@link #QUIRKS}, each with why.
 */
class ActionResourcesAgreeWithReferenceTest {

  /** Rows that knowingly differ from the reference, and why. */
  private static final Map<String, String> QUIRKS = Map.ofEntries(
      Map.entry("iam:ListUsers", "AWS's AccessDenied for list calls names the path-prefix ARN (arn:aws:iam::ACCOUNT:user/),"
          + " so policies scoped to it match; the reference lists no resource type"),
      Map.entry("iam:ListGroups", "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:group/"),
      Map.entry("iam:ListRoles", "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:role/"),
      Map.entry("iam:ListInstanceProfiles", "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:instance-profile/"),
      Map.entry("iam:ListServerCertificates", "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:server-certificate/"),
      Map.entry("iam:ListVirtualMFADevices", "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:mfa/"),
      Map.entry("iam:ListOpenIDConnectProviders", "AccessDenied names arn:aws:iam::ACCOUNT:oidc-provider/*"),
      Map.entry("iam:ListPolicies", "AWS's AccessDenied names the resource as the text 'policy path /'"),
      Map.entry("iam:CreateDelegationRequest", "the request's ID is minted by the call: no ARN exists to authorize against"),
      Map.entry("iam:UpdateDelegationRequest", "not in the reference yet (newer than its last publication)"));

  @Test
  void everyRowAgreesWithTheReferenceOrIsAListedQuirk() {
    List<String> disagreements = ActionResources.entries().values().stream()
        .filter(entry -> !entry.unchecked() && !QUIRKS.containsKey(entry.action()))
        .flatMap(entry -> disagreement(entry).stream())
        .toList();
    assertThat(disagreements).isEmpty();
  }

  @Test
  void everyQuirkStillDisagrees() {
    for (String action : QUIRKS.keySet()) {
      assertThat(disagreement(ActionResources.entry(action))).as(action + " agrees now: drop its quirk").isPresent();
    }
  }

  /** Why the row differs from the reference, if it does. */
  private static Optional<String> disagreement(ActionResources.Entry entry) {
    String[] parts = entry.action().split(":");
    Optional<AuthorizationReference.Action> ref = AuthorizationReference.of(parts[0]).action(parts[1]);
    if (ref.isEmpty()) {
      return Optional.of(entry.action() + ": not in the reference");
    }
    List<String> types = ref.get().resourceTypeNames();
    return switch (entry.form()) {
      case ACCOUNT -> types.isEmpty() ? Optional.empty()
          : Optional.of(entry.action() + ": authorized against * but the reference scopes it to " + types);
      case ARN -> types.isEmpty() ? Optional.of(entry.action() + ": reads an ARN but the reference lists no resource type")
          : Optional.empty();
      default -> types.contains(entry.form().resourceType(entry.member())) ? Optional.empty()
          : Optional.of(entry.action() + ": builds a " + entry.form().resourceType(entry.member())
              + " but the reference lists " + types);
    };
  }

  @Test
  void everyMemberColumnNamesAnInputMember() {
    Map<String, ServiceModel> models = Map.of("iam", IamLocalServer.ServiceModels.iam(), "sts", IamLocalServer.ServiceModels.sts());
    List<String> unknown = new ArrayList<>();
    for (ActionResources.Entry entry : ActionResources.entries().values()) {
      if (entry.member() == null || entry.form() == ResourceForm.LIST || entry.form() == ResourceForm.LIST_ALL) {
        continue;
      }
      String[] parts = entry.action().split(":");
      OperationModel op = models.get(parts[0]).operation(parts[1]);
      if (op.input() == null || !op.input().memberNames().contains(entry.member())) {
        unknown.add(entry.action() + " " + entry.member());
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void listFormsNameAReferenceResourceType() {
    AuthorizationReference iam = AuthorizationReference.of("iam");
    ActionResources.entries().values().stream()
        .filter(e -> e.form() == ResourceForm.LIST || e.form() == ResourceForm.LIST_ALL)
        .forEach(e -> assertThat(iam.arnFormat(e.member())).as(e.action()).isPresent());
  }

  @Test
  void unknownFormsAreRefusedNotWidenedToStar() {
    assertThatThrownBy(() -> ResourceForm.parse("usr")).hasMessageContaining("unknown resource form 'usr'");
  }

  @Test
  void referenceCoversAllThreeServices() {
    assertThat(AuthorizationReference.of("iam").action("CreateUser")).get()
        .satisfies(a -> assertThat(a.accessLevel()).isEqualTo("Write"))
        .satisfies(a -> assertThat(a.resourceTypeNames()).containsExactly("user"));
    assertThat(AuthorizationReference.of("sts").action("AssumeRole")).isPresent();
    assertThat(AuthorizationReference.of("s3").arnFormat("object")).contains("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  }
}
