package io.iamlocal.server.state;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One set of temporary credentials issued by STS ({@code ASIA…} key, secret, session token) and
 * everything the session carries: whose it is, until when, and the session policies, tags, source
 * identity and MFA state that authorization reads on every request. Immutable; the policies of the
 * role or user behind it are read at request time, so a deleted role leaves its sessions without
 * permissions.
 */
public final class Session {

  /** Which STS operation made the session, which decides the identity it signs as. */
  public enum Kind {
    /**
     * AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML: {@code assumed-role/ROLE/SESSION}.
     */
    ASSUMED_ROLE,
    /** GetFederationToken: {@code federated-user/NAME}, limited by the session policies. */
    FEDERATED_USER,
    /** GetSessionToken: the calling user (or root) itself, with MFA state. */
    SESSION_TOKEN
  }

  private final String accessKeyId;
  private final String secretAccessKey;

  /**
   * The token is re-derived from this seed when needed, so a live session does not hold it
   * (bench/results/design-measurements.md).
   */
  private final byte[] tokenSeed;

  private final Kind kind;
  private final Partition partition;
  private final String accountId;
  private final long issuedAtSecond;
  private final long expirationSecond;
  private final Role role;
  private final String roleId;
  private final String roleArn;
  private final String sessionName;
  private final User user;
  private final String sessionPolicy;
  private final List<String> policyArns;
  private final List<Tags.Tag> tags;
  private final Set<String> transitiveTagKeys;
  private final String sourceIdentity;
  private final boolean mfaPresent;
  private final Instant mfaAuthTime;
  private final boolean roleChained;
  private final String federatedProvider;

  private Session(Builder b) {
    this.accessKeyId = b.accessKeyId;
    this.secretAccessKey = b.secretAccessKey;
    this.tokenSeed = b.tokenSeed;
    this.kind = b.kind;
    this.partition = b.partition;
    this.accountId = b.accountId;
    this.issuedAtSecond = b.issuedAt.getEpochSecond();
    this.expirationSecond = b.expiration.getEpochSecond();
    this.role = b.role;
    this.roleId = b.role == null ? null : b.role.roleId();
    this.roleArn = b.role == null ? null : b.role.arn();
    this.sessionName = b.sessionName;
    this.user = b.user;
    this.sessionPolicy = b.sessionPolicy;
    this.policyArns = List.copyOf(b.policyArns);
    this.tags = List.copyOf(b.tags);
    this.transitiveTagKeys = Set.copyOf(b.transitiveTagKeys);
    this.sourceIdentity = b.sourceIdentity;
    this.mfaPresent = b.mfaPresent;
    this.mfaAuthTime = b.mfaAuthTime;
    this.roleChained = b.roleChained;
    this.federatedProvider = b.federatedProvider;
  }

