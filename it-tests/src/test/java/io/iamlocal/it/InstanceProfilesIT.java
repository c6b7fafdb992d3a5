package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

class InstanceProfilesIT extends WireTest {

  private void createRole(String name) {
    iam.createRole(r -> r.roleName(name).path("/svc/").assumeRolePolicyDocument(RolesIT.TRUST));
  }

  @Test
  void createInstanceProfileReturnsAwsShapedProfile() {
    InstanceProfile profile =
        iam.createInstanceProfile(
                r ->
                    r.instanceProfileName("Webserver")
                        .path("/app/")
                        .tags(Tag.builder().key("env").value("prod").build()))
            .instanceProfile();
    assertThat(profile.instanceProfileName()).isEqualTo("Webserver");
    assertThat(profile.path()).isEqualTo("/app/");
    assertThat(profile.arn()).isEqualTo("arn:aws:iam::123456789012:instance-profile/app/Webserver");
    assertThat(profile.instanceProfileId()).startsWith("AIPA").hasSize(21);
    assertThat(profile.createDate()).isNotNull();
    assertThat(profile.roles()).isEmpty();
    assertThat(profile.tags()).containsExactly(Tag.builder().key("env").value("prod").build());
  }

  @Test
  void anEmptyRoleListIsSentAsAnEmptyElement() {
    HttpResponse<String> created =
        RawHttp.signedForm(
            endpoint(),
            Clients.root(),
            "iam",
            "Action=CreateInstanceProfile&Version=2010-05-08&InstanceProfileName=raw");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).contains("<Roles/>");
    HttpResponse<String> got =
        RawHttp.signedForm(
            endpoint(),
            Clients.root(),
            "iam",
            "Action=GetInstanceProfile&Version=2010-05-08&InstanceProfileName=raw");
    assertThat(created.body()).doesNotContain("<Tags");
    assertThat(got.body())
        .as("GetInstanceProfile always sends Tags (recorded from AWS)")
        .contains("<Roles/>")
        .contains("<Tags/>");
  }

  @Test
  void profileNamesAreUniqueCaseInsensitively() {
    iam.createInstanceProfile(r -> r.instanceProfileName("Web"));
    expect(
        () -> iam.createInstanceProfile(r -> r.instanceProfileName("WEB")),
        "EntityAlreadyExists",
        409,
        "Instance Profile WEB already exists.");
  }

  @Test
  void unknownProfileIsNoSuchEntityEverywhere() {
    createRole("r");
    String message = "Instance Profile ghost cannot be found.";
    expect(
        () -> iam.getInstanceProfile(r -> r.instanceProfileName("ghost")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.deleteInstanceProfile(r -> r.instanceProfileName("ghost")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ghost").roleName("r")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("ghost").roleName("r")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () ->
            iam.tagInstanceProfile(
                r ->
                    r.instanceProfileName("ghost").tags(Tag.builder().key("a").value("b").build())),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.untagInstanceProfile(r -> r.instanceProfileName("ghost").tagKeys("a")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.listInstanceProfileTags(r -> r.instanceProfileName("ghost")),
        "NoSuchEntity",
        404,
        message);
  }

  @Test
  void unknownRoleIsNoSuchEntityForProfileOperations() {
    iam.createInstanceProfile(r -> r.instanceProfileName("ip"));
    String message = "The role with name ghost cannot be found.";
    expect(
        () -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ip").roleName("ghost")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("ip").roleName("ghost")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.listInstanceProfilesForRole(r -> r.roleName("ghost")),
        "NoSuchEntity",
        404,
        message);
  }

  @Test
  void aProfileHoldsOneRole() {
    createRole("web");
    createRole("other");
    iam.createInstanceProfile(r -> r.instanceProfileName("ip"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("IP").roleName("WEB"));
    InstanceProfile profile =
        iam.getInstanceProfile(r -> r.instanceProfileName("ip")).instanceProfile();
    assertThat(profile.roles()).hasSize(1);
    Role role = profile.roles().get(0);
    assertThat(role.roleName()).isEqualTo("web");
    assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/svc/web");
    assertThat(role.roleId()).startsWith("AROA");
    assertThat(role.assumeRolePolicyDocument()).isEqualTo(RolesIT.TRUST_ENCODED);

    String message = "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1";
    expect(
        () -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ip").roleName("other")),
        "LimitExceeded",
        409,
        message);
    expect(
        () -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ip").roleName("web")),
        "LimitExceeded",
        409,
        message);

    iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("ip").roleName("web"));
    assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("ip")).instanceProfile().roles())
        .isEmpty();
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ip").roleName("other"));
    assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("ip")).instanceProfile().roles())
        .extracting(Role::roleName)
        .containsExactly("other");
  }

  @Test
  void removingARoleThatIsNotInTheProfileIsNoSuchEntity() {
    createRole("r");
    iam.createInstanceProfile(r -> r.instanceProfileName("ip"));
    expect(
        () -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("ip").roleName("r")),
        "NoSuchEntity",
        404,
        "Role r in Instance Profile ip cannot be found.");
  }

  @Test
  void deleteInstanceProfileIsRefusedWhileItHoldsARole() {
    createRole("r");
    iam.createInstanceProfile(r -> r.instanceProfileName("ip"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ip").roleName("r"));
    expect(
        () -> iam.deleteInstanceProfile(r -> r.instanceProfileName("ip")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must remove roles from instance profile first.");
    iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("ip").roleName("r"));
    iam.deleteInstanceProfile(r -> r.instanceProfileName("ip"));
    expect(
        () -> iam.getInstanceProfile(r -> r.instanceProfileName("ip")),
        "NoSuchEntity",
        404,
        "Instance Profile ip cannot be found.");
    assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("r")).instanceProfiles()).isEmpty();
  }

  @Test
  void listInstanceProfilesPagesFiltersByPathAndOmitsTags() {
    createRole("r");
    for (int i = 0; i < 5; i++) {
      String name = "ip" + i;
      String path = i % 2 == 0 ? "/even/" : "/odd/";
      iam.createInstanceProfile(
          r ->
              r.instanceProfileName(name)
                  .path(path)
                  .tags(Tag.builder().key("n").value(name).build()));
    }
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ip0").roleName("r"));
    ListInstanceProfilesResponse first = iam.listInstanceProfiles(r -> r.maxItems(2));
    assertThat(first.instanceProfiles())
        .extracting(InstanceProfile::instanceProfileName)
        .containsExactly("ip0", "ip1");
    assertThat(first.isTruncated()).isTrue();
    InstanceProfile listed = first.instanceProfiles().get(0);
    assertThat(listed.roles()).extracting(Role::roleName).containsExactly("r");
    assertThat(listed.hasTags()).isFalse();
    assertThat(listed.arn()).isEqualTo("arn:aws:iam::123456789012:instance-profile/even/ip0");
    ListInstanceProfilesResponse rest =
        iam.listInstanceProfiles(r -> r.maxItems(10).marker(first.marker()));
    assertThat(rest.instanceProfiles())
        .extracting(InstanceProfile::instanceProfileName)
        .containsExactly("ip2", "ip3", "ip4");
    assertThat(rest.isTruncated()).isFalse();
    assertThat(rest.marker()).isNull();

    List<String> odd =
        iam
            .listInstanceProfilesPaginator(r -> r.pathPrefix("/odd/").maxItems(1))
            .instanceProfiles()
            .stream()
            .map(InstanceProfile::instanceProfileName)
            .toList();
    assertThat(odd).containsExactly("ip1", "ip3");
  }

  @Test
  void listInstanceProfilesForRolePagesInNameOrder() {
    createRole("r");
    for (String name : List.of("zeta", "alpha", "mid")) {
      iam.createInstanceProfile(r -> r.instanceProfileName(name));
      iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName("r"));
    }
    ListInstanceProfilesForRoleResponse first =
        iam.listInstanceProfilesForRole(r -> r.roleName("R").maxItems(2));
    assertThat(first.instanceProfiles())
        .extracting(InstanceProfile::instanceProfileName)
        .containsExactly("alpha", "mid");
    assertThat(first.instanceProfiles().get(0).roles())
        .extracting(Role::roleName)
        .containsExactly("r");
    assertThat(first.isTruncated()).isTrue();
    ListInstanceProfilesForRoleResponse rest =
        iam.listInstanceProfilesForRole(r -> r.roleName("r").maxItems(2).marker(first.marker()));
    assertThat(rest.instanceProfiles())
        .extracting(InstanceProfile::instanceProfileName)
        .containsExactly("zeta");
    assertThat(rest.isTruncated()).isFalse();
    createRole("lonely");
    assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("lonely")).instanceProfiles())
        .isEmpty();
  }

  @Test
  void profileTagsAreAddedOverwrittenPagedAndRemoved() {
    iam.createInstanceProfile(
        r -> r.instanceProfileName("ip").tags(Tag.builder().key("a").value("1").build()));
    iam.tagInstanceProfile(
        r ->
            r.instanceProfileName("ip")
                .tags(
                    Tag.builder().key("A").value("2").build(),
                    Tag.builder().key("b").value("3").build()));
    assertThat(iam.listInstanceProfileTags(r -> r.instanceProfileName("ip")).tags())
        .containsExactly(
            Tag.builder().key("A").value("2").build(), Tag.builder().key("b").value("3").build());
    var page = iam.listInstanceProfileTags(r -> r.instanceProfileName("ip").maxItems(1));
    assertThat(page.tags()).extracting(Tag::key).containsExactly("A");
    assertThat(page.isTruncated()).isTrue();
    var rest =
        iam.listInstanceProfileTags(
            r -> r.instanceProfileName("ip").maxItems(1).marker(page.marker()));
    assertThat(rest.tags()).extracting(Tag::key).containsExactly("b");
    iam.untagInstanceProfile(r -> r.instanceProfileName("ip").tagKeys("B"));
    assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("ip")).instanceProfile().tags())
        .containsExactly(Tag.builder().key("A").value("2").build());

    List<Tag> many =
        IntStream.range(0, 49)
            .mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
            .toList();
    iam.tagInstanceProfile(r -> r.instanceProfileName("ip").tags(many));
    expect(
        () ->
            iam.tagInstanceProfile(
                r ->
                    r.instanceProfileName("ip").tags(Tag.builder().key("over").value("v").build())),
        "LimitExceeded",
        409,
        "Cannot exceed quota for TagsPerInstanceProfile: 50");
    expect(
        () ->
            iam.createInstanceProfile(
                r ->
                    r.instanceProfileName("dup")
                        .tags(
                            Tag.builder().key("x").value("1").build(),
                            Tag.builder().key("X").value("2").build())),
        "InvalidInput",
        400,
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
  }

  @Test
  void anAccountHoldsAThousandInstanceProfiles() {
    IntStream.range(0, 1000)
        .forEach(i -> iam.createInstanceProfile(r -> r.instanceProfileName("ip" + i)));
    expect(
        () -> iam.createInstanceProfile(r -> r.instanceProfileName("one-more")),
        "LimitExceeded",
        409,
        "Cannot exceed quota for InstanceProfilesPerAccount: 1000");
    iam.deleteInstanceProfile(r -> r.instanceProfileName("ip0"));
    iam.createInstanceProfile(r -> r.instanceProfileName("one-more"));
  }
}
