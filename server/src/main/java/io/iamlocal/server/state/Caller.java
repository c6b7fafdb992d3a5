package io.iamlocal.server.state;

/**
 * Who signed a request, as IAM and STS see it. {@code user} is set for IAM users;
 * {@code accessKeyId} is the key that signed.
 */
public record Caller(Kind kind, String accountId, String arn, String userId, User user, String accessKeyId) {

  /** The kinds of principal that can sign a request. */
  public enum Kind {
    ROOT,
    USER,
    ASSUMED_ROLE,
    FEDERATED_USER
  }

  public static Caller root(String accountId, String accessKeyId) {
    return new Caller(Kind.ROOT, accountId, Arns.root(accountId), accountId, null, accessKeyId);
  }

  public static Caller user(User user, String accessKeyId) {
    return new Caller(Kind.USER, user.accountId(), user.arn(), user.userId(), user, accessKeyId);
  }

  public boolean isRoot() {
    return kind == Kind.ROOT;
  }
}
