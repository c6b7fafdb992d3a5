package io.iamlocal.server.state;

/**
 * Who signed a request, as IAM and STS see it. {@code user} is set for IAM users (also when they
 * sign with GetSessionToken credentials); {@code accessKeyId} is the key that signed; {@code role}
 * is the role behind an assumed-role session; {@code session} is set whenever temporary credentials
 * signed.
 */
public record Caller(
    Kind kind,
    String accountId,
    String arn,
    String userId,
    User user,
    String accessKeyId,
    Role role,
    Session session) {

  /** The kinds of principal that can sign a request. */
  public enum Kind {
    ROOT,
    USER,
    ASSUMED_ROLE,
    FEDERATED_USER,
    /**
     * Unsigned requests (AssumeRoleWithWebIdentity, AssumeRoleWithSAML): the token is the
     * credential.
     */
    ANONYMOUS
  }

  public static Caller root(Partition partition, String accountId, String accessKeyId) {
    return new Caller(
        Kind.ROOT,
        accountId,
        Arns.root(partition, accountId),
        accountId,
        null,
        accessKeyId,
        null,
        null);
  }

  /**
   * The user signing with this key: the one its previous request made while the user keeps its name
   * and path, so that a signed call neither spells the ARN again nor hands the trail's ring a young
   * caller to keep.
   */
  public static Caller user(User user, String accessKeyId) {
    Caller kept = user.keptCaller(accessKeyId);
    if (kept != null) {
      return kept;
    }
    Caller made =
        new Caller(
            Kind.USER, user.accountId(), user.arn(), user.userId(), user, accessKeyId, null, null);
    user.keepCaller(made);
    return made;
  }

  /**
   * A caller signing with STS credentials: the session's own identity, or its user's
   * (GetSessionToken).
   */
  public static Caller of(Session session, String rootAccountId) {
    return of(session, session.accessKeyId(), rootAccountId);
  }

  /** The same, with the session's access key ID as the request named it. */
  public static Caller of(Session session, String accessKeyId, String rootAccountId) {
    return switch (session.kind()) {
      case ASSUMED_ROLE ->
          new Caller(
              Kind.ASSUMED_ROLE,
              session.accountId(),
              session.stsArn(),
              session.stsUserId(),
              null,
              accessKeyId,
              session.role(),
              session);
      case FEDERATED_USER ->
          new Caller(
              Kind.FEDERATED_USER,
              session.accountId(),
              session.stsArn(),
              session.stsUserId(),
              null,
              accessKeyId,
              null,
              session);
      case SESSION_TOKEN ->
          session.user() == null
              ? new Caller(
                  Kind.ROOT,
                  rootAccountId,
                  Arns.root(session.partition(), rootAccountId),
                  rootAccountId,
                  null,
                  accessKeyId,
                  null,
                  session)
              : new Caller(
                  Kind.USER,
                  session.accountId(),
                  session.user().arn(),
                  session.user().userId(),
                  session.user(),
                  accessKeyId,
                  null,
                  session);
    };
  }

  /** The caller of an unsigned request, before its token names anyone. */
  public static Caller anonymous(String accountId) {
    return new Caller(Kind.ANONYMOUS, accountId, null, null, null, null, null, null);
  }

  public boolean isRoot() {
    return kind == Kind.ROOT;
  }

  /** Whether temporary (STS) credentials signed the request. */
  public boolean isTemporary() {
    return session != null;
  }
}
