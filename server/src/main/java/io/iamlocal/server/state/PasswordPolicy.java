package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import java.util.List;

/**
 * An account password policy (UpdateAccountPasswordPolicy). Members the request omitted take their
 * documented defaults: length 6, no character classes, no expiry, no reuse prevention, users may
 * not change their own password, no hard expiry. {@code null} ages mean "not set"
 * (GetAccountPasswordPolicy then omits them).
 */
public record PasswordPolicy(
    int minimumPasswordLength,
    boolean requireSymbols,
    boolean requireNumbers,
    boolean requireUppercaseCharacters,
    boolean requireLowercaseCharacters,
    boolean allowUsersToChangePassword,
    Integer maxPasswordAge,
    Integer passwordReusePrevention,
    boolean hardExpiry) {

  /** The message AWS sends for every password policy violation. */
  public static final String VIOLATION =
      "Password does not conform to the account password policy.";

  /**
   * The characters the IAM password policy counts as symbols
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html).
   */
  public static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

  /** Rules applied while the account has no custom policy: at least 8 characters of 3 classes. */
  private static final int DEFAULT_MIN_LENGTH = 8;

  private static final int DEFAULT_CLASSES = 3;

  public boolean expirePasswords() {
    return maxPasswordAge != null && maxPasswordAge > 0;
  }

  /**
   * Throws PasswordPolicyViolation when {@code password} breaks this policy's composition rules.
   */
  public void checkComposition(String password) {
    CharacterClasses classes = CharacterClasses.of(password);
    if (password.length() < minimumPasswordLength
        || (requireSymbols && !classes.symbol)
        || (requireNumbers && !classes.digit)
        || (requireUppercaseCharacters && !classes.upper)
        || (requireLowercaseCharacters && !classes.lower)) {
      throw violation();
    }
  }

  /**
   * The default AWS password policy, enforced when no custom policy is set: at least 8 characters
   * with at least three of upper case, lower case, digits and symbols.
   */
  public static void checkDefault(String password) {
    CharacterClasses classes = CharacterClasses.of(password);
    if (password.length() < DEFAULT_MIN_LENGTH || classes.count() < DEFAULT_CLASSES) {
      throw violation();
    }
  }

  /**
   * Throws when {@code password} matches one of the last {@link #passwordReusePrevention}
   * passwords.
   */
  public void checkReuse(String password, List<PasswordHash> previousNewestFirst) {
    if (passwordReusePrevention == null) {
      return;
    }
    int n = Math.min(passwordReusePrevention, previousNewestFirst.size());
    for (int i = 0; i < n; i++) {
      if (previousNewestFirst.get(i).matches(password)) {
        throw violation();
      }
    }
  }

  public static AwsServiceException violation() {
    return new AwsServiceException(AwsErrorCode.PASSWORD_POLICY_VIOLATION, VIOLATION);
  }

  /** Which character classes a password uses. */
  private record CharacterClasses(boolean upper, boolean lower, boolean digit, boolean symbol) {
    static CharacterClasses of(String password) {
      boolean upper = false;
      boolean lower = false;
      boolean digit = false;
      boolean symbol = false;
      for (int i = 0; i < password.length(); i++) {
        char c = password.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          upper = true;
        } else if (c >= 'a' && c <= 'z') {
          lower = true;
        } else if (c >= '0' && c <= '9') {
          digit = true;
        } else if (SYMBOLS.indexOf(c) >= 0) {
          symbol = true;
        }
      }
      return new CharacterClasses(upper, lower, digit, symbol);
    }

    int count() {
      return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
  }
}
