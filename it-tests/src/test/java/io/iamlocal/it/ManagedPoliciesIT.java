package io.iamlocal.it;

import static io.iamlocal.it.PolicyFixtures.ADMINISTRATOR_ACCESS;
import static io.iamlocal.it.PolicyFixtures.READ_ONLY_ACCESS;
import static io.iamlocal.it.PolicyFixtures.S3_READ;
import static io.iamlocal.it.PolicyFixtures.awsError;
import static io.iamlocal.it.PolicyFixtures.decode;
import static io.iamlocal.it.PolicyFixtures.documentWithStatements;
import static io.iamlocal.it.PolicyFixtures.policyArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.Tag;

class ManagedPoliciesIT extends WireTest {

  @Test
  void createPolicyReturnsAwsShapedPolicy() {
    Instant before = Instant.now().minusSeconds(2);
    Policy policy =
        iam.createPolicy(
                r ->
                    r.policyName("s3-read")
                        .path("/team/")
                        .policyDocument(S3_READ)
                        .description("Reads objects")
                        .tags(Tag.builder().key("team").value("red").build()))
            .policy();
    assertThat(policy.policyName()).isEqualTo("s3-read");
    assertThat(policy.path()).isEqualTo("/team/");
    assertThat(policy.arn()).isEqualTo("arn:aws:iam::123456789012:policy/team/s3-read");
    assertThat(policy.policyId()).startsWith("ANPA").hasSize(21);
    assertThat(policy.defaultVersionId()).isEqualTo("v1");
    assertThat(policy.attachmentCount()).isZero();
    assertThat(policy.permissionsBoundaryUsageCount()).isZero();
    assertThat(policy.isAttachable()).isTrue();
    assertThat(policy.description())
        .as("CreatePolicy does not echo it (recorded from AWS)")
        .isNull();
    assertThat(policy.tags()).containsExactly(Tag.builder().key("team").value("red").build());
    assertThat(policy.createDate()).isAfter(before).isEqualTo(policy.updateDate());

    Policy fetched = iam.getPolicy(r -> r.policyArn(policy.arn())).policy();
    assertThat(fetched).isEqualTo(policy.toBuilder().description("Reads objects").build());
  }

  @Test
  void defaultPathIsRootAndPathMustFollowThePolicyPathPattern() {
    assertThat(iam.createPolicy(r -> r.policyName("p").policyDocument(S3_READ)).policy().arn())
        .isEqualTo(policyArn("/", "p"));
    awsError(
        () -> iam.createPolicy(r -> r.policyName("q").path("/no spaces/").policyDocument(S3_READ)),
        "ValidationError",
        400,
        "1 validation error detected: Value at 'path' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: ((/[A-Za-z0-9\\.,\\+@=_-]+)*)/");
  }

  @Test
  void namesAreUniqueAcrossPathsAndCase() {
    iam.createPolicy(r -> r.policyName("Shared").path("/a/").policyDocument(S3_READ));
    awsError(
        () -> iam.createPolicy(r -> r.policyName("shared").path("/b/").policyDocument(S3_READ)),
        "EntityAlreadyExists",
        409,
        "A policy called shared already exists. Duplicate names are not allowed.");
  }

  @Test
  void customerPolicyMayShareAnAwsManagedPolicyName() {
    Policy mine =
        iam.createPolicy(r -> r.policyName("ReadOnlyAccess").policyDocument(S3_READ)).policy();
    assertThat(mine.arn()).isEqualTo(policyArn("/", "ReadOnlyAccess"));
    assertThat(iam.getPolicy(r -> r.policyArn(READ_ONLY_ACCESS)).policy().defaultVersionId())
        .isEqualTo("v182");
  }

  @Test
  void documentIsValidatedAsAnIdentityPolicy() {
    awsError(
        () -> iam.createPolicy(r -> r.policyName("p").policyDocument("{not json")),
        "MalformedPolicyDocument",
        400,
        "Syntax errors in policy.");
    awsError(
        () ->
            iam.createPolicy(
                r ->
                    r.policyName("p")
                        .policyDocument(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}]}")),
        "MalformedPolicyDocument",
        400,
        "Policy statement must contain resources.");
    awsError(
        () ->
            iam.createPolicy(
                r ->
                    r.policyName("p")
                        .policyDocument(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")),
        "MalformedPolicyDocument",
        400,
        "Policy document should not specify a principal.");
    assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).isEmpty();
  }

