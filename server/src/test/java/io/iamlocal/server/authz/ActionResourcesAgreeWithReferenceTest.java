package io.iamlocal.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.IamLocalServer;
import io.iamlocal.server.ServedSpecs;
import io.iamlocal.server.dispatch.OperationSpec;
import io.iamlocal.server.dispatch.ResourceForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every spec's resource agrees with AWS's Service Authorization Reference: its action exists there,
 * its member exists in the model's input shape, and the resource type its form builds is one the
 * reference lists for the action. Specs that follow AWS's observed behaviour instead are listed in
 * {@link #QUIRKS} (their declarations say why, too).
 */
class ActionResourcesAgreeWithReferenceTest {

  /** Rows that knowingly differ from the reference, and why. */
  private static final Map<String, String> QUIRKS =
      Map.ofEntries(
          Map.entry(
              "iam:ListUsers",
              "AWS's AccessDenied for list calls names the path-prefix ARN (arn:aws:iam::ACCOUNT:user/),"
                  + " so policies scoped to it match; the reference lists no resource type"),
          Map.entry(
              "iam:ListGroups", "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:group/"),
          Map.entry(
              "iam:ListRoles", "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:role/"),
          Map.entry(
              "iam:ListInstanceProfiles",
              "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:instance-profile/"),
          Map.entry(
              "iam:ListServerCertificates",
              "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:server-certificate/"),
          Map.entry(
              "iam:ListVirtualMFADevices",
              "as iam:ListUsers: AccessDenied names arn:aws:iam::ACCOUNT:mfa/"),
          Map.entry(
              "iam:ListOpenIDConnectProviders",
              "AccessDenied names arn:aws:iam::ACCOUNT:oidc-provider/*"),
          Map.entry(
              "iam:ListPolicies",
              "AWS's AccessDenied names the resource as the text 'policy path /'"),
          Map.entry(
              "iam:CreateDelegationRequest",
              "the request's ID is minted by the call: no ARN exists to authorize against"),
          Map.entry(
              "iam:UpdateDelegationRequest",
              "not in the reference yet (newer than its last publication)"));

  @Test
  void everyRowAgreesWithTheReferenceOrIsAListedQuirk() {
    List<String> disagreements =
        ServedSpecs.all().stream()
            .filter(spec -> !spec.resource().unchecked() && !QUIRKS.containsKey(spec.action()))
            .flatMap(spec -> disagreement(spec).stream())
            .toList();
    assertThat(disagreements).isEmpty();
  }

  @Test
  void everyQuirkStillDisagrees() {
    for (String action : QUIRKS.keySet()) {
      assertThat(disagreement(ServedSpecs.spec(action)))
          .as(action + " agrees now: drop its quirk")
          .isPresent();
    }
  }

  /** Why the row differs from the reference, if it does. */
  private static Optional<String> disagreement(OperationSpec spec) {
    OperationSpec.Resource entry = spec.resource();
    Optional<AuthorizationReference.Action> ref =
        AuthorizationReference.of(spec.service()).action(spec.name());
    if (ref.isEmpty()) {
      return Optional.of(spec.action() + ": not in the reference");
    }
    List<String> types = ref.get().resourceTypeNames();
    return switch (entry.form()) {
      case ACCOUNT ->
          types.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  spec.action() + ": authorized against * but the reference scopes it to " + types);
      case ARN ->
          types.isEmpty()
              ? Optional.of(
                  spec.action() + ": reads an ARN but the reference lists no resource type")
              : Optional.empty();
      default ->
          types.contains(entry.form().resourceType(entry.member()))
              ? Optional.empty()
              : Optional.of(
                  spec.action()
                      + ": builds a "
                      + entry.form().resourceType(entry.member())
                      + " but the reference lists "
                      + types);
    };
  }

  @Test
  void everyMemberColumnNamesAnInputMember() {
    Map<String, ServiceModel> models =
        Map.of(
            "iam", IamLocalServer.ServiceModels.iam(), "sts", IamLocalServer.ServiceModels.sts());
    List<String> unknown = new ArrayList<>();
    for (OperationSpec spec : ServedSpecs.all()) {
      OperationSpec.Resource entry = spec.resource();
      if (entry.member() == null
          || entry.form() == ResourceForm.LIST
          || entry.form() == ResourceForm.LIST_ALL) {
        continue;
      }
      OperationModel op = models.get(spec.service()).operation(spec.name());
      if (op.input() == null || !op.input().memberNames().contains(entry.member())) {
        unknown.add(spec.action() + " " + entry.member());
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void listFormsNameAReferenceResourceType() {
    AuthorizationReference iam = AuthorizationReference.of("iam");
    ServedSpecs.all().stream()
        .filter(
            s ->
                s.resource().form() == ResourceForm.LIST
                    || s.resource().form() == ResourceForm.LIST_ALL)
        .forEach(s -> assertThat(iam.arnFormat(s.resource().member())).as(s.action()).isPresent());
  }

  @Test
  void referenceCoversAllThreeServices() {
    assertThat(AuthorizationReference.of("iam").action("CreateUser"))
        .get()
        .satisfies(a -> assertThat(a.accessLevel()).isEqualTo("Write"))
        .satisfies(a -> assertThat(a.resourceTypeNames()).containsExactly("user"));
    assertThat(AuthorizationReference.of("sts").action("AssumeRole")).isPresent();
    assertThat(AuthorizationReference.of("s3").arnFormat("object"))
        .contains("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  }
}
