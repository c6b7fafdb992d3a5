package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LoginProfile;

class LoginProfilesIT extends WireTest {
  private static final String GOOD = "Initial-Pass-1";

  @Test
  void createGetUpdateDeleteLoginProfile() {
    iam.createUser(r -> r.userName("bob"));
    LoginProfile created =
        iam.createLoginProfile(r -> r.userName("bob").password(GOOD).passwordResetRequired(true))
            .loginProfile();
    assertThat(created.userName()).isEqualTo("bob");
    assertThat(created.passwordResetRequired()).isTrue();
    assertThat(created.createDate()).isNotNull();

    assertThat(iam.getLoginProfile(r -> r.userName("bob")).loginProfile().passwordResetRequired())
        .isTrue();
    iam.updateLoginProfile(r -> r.userName("bob").passwordResetRequired(false));
    assertThat(iam.getLoginProfile(r -> r.userName("bob")).loginProfile().passwordResetRequired())
        .isFalse();

    iam.deleteLoginProfile(r -> r.userName("bob"));
    IamException e =
        catchThrowableOfType(() -> iam.getLoginProfile(r -> r.userName("bob")), IamException.class);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Login Profile for User bob cannot be found.");
  }

  @Test
  void secondLoginProfileIsRefused() {
    iam.createUser(r -> r.userName("bob"));
    iam.createLoginProfile(r -> r.userName("bob").password(GOOD));
    IamException e =
        catchThrowableOfType(
            () -> iam.createLoginProfile(r -> r.userName("bob").password(GOOD)),
            IamException.class);
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
  }

  @Test
  void unknownUserIsNoSuchEntity() {
    IamException e =
        catchThrowableOfType(
            () -> iam.createLoginProfile(r -> r.userName("ghost").password(GOOD)),
            IamException.class);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The user with name ghost cannot be found.");
  }

  @Test
  void weakPasswordViolatesTheDefaultPolicy() {
    iam.createUser(r -> r.userName("bob"));
    IamException e =
        catchThrowableOfType(
            () -> iam.createLoginProfile(r -> r.userName("bob").password("password")),
            IamException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PasswordPolicyViolation");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Password does not conform to the account password policy.");
  }

  @Test
  void deleteUserIsRefusedWhileALoginProfileExists() {
    iam.createUser(r -> r.userName("carol"));
    iam.createLoginProfile(r -> r.userName("carol").password(GOOD));
    IamException e =
        catchThrowableOfType(() -> iam.deleteUser(r -> r.userName("carol")), IamException.class);
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot delete entity, must delete login profile first.");
    iam.deleteLoginProfile(r -> r.userName("carol"));
    iam.deleteUser(r -> r.userName("carol"));
  }

  @Test
  void usersChangeTheirOwnPasswordWithTheOldOne() {
    var key = userWithKey("dave");
    allow("dave", "iam:GetLoginProfile");
    iam.createLoginProfile(r -> r.userName("dave").password(GOOD).passwordResetRequired(true));
    try (IamClient asDave = Clients.iam(endpoint(), credentialsOf(key))) {
      IamException wrong =
          catchThrowableOfType(
              () ->
                  asDave.changePassword(
                      r -> r.oldPassword("Not-The-Pass-1").newPassword("Second-Pass-2")),
              IamException.class);
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(wrong.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");

      IamException weak =
          catchThrowableOfType(
              () -> asDave.changePassword(r -> r.oldPassword(GOOD).newPassword("weak")),
              IamException.class);
      assertThat(weak.awsErrorDetails().errorCode()).isEqualTo("PasswordPolicyViolation");

      asDave.changePassword(r -> r.oldPassword(GOOD).newPassword("Second-Pass-2"));
      // The old password no longer works; the new one does.
      IamException stale =
          catchThrowableOfType(
              () -> asDave.changePassword(r -> r.oldPassword(GOOD).newPassword("Third-Pass-3")),
              IamException.class);
      assertThat(stale.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      asDave.changePassword(r -> r.oldPassword("Second-Pass-2").newPassword("Third-Pass-3"));
      assertThat(asDave.getLoginProfile(r -> {}).loginProfile().passwordResetRequired()).isFalse();
    }
  }

  @Test
  void rootCannotUseChangePassword() {
    IamException e =
        catchThrowableOfType(
            () -> iam.changePassword(r -> r.oldPassword(GOOD).newPassword("Other-Pass-2")),
            IamException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidUserType");
  }

  @Test
  void changePasswordFollowsAllowUsersToChangePassword() {
    var key = userWithKey("erin");
    iam.createLoginProfile(r -> r.userName("erin").password(GOOD));
    iam.updateAccountPasswordPolicy(
        r -> r.minimumPasswordLength(8).allowUsersToChangePassword(false));
    try (IamClient asErin = Clients.iam(endpoint(), credentialsOf(key))) {
      IamException e =
          catchThrowableOfType(
              () -> asErin.changePassword(r -> r.oldPassword(GOOD).newPassword("Second-Pass-2")),
              IamException.class);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      iam.updateAccountPasswordPolicy(
          r -> r.minimumPasswordLength(8).allowUsersToChangePassword(true));
      asErin.changePassword(r -> r.oldPassword(GOOD).newPassword("Second-Pass-2"));
    }
  }

  @Test
  void passwordsNeverComeBackOnTheWire() {
    iam.createUser(r -> r.userName("frank"));
    HttpResponse<String> r =
        RawHttp.signedForm(
            endpoint(),
            Clients.root(),
            "iam",
            "Action=CreateLoginProfile&Version=2010-05-08&UserName=frank&Password=Visible-Secret-77");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<UserName>frank</UserName>")
        .doesNotContain("Visible-Secret-77")
        .doesNotContain("pbkdf2");
  }

  @Test
  void callerWithoutUserNameGetsItsOwnProfile() {
    var key = userWithKey("gina");
    allow("gina", "iam:GetLoginProfile");
    iam.createLoginProfile(r -> r.userName("gina").password(GOOD));
    try (IamClient asGina = Clients.iam(endpoint(), credentialsOf(key))) {
      assertThat(asGina.getLoginProfile(r -> {}).loginProfile().userName()).isEqualTo("gina");
    }
  }
}