  @Test
  void sizeQuotaCountsNonWhitespaceCharacters() {
    String big = documentWithStatements(80);
    assertThat(nonWhitespace(big)).isGreaterThan(6144);
    awsError(
        () -> iam.createPolicy(r -> r.policyName("big").policyDocument(big)),
        "LimitExceeded",
        409,
        "Cannot exceed quota for PolicySize: 6144");

    String fits = documentWithStatements(70);
    String padded = fits.replace(",", ",        \n\t");
    assertThat(nonWhitespace(padded)).isLessThanOrEqualTo(6144);
    assertThat(padded.length()).isGreaterThan(6144);
    iam.createPolicy(r -> r.policyName("padded").policyDocument(padded));
  }

  @Test
  void documentIsStoredByteForByteAndReturnedUrlEncoded() {
    String document =
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ {\"Effect\": \"Allow\", \"Action\": \"s3:*\","
            + " \"Resource\": \"arn:aws:s3:::caf\u00e9/~a+b\"} ]\n}";
    Policy policy = iam.createPolicy(r -> r.policyName("raw").policyDocument(document)).policy();
    String encoded =
        iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v1"))
            .policyVersion()
            .document();
    assertThat(encoded)
        .startsWith("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22")
        .contains("s3%3A%2A", "caf%C3%A9%2F~a%2Bb")
        .doesNotContain("+", " ", "*");
    assertThat(decode(encoded)).isEqualTo(document);
  }

  @Test
  void unknownPolicyIsNoSuchEntity() {
    String arn = policyArn("/", "ghost");
    awsError(
        () -> iam.getPolicy(r -> r.policyArn(arn)),
        "NoSuchEntity",
        404,
        "Policy " + arn + " was not found.");
    awsError(
        () -> iam.deletePolicy(r -> r.policyArn(arn)),
        "NoSuchEntity",
        404,
        "Policy " + arn + " was not found.");
    iam.createPolicy(r -> r.policyName("real").path("/x/").policyDocument(S3_READ));
    String wrongPath = policyArn("/y/", "real");
    awsError(
        () -> iam.getPolicy(r -> r.policyArn(wrongPath)),
        "NoSuchEntity",
        404,
        "Policy " + wrongPath + " was not found.");
  }

  @Test
  void awsManagedPolicyIsReadableButNotDeletable() {
    Policy readOnly = iam.getPolicy(r -> r.policyArn(READ_ONLY_ACCESS)).policy();
    assertThat(readOnly.policyName()).isEqualTo("ReadOnlyAccess");
    assertThat(readOnly.path()).isEqualTo("/");
    assertThat(readOnly.policyId()).startsWith("ANPA").hasSize(21);
    assertThat(readOnly.isAttachable()).isTrue();
    assertThat(readOnly.createDate()).isEqualTo(Instant.parse("2015-02-06T18:39:48Z"));
    assertThat(readOnly.attachmentCount()).isZero();
    assertThat(iam.getPolicy(r -> r.policyArn(READ_ONLY_ACCESS)).policy().policyId())
        .isEqualTo(readOnly.policyId());

    awsError(
        () -> iam.deletePolicy(r -> r.policyArn(READ_ONLY_ACCESS)),
        "AccessDenied",
        403,
        "Cannot delete policies outside your own account.");
    awsError(
        () -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/NoSuchThing")),
        "NoSuchEntity",
        404,
        "Policy arn:aws:iam::aws:policy/NoSuchThing was not found.");
  }

  @Test
  void deletePolicyIsRefusedWhileAttachedOrVersioned() {
    String arn = iam.createPolicy(r -> r.policyName("p").policyDocument(S3_READ)).policy().arn();
    iam.createUser(r -> r.userName("alice"));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(arn));
    awsError(
        () -> iam.deletePolicy(r -> r.policyArn(arn)),
        "DeleteConflict",
        409,
        "Cannot delete a policy attached to entities.");
    iam.detachUserPolicy(r -> r.userName("alice").policyArn(arn));

    iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(S3_READ));
    awsError(
        () -> iam.deletePolicy(r -> r.policyArn(arn)),
        "DeleteConflict",
        409,
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. "
            + "The default version is deleted with the policy.");
    iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v2"));

