package io.iamlocal.it;

import static io.iamlocal.it.PolicyFixtures.EC2_DESCRIBE;
import static io.iamlocal.it.PolicyFixtures.READ_ONLY_ACCESS;
import static io.iamlocal.it.PolicyFixtures.S3_READ;
import static io.iamlocal.it.PolicyFixtures.awsError;
import static io.iamlocal.it.PolicyFixtures.decode;
import static io.iamlocal.it.PolicyFixtures.documentWithStatements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

class PolicyVersionsIT extends WireTest {

  private String createPolicy() {
    return iam.createPolicy(r -> r.policyName("versioned").policyDocument(S3_READ)).policy().arn();
  }

  @Test
  void newVersionIsNotDefaultUnlessAsked() throws InterruptedException {
    String arn = createPolicy();
    Policy created = iam.getPolicy(r -> r.policyArn(arn)).policy();
    Thread.sleep(1100); // timestamps have second precision
    PolicyVersion v2 =
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(EC2_DESCRIBE)).policyVersion();
    assertThat(v2.versionId()).isEqualTo("v2");
    assertThat(v2.isDefaultVersion()).isFalse();
    assertThat(v2.document()).as("CreatePolicyVersion does not echo the document").isNull();
    Policy afterV2 = iam.getPolicy(r -> r.policyArn(arn)).policy();
    assertThat(afterV2.defaultVersionId()).isEqualTo("v1");
    assertThat(afterV2.updateDate())
        .as("UpdateDate is the newest version's date")
        .isAfter(created.updateDate());
    assertThat(afterV2.createDate()).isEqualTo(created.createDate());

