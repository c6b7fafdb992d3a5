package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.User;

/** Finds the user an operation is about: by name, or the caller when the name is omitted. */
public final class IamUsers {
  private IamUsers() {}

  public static User require(AccountState account, String userName) {
    User user = account.users().get(userName);
    if (user == null) {
      throw AwsServiceException.noSuchEntity(
          "The user with name " + userName + " cannot be found.");
    }
    return user;
  }

  /**
   * The named user, else the calling user. Returns null when root calls without a name (root's own
   * credentials are meant); other callers without a name are refused as AWS refuses them.
   */
  public static User targetOrCaller(OperationCall call, String member) {
    String name = call.params().string(member);
    if (name != null) {
      return require(call.account(), name);
    }
    Caller caller = call.caller();
    return switch (caller.kind()) {
      case USER -> caller.user();
      case ROOT -> null;
      default ->
          throw AwsServiceException.validation(
              "Must specify userName when calling with non-User credentials");
    };
  }
}
