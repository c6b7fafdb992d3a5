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

  /**
   * The random bits of the access key ID, which with the account number are the whole ID ({@link
   * IdGenerator#randomBitsOf}); -1 when the ID is of another form (kept in {@link Rare#keyId}).
   */
  private final long keyBits;

  /**
   * The 16-byte seed the secret and the token are derived from ({@link Sessions#secretAccessKey},
   * {@link Sessions#sessionToken}), so a live session holds neither
   * (bench/results/design-measurements.md). Sessions replayed from a journal of older versions keep
   * their seed and secret in {@link Rare}.
   */
  private final long seedHigh;

  private final long seedLow;
  private final long expirationSecond;
  private final int lifetimeSeconds;
  private final Kind kind;
  private final Partition partition;
  private final String accountId;
  private final Role role;
  private final String sessionName;
  private final User user;

  /** What few sessions carry (session policies, tags, MFA, chaining…), or null when none. */
  private final Rare rare;

  /**
   * The parts most sessions lack, apart so that a plain AssumeRole session stays small: AssumeRole
   * in a loop mints ~12,000 sessions a second, each kept until its expiry.
   */
  private record Rare(
      String keyId,
      String secretAccessKey,
      byte[] tokenSeed,
      String sessionPolicy,
      List<String> policyArns,
      List<Tags.Tag> tags,
      Set<String> transitiveTagKeys,
      String sourceIdentity,
      boolean mfaPresent,
      Instant mfaAuthTime,
      boolean roleChained,
      String federatedProvider) {

    static Rare of(Builder b, boolean keyIdKept, boolean seedKept) {
      boolean none =
          !keyIdKept
              && b.secretAccessKey == null
              && !seedKept
              && b.sessionPolicy == null
              && b.policyArns.isEmpty()
              && b.tags.isEmpty()
              && b.transitiveTagKeys.isEmpty()
              && b.sourceIdentity == null
              && !b.mfaPresent
              && b.mfaAuthTime == null
              && !b.roleChained
              && b.federatedProvider == null;
      return none
          ? null
          : new Rare(
              keyIdKept ? b.accessKeyId : null,
              b.secretAccessKey,
              seedKept ? b.tokenSeed : null,
              b.sessionPolicy,
              List.copyOf(b.policyArns),
              List.copyOf(b.tags),
              Set.copyOf(b.transitiveTagKeys),
              b.sourceIdentity,
              b.mfaPresent,
              b.mfaAuthTime,
              b.roleChained,
              b.federatedProvider);
    }
  }

  private Session(Builder b) {
    this.kind = b.kind;
    this.partition = b.partition;
    this.accountId = b.accountId;
    this.keyBits = IdGenerator.randomBitsOf(b.accessKeyId, IdPrefix.ASIA, accountNumber());
    boolean compactSeed = b.tokenSeed.length == Sessions.TOKEN_SEED_BYTES;
    this.seedHigh = compactSeed ? longAt(b.tokenSeed, 0) : 0;
    this.seedLow = compactSeed ? longAt(b.tokenSeed, 8) : 0;
    this.expirationSecond = b.expiration.getEpochSecond();
    this.lifetimeSeconds =
        Math.toIntExact(b.expiration.getEpochSecond() - b.issuedAt.getEpochSecond());
    this.role = b.role;
    this.sessionName = b.sessionName;
    this.user = b.user;
    this.rare = Rare.of(b, keyBits < 0, !compactSeed);
  }

  private static long longAt(byte[] bytes, int at) {
    long value = 0;
    for (int i = at; i < at + 8; i++) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  public static Builder builder(Kind kind, Partition partition, String accountId) {
    return new Builder(kind, partition, accountId);
  }

  private long accountNumber() {
    return IdGenerator.parseAccount(accountId);
  }

  /** The random bits of the access key ID, or -1 when the store must index it by its string. */
  long keyBits() {
    return keyBits;
  }

  public String accessKeyId() {
    return keyBits >= 0
        ? IdGenerator.accessKeyIdOf(IdPrefix.ASIA, accountNumber(), keyBits)
        : rare.keyId();
  }

  /** The secret, as issued (derived again from the seed on each call). */
  public String secretAccessKey() {
    if (rare != null && rare.secretAccessKey() != null) {
      return rare.secretAccessKey();
    }
    return Sessions.secretAccessKey(tokenSeed());
  }

  /** The session token, as issued (derived again from its seed on each call). */
  public String sessionToken() {
    return Sessions.sessionToken(tokenSeed());
  }

  private byte[] tokenSeed() {
    if (rare != null && rare.tokenSeed() != null) {
      return rare.tokenSeed();
    }
    byte[] seed = new byte[Sessions.TOKEN_SEED_BYTES];
    for (int i = 0; i < 8; i++) {
      seed[i] = (byte) (seedHigh >>> (56 - 8 * i));
      seed[8 + i] = (byte) (seedLow >>> (56 - 8 * i));
    }
    return seed;
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
    return Instant.ofEpochSecond(expirationSecond - lifetimeSeconds);
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
    return role == null ? null : role.roleId();
  }

  public String roleArn() {
    return role == null ? null : role.arn();
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
    return rare == null ? null : rare.sessionPolicy();
  }

  /** Managed session policies (PolicyArns), resolved at request time. */
  public List<String> policyArns() {
    return rare == null ? List.of() : rare.policyArns();
  }

  /** True when the session was given session policies (inline or managed). */
  public boolean hasSessionPolicies() {
    return sessionPolicy() != null || !policyArns().isEmpty();
  }

  /** Session tags, including transitive tags inherited through role chaining. */
  public List<Tags.Tag> tags() {
    return rare == null ? List.of() : rare.tags();
  }

  /** Lower-case keys of the transitive session tags. */
  public Set<String> transitiveTagKeys() {
    return rare == null ? Set.of() : rare.transitiveTagKeys();
  }

  public String sourceIdentity() {
    return rare == null ? null : rare.sourceIdentity();
  }

  /** Whether MFA was verified when the session was requested (aws:MultiFactorAuthPresent). */
  public boolean mfaPresent() {
    return rare != null && rare.mfaPresent();
  }

  public Instant mfaAuthTime() {
    return rare == null ? null : rare.mfaAuthTime();
  }

  /** Whether the session came from AssumeRole called with another role session. */
  public boolean roleChained() {
    return rare != null && rare.roleChained();
  }

  /** The identity provider ARN of a web identity or SAML session, else null. */
  public String federatedProvider() {
    return rare == null ? null : rare.federatedProvider();
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
      case ASSUMED_ROLE -> role.roleId() + ":" + sessionName;
      case FEDERATED_USER -> accountId + ":" + sessionName;
      case SESSION_TOKEN -> null;
    };
  }

  /** Keeps secrets out of logs. */
  @Override
  public String toString() {
    return "Session[" + kind + ", " + accessKeyId() + ", expires " + expiration() + "]";
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

    /**
     * The access key ID and the seed of the secret and the session token ({@link
     * Sessions#newTokenSeed}); {@code secret} only for a secret recorded by an older version (else
     * null: derived from the seed).
     */
    public Builder credentials(String keyId, String secret, byte[] sessionTokenSeed) {
      this.accessKeyId = keyId;
      this.secretAccessKey = secret;
      this.tokenSeed = sessionTokenSeed.clone();
      return this;
    }

    /**
     * Shares the session name with an equal one the store saw before ({@link
     * Sessions#recurringName}).
     */
    public Builder shareName(java.util.function.UnaryOperator<String> recurring) {
      this.sessionName = recurring.apply(sessionName);
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
