package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static io.iamlocal.it.IamErrors.setUpWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.User;

class GroupsIT extends WireTest {
  private static final String IDENTITY_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

  @Test
  void createGroupReturnsAwsShapedGroup() {
    Group group = iam.createGroup(r -> r.groupName("Admins").path("/ops/")).group();
    assertThat(group.groupName()).isEqualTo("Admins");
    assertThat(group.path()).isEqualTo("/ops/");
    assertThat(group.arn()).isEqualTo("arn:aws:iam::123456789012:group/ops/Admins");
    assertThat(group.groupId()).startsWith("AGPA").hasSize(21);
    assertThat(group.createDate()).isNotNull();
    Group root = iam.createGroup(r -> r.groupName("Devs")).group();
    assertThat(root.path()).isEqualTo("/");
    assertThat(root.arn()).isEqualTo("arn:aws:iam::123456789012:group/Devs");
  }

  @Test
  void groupNamesAreUniqueCaseInsensitively() {
    iam.createGroup(r -> r.groupName("Admins"));
    expect(
        () -> iam.createGroup(r -> r.groupName("ADMINS")),
        "EntityAlreadyExists",
        409,
        "Group with name ADMINS already exists.");
  }

  @Test
  void unknownGroupIsNoSuchEntityEverywhere() {
    iam.createUser(r -> r.userName("alice"));
    String message = "The group with name ghost cannot be found.";
    expect(() -> iam.getGroup(r -> r.groupName("ghost")), "NoSuchEntity", 404, message);
    expect(
        () -> iam.updateGroup(r -> r.groupName("ghost").newPath("/x/")),
        "NoSuchEntity",
        404,
        message);
    expect(() -> iam.deleteGroup(r -> r.groupName("ghost")), "NoSuchEntity", 404, message);
    expect(
        () -> iam.addUserToGroup(r -> r.groupName("ghost").userName("alice")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.removeUserFromGroup(r -> r.groupName("ghost").userName("alice")),
        "NoSuchEntity",
        404,
        message);
  }

  @Test
  void unknownUserIsNoSuchEntityForMembershipOperations() {
    iam.createGroup(r -> r.groupName("g"));
    String message = "The user with name ghost cannot be found.";
    expect(
        () -> iam.addUserToGroup(r -> r.groupName("g").userName("ghost")),
        "NoSuchEntity",
        404,
        message);
    expect(
        () -> iam.removeUserFromGroup(r -> r.groupName("g").userName("ghost")),
        "NoSuchEntity",
        404,
        message);
    expect(() -> iam.listGroupsForUser(r -> r.userName("ghost")), "NoSuchEntity", 404, message);
  }

  @Test
  void getGroupReturnsTheGroupAndPagesItsMembersInNameOrder() {
    iam.createGroup(r -> r.groupName("team"));
    for (String name : List.of("erin", "bob", "dave", "alice", "carol")) {
      iam.createUser(r -> r.userName(name).path("/people/"));
      iam.addUserToGroup(r -> r.groupName("team").userName(name));
    }
    GetGroupResponse first = iam.getGroup(r -> r.groupName("TEAM").maxItems(2));
    assertThat(first.group().groupName()).isEqualTo("team");
    assertThat(first.group().arn()).isEqualTo("arn:aws:iam::123456789012:group/team");
    assertThat(first.users()).extracting(User::userName).containsExactly("alice", "bob");
    assertThat(first.users().get(0).arn()).isEqualTo("arn:aws:iam::123456789012:user/people/alice");
    assertThat(first.users().get(0).userId()).startsWith("AIDA");
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.marker()).isNotBlank();
    GetGroupResponse second =
        iam.getGroup(r -> r.groupName("team").maxItems(2).marker(first.marker()));
    assertThat(second.users()).extracting(User::userName).containsExactly("carol", "dave");
    GetGroupResponse last =
        iam.getGroup(r -> r.groupName("team").maxItems(2).marker(second.marker()));
    assertThat(last.users()).extracting(User::userName).containsExactly("erin");
    assertThat(last.isTruncated()).isFalse();
    assertThat(last.marker()).isNull();

    List<String> all =
        iam.getGroupPaginator(r -> r.groupName("team").maxItems(1)).users().stream()
            .map(User::userName)
            .toList();
    assertThat(all).containsExactly("alice", "bob", "carol", "dave", "erin");
  }

