package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

class UsersIT extends WireTest {

  @Test
  void createUserReturnsAwsShapedIdentity() {
    User user =
        iam.createUser(
                r ->
                    r.userName("alice")
                        .path("/team/")
                        .tags(Tag.builder().key("team").value("red").build()))
            .user();
    assertThat(user.userName()).isEqualTo("alice");
    assertThat(user.path()).isEqualTo("/team/");
    assertThat(user.arn()).isEqualTo("arn:aws:iam::123456789012:user/team/alice");
    assertThat(user.userId()).startsWith("AIDA").hasSize(21);
    assertThat(user.createDate()).isNotNull();
    assertThat(user.tags()).containsExactly(Tag.builder().key("team").value("red").build());
  }

  @Test
  void namesAreUniqueCaseInsensitively() {
    iam.createUser(r -> r.userName("Alice"));
    IamException e =
        catchThrowableOfType(() -> iam.createUser(r -> r.userName("alice")), IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("User with name alice already exists.");
  }

  @Test
  void unknownUserIsNoSuchEntityWithAwsMessage() {
    IamException e =
        catchThrowableOfType(() -> iam.getUser(r -> r.userName("ghost")), IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The user with name ghost cannot be found.");
  }

  @Test
  void getUserWithoutNameReturnsTheCaller() {
    var key = readerWithKey("alice");
    try (IamClient asAlice = Clients.iam(endpoint(), credentialsOf(key))) {
      assertThat(asAlice.getUser().user().userName()).isEqualTo("alice");
    }
    User root = iam.getUser().user();
    assertThat(root.arn()).isEqualTo("arn:aws:iam::123456789012:root");
    assertThat(root.userId()).isEqualTo("123456789012");
  }

  @Test
  void callerWithoutPermissionIsDeniedWithAwsMessage() {
    var key = userWithKey("mallory");
    try (IamClient asMallory = Clients.iam(endpoint(), credentialsOf(key))) {
      IamException e = catchThrowableOfType(asMallory::getUser, IamException.class);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo(
              "User: arn:aws:iam::123456789012:user/mallory is not authorized "
                  + "to perform: iam:GetUser on resource: arn:aws:iam::123456789012:user/mallory because no identity-based policy allows the iam:GetUser action");
    }
  }

  @Test
  void updateUserRenamesAndMoves() {
    iam.createUser(r -> r.userName("bob"));
    iam.updateUser(r -> r.userName("bob").newUserName("robert").newPath("/ops/"));
    User user = iam.getUser(r -> r.userName("ROBERT")).user();
    assertThat(user.userName()).isEqualTo("robert");
    assertThat(user.arn()).isEqualTo("arn:aws:iam::123456789012:user/ops/robert");
    assertThat(
            catchThrowableOfType(() -> iam.getUser(r -> r.userName("bob")), IamException.class)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void renameOntoAnExistingNameIsRefused() {
    iam.createUser(r -> r.userName("a"));
    iam.createUser(r -> r.userName("b"));
    IamException e =
        catchThrowableOfType(
            () -> iam.updateUser(r -> r.userName("a").newUserName("B")), IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
  }

  @Test
  void deleteUserIsRefusedWhileKeysRemain() {
    var key = userWithKey("carol");
    IamException e =
        catchThrowableOfType(() -> iam.deleteUser(r -> r.userName("carol")), IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
    assertThat(e.statusCode()).isEqualTo(409);
    iam.deleteAccessKey(r -> r.userName("carol").accessKeyId(key.accessKeyId()));
    iam.deleteUser(r -> r.userName("carol"));
    assertThat(iam.listUsers().users()).isEmpty();
  }

  @Test
  void listUsersPagesWithMarkerAndFiltersByPath() {
    for (int i = 0; i < 7; i++) {
      String name = "user" + i;
      String path = i % 2 == 0 ? "/even/" : "/odd/";
      iam.createUser(r -> r.userName(name).path(path));
    }
    ListUsersResponse first = iam.listUsers(r -> r.maxItems(3));
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.marker()).isNotBlank();
    assertThat(first.users()).extracting(User::userName).containsExactly("user0", "user1", "user2");
    ListUsersResponse second = iam.listUsers(r -> r.maxItems(3).marker(first.marker()));
    assertThat(second.users())
        .extracting(User::userName)
        .containsExactly("user3", "user4", "user5");
    ListUsersResponse last = iam.listUsers(r -> r.maxItems(3).marker(second.marker()));
    assertThat(last.users()).extracting(User::userName).containsExactly("user6");
    assertThat(last.isTruncated()).isFalse();
    assertThat(last.marker()).isNull();

    List<String> all =
        iam.listUsersPaginator(r -> r.pathPrefix("/even/").maxItems(1)).users().stream()
            .map(User::userName)
            .toList();
    assertThat(all).containsExactly("user0", "user2", "user4", "user6");
  }

  @Test
  void forgedMarkerIsRejected() {
    IamException e =
        catchThrowableOfType(
            () -> iam.listUsers(r -> r.marker("bm90LWEtbWFya2Vy")), IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
  }

  @Test
  void invalidInputGetsCoralValidationMessage() {
    IamException e =
        catchThrowableOfType(() -> iam.createUser(r -> r.userName("bad name")), IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo(
            "1 validation error detected: Value at 'userName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
  }

  @Test
  void tagsAreAddedOverwrittenListedAndRemoved() {
    iam.createUser(r -> r.userName("dave").tags(Tag.builder().key("a").value("1").build()));
    iam.tagUser(
        r ->
            r.userName("dave")
                .tags(
                    Tag.builder().key("A").value("2").build(),
                    Tag.builder().key("b").value("3").build()));
    assertThat(iam.listUserTags(r -> r.userName("dave")).tags())
        .containsExactly(
            Tag.builder().key("A").value("2").build(), Tag.builder().key("b").value("3").build());
    iam.untagUser(r -> r.userName("dave").tagKeys("a"));
    assertThat(iam.listUserTags(r -> r.userName("dave")).tags())
        .extracting(Tag::key)
        .containsExactly("b");
    var page = iam.listUserTags(r -> r.userName("dave").maxItems(1));
    assertThat(page.isTruncated()).isFalse();
  }

  @Test
  void moreThanFiftyTagsAreRefused() {
    iam.createUser(r -> r.userName("erin"));
    List<Tag> fifty =
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
            .toList();
    iam.tagUser(r -> r.userName("erin").tags(fifty));
    IamException e =
        catchThrowableOfType(
            () ->
                iam.tagUser(
                    r -> r.userName("erin").tags(Tag.builder().key("one-more").value("v").build())),
            IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded");
    IamException dup =
        catchThrowableOfType(
            () ->
                iam.tagUser(
                    r ->
                        r.userName("erin")
                            .tags(
                                Tag.builder().key("x").value("1").build(),
                                Tag.builder().key("X").value("2").build())),
            IamException.class);
    assertThat(dup.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
  }
}
