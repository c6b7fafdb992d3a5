package io.iamlocal.server.state;

/**
 * Account-wide IAM settings: the account alias, the password policy, the STS global endpoint token
 * version and outbound web identity federation. Guarded by the account lock; read by
 * GetAccountSummary (GlobalEndpointTokenVersion) and STS through {@link #of(AccountState)}.
 */
public final class AccountSettings {
  private String accountAlias;
  private PasswordPolicy passwordPolicy;
  private String globalEndpointTokenVersion = "v1Token";
  private String outboundIssuerIdentifier;

  public static AccountSettings of(AccountState account) {
    return account.extension(AccountSettings.class, a -> new AccountSettings());
  }

  /** The one alias an account can have, or null. */
  public String accountAlias() {
    return accountAlias;
  }

  public void setAccountAlias(String alias) {
    this.accountAlias = alias;
  }

  /** The custom password policy, or null when the account uses AWS's default rules. */
  public PasswordPolicy passwordPolicy() {
    return passwordPolicy;
  }

  public void setPasswordPolicy(PasswordPolicy policy) {
    this.passwordPolicy = policy;
  }

  /**
   * {@code v1Token} (the default) or {@code v2Token}, as SetSecurityTokenServicePreferences stored
   * it.
   */
  public String globalEndpointTokenVersion() {
    return globalEndpointTokenVersion;
  }

  /** The GetAccountSummary {@code GlobalEndpointTokenVersion} value: 1 or 2. */
  public int globalEndpointTokenVersionNumber() {
    return "v2Token".equals(globalEndpointTokenVersion) ? 2 : 1;
  }

  public void setGlobalEndpointTokenVersion(String version) {
    this.globalEndpointTokenVersion = version;
  }

  /** The issuer URL while outbound web identity federation is enabled, else null. */
  public String outboundIssuerIdentifier() {
    return outboundIssuerIdentifier;
  }

  public void setOutboundIssuerIdentifier(String issuer) {
    this.outboundIssuerIdentifier = issuer;
  }

  /** Applies a password check: the custom policy's composition rules, or AWS's default rules. */
  public void checkPasswordComposition(String password) {
    if (passwordPolicy == null) {
      PasswordPolicy.checkDefault(password);
    } else {
      passwordPolicy.checkComposition(password);
    }
  }
}
