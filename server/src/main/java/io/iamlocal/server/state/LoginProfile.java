package io.iamlocal.server.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's console password (login profile): only its salted hash, when it was set, and whether the
 * user must change it at next sign-in. Earlier hashes are kept, newest first, for the password
 * policy's PasswordReusePrevention (at most 24, the policy's upper bound).
 */
public final class LoginProfile {
  static final int HISTORY = 24;
  private final Instant createDate;
  private PasswordHash password;
  private Instant passwordLastChanged;
  private boolean passwordResetRequired;
  private final List<PasswordHash> previous = new ArrayList<>();

  public LoginProfile(PasswordHash password, boolean passwordResetRequired, Instant now) {
    this.createDate = now;
    this.password = password;
    this.passwordLastChanged = now;
    this.passwordResetRequired = passwordResetRequired;
  }

  public Instant createDate() {
    return createDate;
  }

  /** False for a profile created without a password (console sign-in stays disabled). */
  public boolean hasPassword() {
    return password != null;
  }

  public boolean passwordMatches(String candidate) {
    return password != null && password.matches(candidate);
  }

  /** The current password first, then earlier ones, newest first. */
  public List<PasswordHash> history() {
    List<PasswordHash> all = new ArrayList<>(previous.size() + 1);
    if (password != null) {
      all.add(password);
    }
    all.addAll(previous);
    return all;
  }

  public void changePassword(PasswordHash newPassword, Instant now) {
    if (password != null) {
      previous.add(0, password);
      if (previous.size() > HISTORY) {
        previous.remove(previous.size() - 1);
      }
    }
    password = newPassword;
    passwordLastChanged = now;
  }

  public Instant passwordLastChanged() {
    return passwordLastChanged;
  }

  public boolean passwordResetRequired() {
    return passwordResetRequired;
  }

  public void setPasswordResetRequired(boolean required) {
    this.passwordResetRequired = required;
  }
}