  @Test
  void getGroupOfAnEmptyGroupHasNoUsers() {
    iam.createGroup(r -> r.groupName("empty"));
    GetGroupResponse response = iam.getGroup(r -> r.groupName("empty"));
    assertThat(response.users()).isEmpty();
    assertThat(response.isTruncated()).isFalse();
  }

  @Test
  void updateGroupRenamesAndMovesAndKeepsMembers() {
    iam.createGroup(r -> r.groupName("old"));
    iam.createUser(r -> r.userName("alice"));
    iam.addUserToGroup(r -> r.groupName("old").userName("alice"));
    iam.updateGroup(r -> r.groupName("old").newGroupName("new").newPath("/moved/"));
    GetGroupResponse moved = iam.getGroup(r -> r.groupName("new"));
    assertThat(moved.group().path()).isEqualTo("/moved/");
    assertThat(moved.group().arn()).isEqualTo("arn:aws:iam::123456789012:group/moved/new");
    assertThat(moved.users()).extracting(User::userName).containsExactly("alice");
    assertThat(iam.listGroupsForUser(r -> r.userName("alice")).groups())
        .extracting(Group::groupName)
        .containsExactly("new");
    expect(
        () -> iam.getGroup(r -> r.groupName("old")),
        "NoSuchEntity",
        404,
        "The group with name old cannot be found.");

    iam.updateGroup(r -> r.groupName("new").newPath("/again/"));
    assertThat(iam.getGroup(r -> r.groupName("new")).group().path()).isEqualTo("/again/");
    iam.updateGroup(r -> r.groupName("new").newGroupName("New"));
    assertThat(iam.getGroup(r -> r.groupName("new")).group().groupName()).isEqualTo("New");
  }

  @Test
  void renameOntoAnExistingGroupIsRefused() {
    iam.createGroup(r -> r.groupName("a"));
    iam.createGroup(r -> r.groupName("b"));
    expect(
        () -> iam.updateGroup(r -> r.groupName("a").newGroupName("B")),
        "EntityAlreadyExists",
        409,
        "Group with name B already exists.");
    assertThat(iam.getGroup(r -> r.groupName("a")).group().groupName()).isEqualTo("a");
  }

