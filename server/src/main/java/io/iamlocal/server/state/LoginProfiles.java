package io.iamlocal.server.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The login profiles of an account's users, by user ID (stable across UpdateUser renames, and a
 * re-created user of the same name never inherits an old password). Guarded by the account lock.
 */
public final class LoginProfiles {
  private final Map<String, LoginProfile> byUserId = new HashMap<>();

  public static LoginProfiles of(AccountState account) {
    return account.extension(LoginProfiles.class, a -> new LoginProfiles());
  }

  public LoginProfile get(User user) {
    return byUserId.get(user.userId());
  }

  public void put(User user, LoginProfile profile) {
    byUserId.put(user.userId(), profile);
  }

  public LoginProfile remove(User user) {
    return byUserId.remove(user.userId());
  }
}