  public static Builder builder(Kind kind, Partition partition, String accountId) {
    return new Builder(kind, partition, accountId);
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public String secretAccessKey() {
    return secretAccessKey;
  }

  /** The session token, as issued (derived again from its seed on each call). */
  public String sessionToken() {
    return Sessions.sessionToken(tokenSeed);
  }

  public Kind kind() {
    return kind;
  }

  public String accountId() {
    return accountId;
  }

  public Partition partition() {
    return partition;
  }

  public Instant issuedAt() {
    return Instant.ofEpochSecond(issuedAtSecond);
  }

  public Instant expiration() {
    return Instant.ofEpochSecond(expirationSecond);
  }

  long expirationEpochSecond() {
    return expirationSecond;
  }

  /** Whether {@code now} is at or past the expiration (which is a whole second). */
  public boolean isExpired(Instant now) {
    return now.getEpochSecond() >= expirationSecond;
  }

  /** The role an assumed-role session was issued for (the object of that time), else null. */
  public Role role() {
    return role;
  }

  /** The role's unique ID when the session was issued: a role re-created later has another one. */
  public String roleId() {
    return roleId;
  }

  public String roleArn() {
    return roleArn;
  }

  /** RoleSessionName, or the federated user's Name; null for GetSessionToken. */
  public String sessionName() {
    return sessionName;
  }

  /** The IAM user behind a federated-user or GetSessionToken session; null for roles and root. */
  public User user() {
    return user;
  }

  /** The inline session policy (JSON as given), or null. */
  public String sessionPolicy() {
    return sessionPolicy;
  }

  /** Managed session policies (PolicyArns), resolved at request time. */
  public List<String> policyArns() {
    return policyArns;
  }

  /** True when the session was given session policies (inline or managed). */
  public boolean hasSessionPolicies() {
    return sessionPolicy != null || !policyArns.isEmpty();
  }

  /** Session tags, including transitive tags inherited through role chaining. */
  public List<Tags.Tag> tags() {
    return tags;
  }

  /** Lower-case keys of the transitive session tags. */
  public Set<String> transitiveTagKeys() {
    return transitiveTagKeys;
  }

  public String sourceIdentity() {
    return sourceIdentity;
  }

  /** Whether MFA was verified when the session was requested (aws:MultiFactorAuthPresent). */
  public boolean mfaPresent() {
    return mfaPresent;
  }

  public Instant mfaAuthTime() {
    return mfaAuthTime;
  }

  /** Whether the session came from AssumeRole called with another role session. */
  public boolean roleChained() {
    return roleChained;
  }

  /** The identity provider ARN of a web identity or SAML session, else null. */
  public String federatedProvider() {
    return federatedProvider;
  }

  /**
   * {@code arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION} or {@code …:federated-user/NAME};
   * null otherwise.
   */
  public String stsArn() {
    return switch (kind) {
      case ASSUMED_ROLE ->
          Arns.sts(partition, accountId, "assumed-role/" + role.roleName() + "/" + sessionName);
      case FEDERATED_USER -> Arns.sts(partition, accountId, "federated-user/" + sessionName);
      case SESSION_TOKEN -> null;
    };
  }

  /** {@code AROA…:SESSION} or {@code ACCOUNT:NAME}; null for GetSessionToken sessions. */
  public String stsUserId() {
    return switch (kind) {
      case ASSUMED_ROLE -> roleId + ":" + sessionName;
      case FEDERATED_USER -> accountId + ":" + sessionName;
      case SESSION_TOKEN -> null;
    };
  }

  /** Keeps secrets out of logs. */
  @Override
  public String toString() {
    return "Session[" + kind + ", " + accessKeyId + ", expires " + expiration() + "]";
  }

  /** Assembles a session; the credentials, times and kind-specific fields must be set. */
  public static final class Builder {
    private final Kind kind;
    private final Partition partition;
    private final String accountId;
    private String accessKeyId;
    private String secretAccessKey;
    private byte[] tokenSeed;
    private Instant issuedAt;
    private Instant expiration;
    private Role role;
    private String sessionName;
    private User user;
    private String sessionPolicy;
    private List<String> policyArns = List.of();
    private List<Tags.Tag> tags = List.of();
    private Set<String> transitiveTagKeys = Set.of();
    private String sourceIdentity;
    private boolean mfaPresent;
    private Instant mfaAuthTime;
    private boolean roleChained;
    private String federatedProvider;

    private Builder(Kind kind, Partition partition, String accountId) {
      this.kind = kind;
      this.partition = partition;
      this.accountId = accountId;
    }

    /** The key pair and the seed of the session token ({@link Sessions#newTokenSeed}). */
    public Builder credentials(String keyId, String secret, byte[] sessionTokenSeed) {
      this.accessKeyId = keyId;
      this.secretAccessKey = secret;
      this.tokenSeed = sessionTokenSeed.clone();
      return this;
    }

    /** Issue and expiration times; STS reports whole seconds, so fractions are dropped. */
    public Builder validity(Instant issued, Instant expires) {
      this.issuedAt = issued;
      this.expiration = expires;
      return this;
    }

    public Builder role(Role value, String name) {
      this.role = value;
      this.sessionName = name;
      return this;
    }

    public Builder federatedUser(User parent, String name) {
      this.user = parent;
      this.sessionName = name;
      return this;
    }

    public Builder user(User value) {
      this.user = value;
      return this;
    }

    public Builder sessionPolicies(String inline, List<String> arns) {
      this.sessionPolicy = inline;
      this.policyArns = arns;
      return this;
    }

    public Builder tags(List<Tags.Tag> value, Set<String> transitiveLowerCaseKeys) {
      this.tags = value;
      this.transitiveTagKeys = transitiveLowerCaseKeys;
      return this;
    }

    public Builder sourceIdentity(String value) {
      this.sourceIdentity = value;
      return this;
    }

    public Builder mfa(boolean present, Instant authTime) {
      this.mfaPresent = present;
      this.mfaAuthTime = authTime;
      return this;
    }

    public Builder roleChained(boolean value) {
      this.roleChained = value;
      return this;
    }

    public Builder federatedProvider(String providerArn) {
      this.federatedProvider = providerArn;
      return this;
    }

    public Session build() {
      return new Session(this);
    }
  }
}