  @Test
  void deleteGroupIsRefusedWhileItHasMembers() {
    iam.createGroup(r -> r.groupName("g"));
    iam.createUser(r -> r.userName("alice"));
    iam.addUserToGroup(r -> r.groupName("g").userName("alice"));
    expect(
        () -> iam.deleteGroup(r -> r.groupName("g")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must remove users from group first.");
    iam.removeUserFromGroup(r -> r.groupName("g").userName("alice"));
    iam.deleteGroup(r -> r.groupName("g"));
    assertThat(iam.listGroups().groups()).isEmpty();
    assertThat(iam.listGroupsForUser(r -> r.userName("alice")).groups()).isEmpty();
  }

  @Test
  void deleteGroupIsRefusedWhileItHasInlinePolicies() {
    iam.createGroup(r -> r.groupName("g"));
    setUpWith(
        () ->
            iam.putGroupPolicy(
                r -> r.groupName("g").policyName("p").policyDocument(IDENTITY_POLICY)));
    expect(
        () -> iam.deleteGroup(r -> r.groupName("g")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must delete policies first.");
    iam.deleteGroupPolicy(r -> r.groupName("g").policyName("p"));
    iam.deleteGroup(r -> r.groupName("g"));
  }

  @Test
  void deleteGroupIsRefusedWhileItHasAttachedPolicies() {
    iam.createGroup(r -> r.groupName("g"));
    String[] arn = new String[1];
    setUpWith(
        () ->
            arn[0] =
                iam.createPolicy(r -> r.policyName("managed").policyDocument(IDENTITY_POLICY))
                    .policy()
                    .arn());
    setUpWith(() -> iam.attachGroupPolicy(r -> r.groupName("g").policyArn(arn[0])));
    expect(
        () -> iam.deleteGroup(r -> r.groupName("g")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must detach all policies first.");
    iam.detachGroupPolicy(r -> r.groupName("g").policyArn(arn[0]));
    iam.deleteGroup(r -> r.groupName("g"));
  }

  @Test
  void listGroupsPagesAndFiltersByPath() {
    for (int i = 0; i < 7; i++) {
      String name = "group" + i;
      String path = i % 2 == 0 ? "/even/" : "/odd/";
      iam.createGroup(r -> r.groupName(name).path(path));
    }
    ListGroupsResponse first = iam.listGroups(r -> r.maxItems(3));
    assertThat(first.groups())
        .extracting(Group::groupName)
        .containsExactly("group0", "group1", "group2");
    assertThat(first.isTruncated()).isTrue();
    ListGroupsResponse second = iam.listGroups(r -> r.maxItems(3).marker(first.marker()));
    assertThat(second.groups())
        .extracting(Group::groupName)
        .containsExactly("group3", "group4", "group5");
    ListGroupsResponse last = iam.listGroups(r -> r.maxItems(3).marker(second.marker()));
    assertThat(last.groups()).extracting(Group::groupName).containsExactly("group6");
    assertThat(last.isTruncated()).isFalse();
    assertThat(last.marker()).isNull();

    List<String> odd =
        iam.listGroupsPaginator(r -> r.pathPrefix("/odd/").maxItems(1)).groups().stream()
            .map(Group::groupName)
            .toList();
    assertThat(odd).containsExactly("group1", "group3", "group5");
    assertThat(iam.listGroups(r -> r.pathPrefix("/none/")).groups()).isEmpty();
  }

  @Test
  void addUserToGroupTwiceIsHarmless() {
    iam.createGroup(r -> r.groupName("g"));
    iam.createUser(r -> r.userName("alice"));
    iam.addUserToGroup(r -> r.groupName("g").userName("alice"));
    iam.addUserToGroup(r -> r.groupName("G").userName("ALICE"));
    assertThat(iam.getGroup(r -> r.groupName("g")).users())
        .extracting(User::userName)
        .containsExactly("alice");
    assertThat(iam.listGroupsForUser(r -> r.userName("alice")).groups()).hasSize(1);
  }

  /**
   * Recorded from AWS: removing a non-member succeeds, and the user is looked up before the group.
   */
  @Test
  void removingANonMemberSucceedsAndTheUserIsLookedUpFirst() {
    iam.createGroup(r -> r.groupName("g"));
    iam.createUser(r -> r.userName("alice"));
    iam.removeUserFromGroup(r -> r.groupName("g").userName("alice"));
    assertThat(iam.getGroup(r -> r.groupName("g")).users()).isEmpty();
    expect(
        () -> iam.removeUserFromGroup(r -> r.groupName("nope").userName("bob")),
        "NoSuchEntity",
        404,
        "The user with name bob cannot be found.");
    expect(
        () -> iam.addUserToGroup(r -> r.groupName("nope").userName("bob")),
        "NoSuchEntity",
        404,
        "The user with name bob cannot be found.");
  }

  @Test
  void listGroupsForUserPagesInNameOrder() {
    iam.createUser(r -> r.userName("alice"));
    for (String name : List.of("zeta", "alpha", "mid", "beta")) {
      iam.createGroup(r -> r.groupName(name).path("/p/"));
      iam.addUserToGroup(r -> r.groupName(name).userName("alice"));
    }
    ListGroupsForUserResponse first = iam.listGroupsForUser(r -> r.userName("alice").maxItems(3));
    assertThat(first.groups()).extracting(Group::groupName).containsExactly("alpha", "beta", "mid");
    assertThat(first.groups().get(0).arn()).isEqualTo("arn:aws:iam::123456789012:group/p/alpha");
    assertThat(first.isTruncated()).isTrue();
    ListGroupsForUserResponse rest =
        iam.listGroupsForUser(r -> r.userName("alice").maxItems(3).marker(first.marker()));
    assertThat(rest.groups()).extracting(Group::groupName).containsExactly("zeta");
    assertThat(rest.isTruncated()).isFalse();
    iam.createUser(r -> r.userName("bob"));
    assertThat(iam.listGroupsForUser(r -> r.userName("bob")).groups()).isEmpty();
  }

  @Test
  void aUserCanBeInTenGroupsAtMost() {
    iam.createUser(r -> r.userName("alice"));
    for (int i = 0; i < 11; i++) {
      String name = "g" + i;
      iam.createGroup(r -> r.groupName(name));
    }
    for (int i = 0; i < 10; i++) {
      String name = "g" + i;
      iam.addUserToGroup(r -> r.groupName(name).userName("alice"));
    }
    expect(
        () -> iam.addUserToGroup(r -> r.groupName("g10").userName("alice")),
        "LimitExceeded",
        409,
        "Cannot exceed quota for GroupsPerUser: 10");
    iam.removeUserFromGroup(r -> r.groupName("g0").userName("alice"));
    iam.addUserToGroup(r -> r.groupName("g10").userName("alice"));
  }

  @Test
  void anAccountHoldsThreeHundredGroups() {
    IntStream.range(0, 300).forEach(i -> iam.createGroup(r -> r.groupName("g" + i)));
    expect(
        () -> iam.createGroup(r -> r.groupName("one-more")),
        "LimitExceeded",
        409,
        "Cannot exceed quota for GroupsPerAccount: 300");
    iam.deleteGroup(r -> r.groupName("g0"));
    iam.createGroup(r -> r.groupName("one-more"));
  }

  @Test
  void deleteUserIsRefusedWhileTheUserIsInAGroup() {
    iam.createGroup(r -> r.groupName("g"));
    iam.createUser(r -> r.userName("alice"));
    iam.addUserToGroup(r -> r.groupName("g").userName("alice"));
    expect(
        () -> iam.deleteUser(r -> r.userName("alice")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must remove users from group first.");
    iam.removeUserFromGroup(r -> r.groupName("g").userName("alice"));
    iam.deleteUser(r -> r.userName("alice"));
    assertThat(iam.getGroup(r -> r.groupName("g")).users()).isEmpty();
  }

  @Test
  void deleteUserIsRefusedWhileTheUserHasInlinePolicies() {
    iam.createUser(r -> r.userName("alice"));
    setUpWith(
        () ->
            iam.putUserPolicy(
                r -> r.userName("alice").policyName("p").policyDocument(IDENTITY_POLICY)));
    expect(
        () -> iam.deleteUser(r -> r.userName("alice")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must delete policies first.");
    iam.deleteUserPolicy(r -> r.userName("alice").policyName("p"));
    iam.deleteUser(r -> r.userName("alice"));
  }

  @Test
  void deleteUserIsRefusedWhileTheUserHasAttachedPolicies() {
    iam.createUser(r -> r.userName("alice"));
    String[] arn = new String[1];
    setUpWith(
        () ->
            arn[0] =
                iam.createPolicy(r -> r.policyName("managed").policyDocument(IDENTITY_POLICY))
                    .policy()
                    .arn());
    setUpWith(() -> iam.attachUserPolicy(r -> r.userName("alice").policyArn(arn[0])));
    expect(
        () -> iam.deleteUser(r -> r.userName("alice")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must detach all policies first.");
    iam.detachUserPolicy(r -> r.userName("alice").policyArn(arn[0]));
    iam.deleteUser(r -> r.userName("alice"));
  }

  @Test
  void renamedUserStaysAMember() {
    iam.createGroup(r -> r.groupName("g"));
    iam.createUser(r -> r.userName("alice"));
    iam.addUserToGroup(r -> r.groupName("g").userName("alice"));
    iam.updateUser(r -> r.userName("alice").newUserName("alicia"));
    assertThat(iam.getGroup(r -> r.groupName("g")).users())
        .extracting(User::userName)
        .containsExactly("alicia");
  }
}