    iam.deletePolicy(r -> r.policyArn(arn));
    awsError(() -> iam.getPolicy(r -> r.policyArn(arn)), "NoSuchEntity", 404, null);
    iam.createPolicy(r -> r.policyName("p").policyDocument(S3_READ));
  }

  @Test
  void listPoliciesLocalScopePagesByNameAndFiltersByPath() {
    for (int i = 0; i < 5; i++) {
      String name = "pol" + i;
      String path = i % 2 == 0 ? "/even/" : "/odd/";
      iam.createPolicy(r -> r.policyName(name).path(path).policyDocument(S3_READ));
    }
    ListPoliciesResponse first = iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).maxItems(2));
    assertThat(first.policies()).extracting(Policy::policyName).containsExactly("pol0", "pol1");
    assertThat(first.isTruncated()).isTrue();
    ListPoliciesResponse second =
        iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).maxItems(2).marker(first.marker()));
    assertThat(second.policies()).extracting(Policy::policyName).containsExactly("pol2", "pol3");
    ListPoliciesResponse third =
        iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).maxItems(2).marker(second.marker()));
    assertThat(third.policies()).extracting(Policy::policyName).containsExactly("pol4");
    assertThat(third.isTruncated()).isFalse();
    assertThat(third.marker()).isNull();

    assertThat(
            iam.listPoliciesPaginator(
                    r -> r.scope(PolicyScopeType.LOCAL).pathPrefix("/even/").maxItems(1))
                .policies())
        .extracting(Policy::policyName)
        .containsExactly("pol0", "pol2", "pol4");
    // ListPolicies leaves out Description and Tags.
    iam.createPolicy(
        r ->
            r.policyName("described")
                .description("d")
                .policyDocument(S3_READ)
                .tags(Tag.builder().key("k").value("v").build()));
    Policy listed =
        iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).pathPrefix("/").maxItems(100))
            .policies()
            .get(0);
    assertThat(listed.policyName()).isEqualTo("described");
    assertThat(listed.description()).isNull();
    assertThat(listed.tags()).isEmpty();
  }

  @Test
  void listPoliciesAwsScopePagesThroughTheWholeCatalog() {
    List<Policy> all =
        iam
            .listPoliciesPaginator(r -> r.scope(PolicyScopeType.AWS).maxItems(1000))
            .policies()
            .stream()
            .toList();
    assertThat(all).hasSize(1485);
    assertThat(all)
        .allSatisfy(
            p ->
                assertThat(p.arn())
                    .startsWith("arn:aws:iam::aws:policy/")
                    .endsWith("/" + p.policyName()));
    assertThat(all.stream().map(Policy::policyName).collect(Collectors.toSet()))
        .hasSize(1485)
        .contains("ReadOnlyAccess", "AdministratorAccess");
    assertThat(all).extracting(p -> p.policyName().toLowerCase()).isSorted();

    ListPoliciesResponse defaultPage = iam.listPolicies(r -> r.scope(PolicyScopeType.AWS));
    assertThat(defaultPage.policies()).hasSize(100);
    assertThat(defaultPage.isTruncated()).isTrue();

    List<Policy> serviceRoles =
        iam
            .listPoliciesPaginator(r -> r.scope(PolicyScopeType.AWS).pathPrefix("/service-role/"))
            .policies()
            .stream()
            .toList();
    assertThat(serviceRoles)
        .hasSize(218)
        .allSatisfy(p -> assertThat(p.path()).isEqualTo("/service-role/"));
  }

  @Test
  void listPoliciesAllScopeListsCustomerPoliciesThenAwsOnes() {
    iam.createPolicy(r -> r.policyName("zz-mine").policyDocument(S3_READ));
    ListPoliciesResponse first = iam.listPolicies(r -> r.maxItems(2));
    assertThat(first.policies())
        .extracting(Policy::arn)
        .first()
        .isEqualTo(policyArn("/", "zz-mine"));
    assertThat(first.policies().get(1).arn()).startsWith("arn:aws:iam::aws:policy/");
    long total = iam.listPoliciesPaginator(r -> r.maxItems(1000)).policies().stream().count();
    assertThat(total).isEqualTo(1486);
  }

  @Test
  void onlyAttachedAndUsageFilterSelectPoliciesInUse() {
    String mine =
        iam.createPolicy(r -> r.policyName("mine").policyDocument(S3_READ)).policy().arn();
    String boundary =
        iam.createPolicy(r -> r.policyName("boundary").policyDocument(S3_READ)).policy().arn();
    iam.createPolicy(r -> r.policyName("unused").policyDocument(S3_READ));
    iam.createUser(r -> r.userName("alice").permissionsBoundary(boundary));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(mine));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(READ_ONLY_ACCESS));
    iam.putUserPermissionsBoundary(
        r -> r.userName("alice").permissionsBoundary(ADMINISTRATOR_ACCESS));
    iam.createUser(r -> r.userName("bob").permissionsBoundary(boundary));

    List<Policy> attached = iam.listPolicies(r -> r.onlyAttached(true)).policies();
    assertThat(attached).extracting(Policy::policyName).containsExactly("mine", "ReadOnlyAccess");
    assertThat(attached).extracting(Policy::attachmentCount).containsExactly(1, 1);

    List<Policy> boundaries =
        iam.listPolicies(r -> r.policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY)).policies();
    assertThat(boundaries)
        .extracting(Policy::policyName)
        .containsExactly("boundary", "AdministratorAccess");
    assertThat(boundaries).extracting(Policy::permissionsBoundaryUsageCount).containsExactly(1, 1);

    Set<String> local =
        iam
            .listPolicies(
                r ->
                    r.scope(PolicyScopeType.LOCAL)
                        .onlyAttached(true)
                        .policyUsageFilter(PolicyUsageType.PERMISSIONS_POLICY))
            .policies()
            .stream()
            .map(Policy::policyName)
            .collect(Collectors.toSet());
    assertThat(local).containsExactly("mine");
    assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).onlyAttached(true)).policies())
        .extracting(Policy::policyName)
        .containsExactly("ReadOnlyAccess");
  }

  @Test
  void tagsAreAddedListedAndRemoved() {
    String arn =
        iam.createPolicy(
                r ->
                    r.policyName("p")
                        .policyDocument(S3_READ)
                        .tags(Tag.builder().key("a").value("1").build()))
            .policy()
            .arn();
    // A policy's tag keys are case-sensitive, listed shorter keys first (recorded from AWS).
    iam.tagPolicy(
        r ->
            r.policyArn(arn)
                .tags(
                    Tag.builder().key("bb").value("3").build(),
                    Tag.builder().key("A").value("2").build()));
    assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags())
        .containsExactly(
            Tag.builder().key("A").value("2").build(),
            Tag.builder().key("a").value("1").build(),
            Tag.builder().key("bb").value("3").build());
    var page = iam.listPolicyTags(r -> r.policyArn(arn).maxItems(1));
    assertThat(page.tags()).hasSize(1);
    assertThat(page.isTruncated()).isTrue();
    iam.untagPolicy(r -> r.policyArn(arn).tagKeys("a", "A"));
    assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().tags())
        .extracting(Tag::key)
        .containsExactly("bb");
    awsError(
        () ->
            iam.tagPolicy(
                r ->
                    r.policyArn(arn)
                        .tags(
                            Tag.builder().key("x").value("1").build(),
                            Tag.builder().key("x").value("2").build())),
        "InvalidInput",
        400,
        "Duplicate tag keys found.");

    List<Tag> fifty =
        java.util.stream.IntStream.range(0, 49)
            .mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
            .toList();
    iam.tagPolicy(r -> r.policyArn(arn).tags(fifty));
    awsError(
        () ->
            iam.tagPolicy(r -> r.policyArn(arn).tags(Tag.builder().key("more").value("v").build())),
        "LimitExceeded",
        409,
        "Cannot exceed quota for TagsPerPolicy: 50");
    awsError(
        () ->
            iam.tagPolicy(
                r ->
                    r.policyArn(policyArn("/", "ghost"))
                        .tags(Tag.builder().key("k").value("v").build())),
        "NoSuchEntity",
        404,
        "Policy " + policyArn("/", "ghost") + " was not found.");
    awsError(
        () ->
            iam.tagPolicy(
                r -> r.policyArn(READ_ONLY_ACCESS).tags(Tag.builder().key("k").value("v").build())),
        "AccessDenied",
        403,
        null);
    assertThat(iam.listPolicyTags(r -> r.policyArn(READ_ONLY_ACCESS)).tags()).isEmpty();
  }

  @Test
  void policyQuotaPerAccountIs1500() {
    // Creating 1,500 policies over the wire takes a while; one request per policy keeps it honest.
    for (int i = 0; i < 1500; i++) {
      String name = "p" + i;
      iam.createPolicy(r -> r.policyName(name).policyDocument(S3_READ));
    }
    awsError(
        () -> iam.createPolicy(r -> r.policyName("one-more").policyDocument(S3_READ)),
        "LimitExceeded",
        409,
        "Cannot exceed quota for PoliciesPerAccount: 1500");
  }

  private static long nonWhitespace(String s) {
    return s.chars().filter(c -> !Character.isWhitespace(c)).count();
  }
}
