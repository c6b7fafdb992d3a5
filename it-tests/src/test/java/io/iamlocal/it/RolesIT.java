package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static io.iamlocal.it.IamErrors.setUpWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

class RolesIT extends WireTest {
  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  /** {@link #TRUST} as AWS returns it: RFC 3986 percent-encoding. */
  static final String TRUST_ENCODED =
      "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
          + "%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";

  private static final String IDENTITY_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
  private static final String BOUNDARY = "arn:aws:iam::aws:policy/PowerUserAccess";

  private Role createRole(String name) {
    return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST)).role();
  }

  @Test
  void createRoleReturnsAwsShapedRole() {
    Role role =
        iam.createRole(
                r ->
                    r.roleName("S3Access")
                        .path("/app/")
                        .assumeRolePolicyDocument(TRUST)
                        .description("reads buckets")
                        .tags(Tag.builder().key("team").value("red").build()))
            .role();
    assertThat(role.roleName()).isEqualTo("S3Access");
    assertThat(role.path()).isEqualTo("/app/");
    assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/app/S3Access");
    assertThat(role.roleId()).startsWith("AROA").hasSize(21);
    assertThat(role.createDate()).isNotNull();
    assertThat(role.assumeRolePolicyDocument()).isEqualTo(TRUST_ENCODED);
    assertThat(role.description())
        .as("CreateRole does not echo the description (recorded from AWS)")
        .isNull();
    assertThat(role.tags()).containsExactly(Tag.builder().key("team").value("red").build());
    assertThat(role.maxSessionDuration()).isNull();
    assertThat(role.permissionsBoundary()).isNull();
  }

  @Test
  void getRoleReturnsEveryMember() {
    iam.createRole(
        r ->
            r.roleName("full")
                .assumeRolePolicyDocument(TRUST)
                .description("d")
                .maxSessionDuration(7200)
                .tags(Tag.builder().key("k").value("v").build()));
    Role role = iam.getRole(r -> r.roleName("FULL")).role();
    assertThat(role.roleName()).isEqualTo("full");
    assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/full");
    assertThat(role.assumeRolePolicyDocument()).isEqualTo(TRUST_ENCODED);
    assertThat(role.description()).isEqualTo("d");
    assertThat(role.maxSessionDuration()).isEqualTo(7200);
    assertThat(role.tags()).containsExactly(Tag.builder().key("k").value("v").build());
    assertThat(role.roleLastUsed()).isNotNull();
    assertThat(role.roleLastUsed().lastUsedDate()).isNull();
    assertThat(role.roleLastUsed().region()).isNull();

    Role plain = createRole("plain");
    assertThat(iam.getRole(r -> r.roleName("plain")).role().maxSessionDuration()).isEqualTo(3600);
    assertThat(iam.getRole(r -> r.roleName("plain")).role().hasTags()).isFalse();
    assertThat(plain.description()).isNull();
  }

  @Test
  void trustPolicyIsReturnedPercentEncodedPerRfc3986() {
    String document =
        "{\"Version\": \"2012-10-17\",\n \"Statement\": [{\"Sid\": \"a~b*c+d\", \"Effect\": \"Allow\", "
            + "\"Principal\": {\"AWS\": \"*\"}, \"Action\": \"sts:AssumeRole\"}]}";
    iam.createRole(r -> r.roleName("spaced").assumeRolePolicyDocument(document));
    String encoded = iam.getRole(r -> r.roleName("spaced")).role().assumeRolePolicyDocument();
    assertThat(encoded)
        .isEqualTo(
            "%7B%22Version%22%3A%20%222012-10-17%22%2C%0A%20%22Statement%22%3A%20%5B%7B%22Sid%22%3A%20"
                + "%22a~b%2Ac%2Bd%22%2C%20%22Effect%22%3A%20%22Allow%22%2C%20%22Principal%22%3A%20%7B%22AWS%22%3A%20%22%2A%22%7D%2C"
                + "%20%22Action%22%3A%20%22sts%3AAssumeRole%22%7D%5D%7D");
    assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
        .isEqualTo(document);
  }

  @Test
  void rawResponseCarriesTheEncodedDocumentAndAnEmptyRoleLastUsed() {
    createRole("raw");
    HttpResponse<String> r =
        RawHttp.signedForm(
            endpoint(), Clients.root(), "iam", "Action=GetRole&Version=2010-05-08&RoleName=raw");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<AssumeRolePolicyDocument>" + TRUST_ENCODED + "</AssumeRolePolicyDocument>");
    assertThat(r.body()).contains("<MaxSessionDuration>3600</MaxSessionDuration>");
    assertThat(r.body()).containsPattern("<RoleLastUsed>\\s*</RoleLastUsed>");
  }

  @Test
  void roleNamesAreUniqueCaseInsensitively() {
    createRole("Deployer");
    expect(
        () -> createRole("deployer"),
        "EntityAlreadyExists",
        409,
        "Role with name deployer already exists.");
  }

  @Test
  void unknownRoleIsNoSuchEntityEverywhere() {
    String message = "The role with name ghost cannot be found.";
    expect(() -> iam.getRole(r -> r.roleName("ghost")), "NoSuchEntity", 404, message);
    expect(
        () -> iam.updateRole(r -> r.roleName("ghost").description("x")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.updateRoleDescription(r -> r.roleName("ghost").description("x")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.updateAssumeRolePolicy(r -> r.roleName("ghost").policyDocument(TRUST)),
        "NoSuchEntity",
        404,
        message);
    expect(() -> iam.deleteRole(r -> r.roleName("ghost")), "NoSuchEntity", 404, message);
    expect(
        () -> iam.tagRole(r -> r.roleName("ghost").tags(Tag.builder().key("a").value("b").build())),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.untagRole(r -> r.roleName("ghost").tagKeys("a")), "NoSuchEntity", 404, message);
    expect(() -> iam.listRoleTags(r -> r.roleName("ghost")), "NoSuchEntity", 404, message);
  }

  @Test
  void malformedTrustPoliciesAreRefusedWithAwsTexts() {
    expect(
        () -> iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument("{not json")),
        "MalformedPolicyDocument",
        400,
        "This policy contains invalid Json");
    String withResource =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}";
    expect(
        () -> iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(withResource)),
        "MalformedPolicyDocument",
        400,
        "Has prohibited field Resource");
    String ghostUser =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/ghost\"},\"Action\":\"sts:AssumeRole\"}]}";
    expect(
        () -> iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(ghostUser)),
        "MalformedPolicyDocument",
        400,
        "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:user/ghost\"");
    expect(
        () -> iam.getRole(r -> r.roleName("r")),
        "NoSuchEntity",
        404,
        "The role with name r cannot be found.");

    iam.createUser(r -> r.userName("ghost"));
    iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(ghostUser));
  }

  @Test
  void trustPolicySizeQuotaCountsNonWhitespaceCharacters() {
    String big = trustWithSid("x".repeat(2048 - TRUST.length() - "\"Sid\":\"\",".length() + 1));
    assertThat(big.length()).isEqualTo(2049);
    expect(
        () -> iam.createRole(r -> r.roleName("big").assumeRolePolicyDocument(big)),
        "LimitExceeded",
        409,
        "Cannot exceed quota for ACLSizePerRole: 2048");
    String justFits = trustWithSid("x".repeat(2048 - TRUST.length() - "\"Sid\":\"\",".length()));
    String padded = justFits.replace(",", ",   \n   ");
    iam.createRole(r -> r.roleName("fits").assumeRolePolicyDocument(padded));

    expect(
        () -> iam.updateAssumeRolePolicy(r -> r.roleName("fits").policyDocument(big)),
        "LimitExceeded",
        409,
        "Cannot exceed quota for ACLSizePerRole: 2048");
  }

  private static String trustWithSid(String sid) {
    return TRUST.replace("{\"Effect\"", "{\"Sid\":\"" + sid + "\",\"Effect\"");
  }

  @Test
  void maxSessionDurationIsValidatedByTheModel() {
    expect(
        () ->
            iam.createRole(
                r -> r.roleName("r").assumeRolePolicyDocument(TRUST).maxSessionDuration(100)),
        "ValidationError",
        400,
        "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 3600");
    createRole("r");
    expect(
        () -> iam.updateRole(r -> r.roleName("r").maxSessionDuration(43201)),
        "ValidationError",
        400,
        "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: "
            + "Member must have value less than or equal to 43200");
    iam.createRole(
        r -> r.roleName("max").assumeRolePolicyDocument(TRUST).maxSessionDuration(43200));
    assertThat(iam.getRole(r -> r.roleName("max")).role().maxSessionDuration()).isEqualTo(43200);
  }

  @Test
  void createRoleWithAPermissionsBoundary() {
    Role created =
        iam.createRole(
                r ->
                    r.roleName("bounded")
                        .assumeRolePolicyDocument(TRUST)
                        .permissionsBoundary(BOUNDARY))
            .role();
    assertThat(created.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(BOUNDARY);
    Role role = iam.getRole(r -> r.roleName("bounded")).role();
    assertThat(role.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(BOUNDARY);
    assertThat(role.permissionsBoundary().permissionsBoundaryTypeAsString())
        .as("recorded from AWS")
        .isEqualTo("Policy");
    expect(
        () ->
            iam.createRole(
                r ->
                    r.roleName("bad")
                        .assumeRolePolicyDocument(TRUST)
                        .permissionsBoundary("arn:aws:s3:::bucket/key")),
        "InvalidInput",
        400,
        "ARN arn:aws:s3:::bucket/key is not valid.");
  }

  @Test
  void updateRoleChangesOnlyWhatIsGiven() {
    iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(TRUST).description("first"));
    iam.updateRole(r -> r.roleName("r").maxSessionDuration(10800));
    Role role = iam.getRole(r -> r.roleName("r")).role();
    assertThat(role.maxSessionDuration()).isEqualTo(10800);
    assertThat(role.description()).isEqualTo("first");
    iam.updateRole(r -> r.roleName("r").description("second"));
    role = iam.getRole(r -> r.roleName("r")).role();
    assertThat(role.description()).isEqualTo("second");
    assertThat(role.maxSessionDuration()).isEqualTo(10800);
  }

  @Test
  void updateRoleDescriptionReturnsTheRole() {
    createRole("r");
    Role role = iam.updateRoleDescription(r -> r.roleName("R").description("new text")).role();
    assertThat(role.roleName()).isEqualTo("r");
    assertThat(role.description()).isEqualTo("new text");
    assertThat(role.assumeRolePolicyDocument()).isEqualTo(TRUST_ENCODED);
    assertThat(role.maxSessionDuration())
        .as("recorded from AWS: not in UpdateRoleDescription's answer")
        .isNull();
    assertThat(role.roleLastUsed()).isNull();
    assertThat(iam.getRole(r -> r.roleName("r")).role().description()).isEqualTo("new text");
  }

  @Test
  void updateAssumeRolePolicyReplacesTheDocument() {
    createRole("r");
    String lambda = TRUST.replace("ec2.amazonaws.com", "lambda.amazonaws.com");
    iam.updateAssumeRolePolicy(r -> r.roleName("r").policyDocument(lambda));
    String encoded = iam.getRole(r -> r.roleName("r")).role().assumeRolePolicyDocument();
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(lambda);
    expect(
        () -> iam.updateAssumeRolePolicy(r -> r.roleName("r").policyDocument("[]x")),
        "MalformedPolicyDocument",
        400,
        "This policy contains invalid Json");
    assertThat(
            URLDecoder.decode(
                iam.getRole(r -> r.roleName("r")).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8))
        .isEqualTo(lambda);
  }

  @Test
  void deleteRoleRemovesIt() {
    createRole("r");
    iam.deleteRole(r -> r.roleName("R"));
    expect(
        () -> iam.getRole(r -> r.roleName("r")),
        "NoSuchEntity",
        404,
        "The role with name r cannot be found.");
    assertThat(iam.listRoles().roles()).isEmpty();
    createRole("r");
  }

  @Test
  void deleteRoleIsRefusedWhileInAnInstanceProfile() {
    createRole("r");
    iam.createInstanceProfile(r -> r.instanceProfileName("ip"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ip").roleName("r"));
    expect(
        () -> iam.deleteRole(r -> r.roleName("r")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must remove roles from instance profile first.");
    iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("ip").roleName("r"));
    iam.deleteRole(r -> r.roleName("r"));
  }

  @Test
  void deleteRoleIsRefusedWhileItHasInlinePolicies() {
    createRole("r");
    setUpWith(
        () ->
            iam.putRolePolicy(
                r -> r.roleName("r").policyName("p").policyDocument(IDENTITY_POLICY)));
    expect(
        () -> iam.deleteRole(r -> r.roleName("r")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must delete policies first.");
    iam.deleteRolePolicy(r -> r.roleName("r").policyName("p"));
    iam.deleteRole(r -> r.roleName("r"));
  }

  @Test
  void deleteRoleIsRefusedWhileItHasAttachedPolicies() {
    createRole("r");
    String[] arn = new String[1];
    setUpWith(
        () ->
            arn[0] =
                iam.createPolicy(r -> r.policyName("managed").policyDocument(IDENTITY_POLICY))
                    .policy()
                    .arn());
    setUpWith(() -> iam.attachRolePolicy(r -> r.roleName("r").policyArn(arn[0])));
    expect(
        () -> iam.deleteRole(r -> r.roleName("r")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must detach all policies first.");
    iam.detachRolePolicy(r -> r.roleName("r").policyArn(arn[0]));
    iam.deleteRole(r -> r.roleName("r"));
  }

  @Test
  void listRolesPagesFiltersByPathAndOmitsTagsBoundaryAndLastUsed() {
    for (int i = 0; i < 5; i++) {
      String name = "role" + i;
      String path = i % 2 == 0 ? "/even/" : "/odd/";
      iam.createRole(
          r ->
              r.roleName(name)
                  .path(path)
                  .assumeRolePolicyDocument(TRUST)
                  .description("role " + name)
                  .permissionsBoundary(BOUNDARY)
                  .tags(Tag.builder().key("n").value(name).build()));
    }
    ListRolesResponse first = iam.listRoles(r -> r.maxItems(2));
    assertThat(first.roles()).extracting(Role::roleName).containsExactly("role0", "role1");
    assertThat(first.isTruncated()).isTrue();
    ListRolesResponse second = iam.listRoles(r -> r.maxItems(2).marker(first.marker()));
    assertThat(second.roles()).extracting(Role::roleName).containsExactly("role2", "role3");
    ListRolesResponse last = iam.listRoles(r -> r.maxItems(2).marker(second.marker()));
    assertThat(last.roles()).extracting(Role::roleName).containsExactly("role4");
    assertThat(last.isTruncated()).isFalse();
    assertThat(last.marker()).isNull();

    Role listed = first.roles().get(0);
    assertThat(listed.arn()).isEqualTo("arn:aws:iam::123456789012:role/even/role0");
    assertThat(listed.assumeRolePolicyDocument()).isEqualTo(TRUST_ENCODED);
    assertThat(listed.description()).isEqualTo("role role0");
    assertThat(listed.maxSessionDuration()).isEqualTo(3600);
    assertThat(listed.hasTags()).isFalse();
    assertThat(listed.permissionsBoundary()).isNull();
    assertThat(listed.roleLastUsed()).isNull();

    List<String> odd =
        iam.listRolesPaginator(r -> r.pathPrefix("/odd/").maxItems(1)).roles().stream()
            .map(Role::roleName)
            .toList();
    assertThat(odd).containsExactly("role1", "role3");
  }

  @Test
  void roleTagsAreAddedOverwrittenPagedAndRemoved() {
    iam.createRole(
        r ->
            r.roleName("r")
                .assumeRolePolicyDocument(TRUST)
                .tags(Tag.builder().key("a").value("1").build()));
    iam.tagRole(
        r ->
            r.roleName("r")
                .tags(
                    Tag.builder().key("A").value("2").build(),
                    Tag.builder().key("b").value("3").build()));
    assertThat(iam.listRoleTags(r -> r.roleName("r")).tags())
        .containsExactly(
            Tag.builder().key("A").value("2").build(), Tag.builder().key("b").value("3").build());
    var page = iam.listRoleTags(r -> r.roleName("r").maxItems(1));
    assertThat(page.tags()).extracting(Tag::key).containsExactly("A");
    assertThat(page.isTruncated()).isTrue();
    var rest = iam.listRoleTags(r -> r.roleName("r").maxItems(1).marker(page.marker()));
    assertThat(rest.tags()).extracting(Tag::key).containsExactly("b");
    assertThat(rest.isTruncated()).isFalse();

    iam.untagRole(r -> r.roleName("r").tagKeys("a", "missing"));
    assertThat(iam.listRoleTags(r -> r.roleName("r")).tags())
        .extracting(Tag::key)
        .containsExactly("b");
    assertThat(iam.getRole(r -> r.roleName("r")).role().tags())
        .extracting(Tag::key)
        .containsExactly("b");

    List<Tag> fifty =
        IntStream.range(0, 49)
            .mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
            .toList();
    iam.tagRole(r -> r.roleName("r").tags(fifty));
    expect(
        () ->
            iam.tagRole(
                r -> r.roleName("r").tags(Tag.builder().key("one-more").value("v").build())),
        "LimitExceeded",
        409,
        "Cannot exceed quota for TagsPerRole: 50");
    expect(
        () ->
            iam.tagRole(
                r ->
                    r.roleName("r")
                        .tags(
                            Tag.builder().key("x").value("1").build(),
                            Tag.builder().key("X").value("2").build())),
        "InvalidInput",
        400,
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
  }

  @Test
  void anAccountHoldsAThousandRoles() {
    IntStream.range(0, 1000).forEach(i -> createRole("role" + i));
    expect(
        () -> createRole("one-more"),
        "LimitExceeded",
        409,
        "Cannot exceed quota for RolesPerAccount: 1000");
    expect(
        () -> iam.createServiceLinkedRole(r -> r.awsServiceName("elasticbeanstalk.amazonaws.com")),
        "LimitExceeded",
        409,
        "Cannot exceed quota for RolesPerAccount: 1000");
    iam.deleteRole(r -> r.roleName("role0"));
    createRole("one-more");
  }
}
