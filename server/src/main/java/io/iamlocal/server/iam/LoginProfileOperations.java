package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.grantedByPasswordPolicy;
import static io.iamlocal.server.dispatch.OperationSpec.resource;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountSettings;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.LoginProfile;
import io.iamlocal.server.state.LoginProfiles;
import io.iamlocal.server.state.PasswordHash;
import io.iamlocal.server.state.PasswordPolicy;
import io.iamlocal.server.state.User;
import java.util.Map;

/**
 * Console passwords: Create/Get/Update/DeleteLoginProfile and ChangePassword. Passwords are checked
 * against the account password policy (AWS's default rules when none is set) and kept only as
 * salted PBKDF2 hashes; no operation ever returns one.
 */
public final class LoginProfileOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "CreateLoginProfile", this::createLoginProfile);
    registry.register("iam", "GetLoginProfile", this::getLoginProfile);
    registry.register("iam", "UpdateLoginProfile", this::updateLoginProfile);
    registry.register("iam", "DeleteLoginProfile", this::deleteLoginProfile);
    registry.register(
        "iam",
        "ChangePassword",
        this::changePassword,
        grantedByPasswordPolicy(),
        resource(
            ResourceForm.SELF_USER,
            "the caller changes its own password: the request names no user"));
  }

  private Map<String, ?> createLoginProfile(OperationCall call) {
    Params p = call.params();
    User user = targetUser(call);
    LoginProfiles profiles = LoginProfiles.of(call.account());
    if (profiles.get(user) != null) {
      throw AwsServiceException.alreadyExists(
          "Login Profile for user " + user.userName() + " already exists.");
    }
    // The model makes Password optional for AssumeRoot sessions only; every other caller must send
    // it.
    String password = p.string("Password");
    if (password == null) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null");
    }
    AccountSettings.of(call.account()).checkPasswordComposition(password);
    LoginProfile profile =
        new LoginProfile(
            PasswordHash.of(password), p.bool("PasswordResetRequired", false), call.now());
    profiles.put(user, profile);
    return Struct.of("LoginProfile", view(user, profile));
  }

  private Map<String, ?> getLoginProfile(OperationCall call) {
    User user = targetUser(call);
    return Struct.of("LoginProfile", view(user, require(call, user)));
  }

  private Map<String, ?> updateLoginProfile(OperationCall call) {
    Params p = call.params();
    User user = IamUsers.require(call.account(), p.string("UserName"));
    LoginProfile profile = require(call, user);
    String password = p.string("Password");
    if (password != null) {
      setPassword(call, profile, password);
    }
    if (p.has("PasswordResetRequired")) {
      profile.setPasswordResetRequired(p.bool("PasswordResetRequired"));
    }
    return null;
  }

  private Map<String, ?> deleteLoginProfile(OperationCall call) {
    User user = targetUser(call);
    require(call, user);
    LoginProfiles.of(call.account()).remove(user);
    return null;
  }

  /**
   * ChangePassword changes the caller's own password: only an IAM user can call it, with its
   * current password, and only while the password policy lets users change their passwords.
   */
  private Map<String, ?> changePassword(OperationCall call) {
    Caller caller = call.caller();
    if (caller.kind() != Caller.Kind.USER) {
      throw new AwsServiceException(
          AwsErrorCode.INVALID_USER_TYPE, "Only IAM users can change their own password.");
    }
    User user = caller.user();
    PasswordPolicy policy = AccountSettings.of(call.account()).passwordPolicy();
    if (policy != null && !policy.allowUsersToChangePassword()) {
      throw AwsServiceException.accessDenied(
          "User: "
              + user.arn()
              + " is not authorized to perform: iam:ChangePassword on resource: "
              + user.arn()
              + " because no identity-based policy allows the iam:ChangePassword action");
    }
    LoginProfile profile = require(call, user);
    if (!profile.passwordMatches(call.params().string("OldPassword"))) {
      throw AwsServiceException.accessDenied("The old password is incorrect.");
    }
    setPassword(call, profile, call.params().string("NewPassword"));
    profile.setPasswordResetRequired(false);
    return null;
  }

  /** Checks a new password against the policy (composition, then reuse) and stores its hash. */
  private static void setPassword(OperationCall call, LoginProfile profile, String password) {
    AccountSettings settings = AccountSettings.of(call.account());
    settings.checkPasswordComposition(password);
    if (settings.passwordPolicy() != null) {
      settings.passwordPolicy().checkReuse(password, profile.history());
    }
    profile.changePassword(PasswordHash.of(password), call.now());
  }

  /** The named user, else the calling IAM user; root must name a user. */
  private static User targetUser(OperationCall call) {
    User user = IamUsers.targetOrCaller(call, "UserName");
    if (user == null) {
      throw AwsServiceException.validation(
          "Must specify userName when calling with non-User credentials");
    }
    return user;
  }

  private static LoginProfile require(OperationCall call, User user) {
    LoginProfile profile = LoginProfiles.of(call.account()).get(user);
    if (profile == null) {
      throw AwsServiceException.noSuchEntity(
          "Login Profile for User " + user.userName() + " cannot be found.");
    }
    return profile;
  }

  private static Struct view(User user, LoginProfile profile) {
    return new Struct()
        .with("UserName", user.userName())
        .with("CreateDate", profile.createDate())
        .with("PasswordResetRequired", profile.passwordResetRequired());
  }
}