    PolicyVersion v3 =
        iam.createPolicyVersion(
                r -> r.policyArn(arn).policyDocument(EC2_DESCRIBE).setAsDefault(true))
            .policyVersion();
    assertThat(v3.versionId()).isEqualTo("v3");
    assertThat(v3.isDefaultVersion()).isTrue();
    assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v3");
    PolicyVersion fetched =
        iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v3")).policyVersion();
    assertThat(decode(fetched.document())).isEqualTo(EC2_DESCRIBE);
    assertThat(fetched.isDefaultVersion()).isTrue();
    assertThat(
            decode(
                iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v1"))
                    .policyVersion()
                    .document()))
        .isEqualTo(S3_READ);
  }

  @Test
  void listPolicyVersionsShowsNewestFirstWithoutDocumentsAndPages() {
    String arn = createPolicy();
    iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(EC2_DESCRIBE));
    iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(EC2_DESCRIBE).setAsDefault(true));
    List<PolicyVersion> versions = iam.listPolicyVersions(r -> r.policyArn(arn)).versions();
    assertThat(versions).extracting(PolicyVersion::versionId).containsExactly("v3", "v2", "v1");
    assertThat(versions)
        .extracting(PolicyVersion::isDefaultVersion)
        .containsExactly(true, false, false);
    assertThat(versions).allSatisfy(v -> assertThat(v.document()).isNull());

    ListPolicyVersionsResponse first = iam.listPolicyVersions(r -> r.policyArn(arn).maxItems(2));
    assertThat(first.isTruncated()).isTrue();
    ListPolicyVersionsResponse rest =
        iam.listPolicyVersions(r -> r.policyArn(arn).maxItems(2).marker(first.marker()));
    assertThat(rest.versions()).extracting(PolicyVersion::versionId).containsExactly("v1");
    assertThat(rest.isTruncated()).isFalse();
  }

  @Test
  void atMostFiveVersionsAndIdsAreNeverReused() {
    String arn = createPolicy();
    for (int i = 2; i <= 5; i++) {
      iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(S3_READ));
    }
    awsError(
        () -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(S3_READ)),
        "LimitExceeded",
        409,
        "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.");
    iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v5"));
    assertThat(
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(S3_READ))
                .policyVersion()
                .versionId())
        .isEqualTo("v6");
  }

  @Test
  void defaultVersionCannotBeDeletedAndCanBeMoved() {
    String arn = createPolicy();
    iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(EC2_DESCRIBE));
    awsError(
        () -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v1")),
        "DeleteConflict",
        409,
        "Cannot delete the default version of a policy.");
    iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v2"));
    assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v2");
    iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v1"));
    assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions())
        .extracting(PolicyVersion::versionId)
        .containsExactly("v2");
  }

  @Test
  void unknownVersionsAndPoliciesAreNoSuchEntity() {
    String arn = createPolicy();
    String missing = "Policy " + arn + " version v9 does not exist or is not attachable.";
    awsError(
        () -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v9")),
        "NoSuchEntity",
        404,
        missing);
    awsError(
        () -> iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v9")),
        "NoSuchEntity",
        404,
        missing);
    awsError(
        () -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v9")),
        "NoSuchEntity",
        404,
        missing);
    String ghost = PolicyFixtures.policyArn("/", "ghost");
    awsError(
        () -> iam.createPolicyVersion(r -> r.policyArn(ghost).policyDocument(S3_READ)),
        "NoSuchEntity",
        404,
        "Policy " + ghost + " was not found.");
    awsError(
        () -> iam.listPolicyVersions(r -> r.policyArn(ghost)),
        "NoSuchEntity",
        404,
        "Policy " + ghost + " was not found.");
    awsError(
        () -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("1")),
        "ValidationError",
        400,
        "1 validation error detected: Value at 'versionId' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
  }

  @Test
  void newVersionDocumentIsValidatedAndSized() {
    String arn = createPolicy();
    awsError(
        () -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument("[]")),
        "MalformedPolicyDocument",
        400,
        "Syntax errors in policy.");
    awsError(
        () ->
            iam.createPolicyVersion(
                r -> r.policyArn(arn).policyDocument(documentWithStatements(80))),
        "LimitExceeded",
        409,
        "Cannot exceed quota for PolicySize: 6144");
    assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).hasSize(1);
  }

  @Test
  void awsManagedPolicyShowsItsDefaultVersionAndRefusesChanges() throws Exception {
    PolicyVersion version =
        iam.getPolicyVersion(r -> r.policyArn(READ_ONLY_ACCESS).versionId("v182")).policyVersion();
    assertThat(version.isDefaultVersion()).isTrue();
    String json = decode(version.document());
    JsonNode document = new ObjectMapper().readTree(json);
    assertThat(document.get("Version").asText()).isEqualTo("2012-10-17");
    assertThat(document.get("Statement").get(0).get("Action").get(0).asText())
        .isEqualTo("a4b:Get*");
    assertThat(json).doesNotContain(" ", "\n").startsWith("{\"Statement\":[{\"Action\":");
    assertThat(iam.listPolicyVersions(r -> r.policyArn(READ_ONLY_ACCESS)).versions())
        .extracting(PolicyVersion::versionId)
        .containsExactly("v182");

    String denied =
        "User: arn:aws:iam::123456789012:root is not authorized to perform: iam:%s on resource: policy "
            + READ_ONLY_ACCESS
            + " because no resource-based policy allows the iam:%s action";
    awsError(
        () -> iam.createPolicyVersion(r -> r.policyArn(READ_ONLY_ACCESS).policyDocument(S3_READ)),
        "AccessDenied",
        403,
        denied.formatted("CreatePolicyVersion", "CreatePolicyVersion"));
    // AWS's own texts for these two (recorded).
    awsError(
        () -> iam.setDefaultPolicyVersion(r -> r.policyArn(READ_ONLY_ACCESS).versionId("v1")),
        "AccessDenied",
        403,
        "Cannot update policies outside your own account.");
    awsError(
        () -> iam.deletePolicyVersion(r -> r.policyArn(READ_ONLY_ACCESS).versionId("v1")),
        "AccessDenied",
        403,
        "Cannot delete policy versions for policies outside your own account.");
  }
}
