package io.iamlocal.policy.evaluation;

/**
 * The calling principal, parsed once per evaluation into the identities a Principal element can
 * name: the exact ARN, the role behind an assumed-role session, and the account, each within the
 * caller's partition ({@code aws}, {@code aws-cn}…): a principal of another partition never names
 * it.
 */
final class Requester {

  enum Type {
    ANONYMOUS,
    ROOT,
    USER,
    ROLE,
    ASSUMED_ROLE,
    FEDERATED_USER,
    SERVICE,
    OTHER
  }

  final Type type;
  final String arn;
  final String account;

  /** The partition of the caller's ARN, or null when it has no ARN (anonymous, service). */
  final String partition;

  /**
   * {@code <partition>:<account>/<role name>} for roles and assumed-role sessions (role ARNs may
   * carry a path).
   */
  final String roleKey;

  private Requester(Type type, String arn, String account, String roleKey) {
    this(type, arn, account, null, roleKey);
  }

  private Requester(Type type, String arn, String account, String partition, String roleKey) {
    this.type = type;
    this.arn = arn;
    this.account = account;
    this.partition = partition;
    this.roleKey = roleKey;
  }

  static Requester of(String arn, String account) {
    if (arn == null || arn.isEmpty()) {
      return new Requester(Type.ANONYMOUS, null, account, null);
    }
    if (!arn.startsWith("arn:")) {
      return new Requester(arn.indexOf('.') >= 0 ? Type.SERVICE : Type.OTHER, arn, account, null);
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      return new Requester(Type.OTHER, arn, account, null);
    }
    String partition = parts[1];
    String service = parts[2];
    String resource = parts[5];
    String acct = account != null ? account : parts[4];
    if (service.equals("iam")) {
      if (resource.equals("root")) {
        return new Requester(Type.ROOT, arn, acct, partition, null);
      }
      if (resource.startsWith("user/")) {
        return new Requester(Type.USER, arn, acct, partition, null);
      }
      if (resource.startsWith("role/")) {
        return new Requester(
            Type.ROLE, arn, acct, partition, roleKey(partition, parts[4], lastSegment(resource)));
      }
    } else if (service.equals("sts")) {
      if (resource.startsWith("assumed-role/")) {
        String rest = resource.substring("assumed-role/".length());
        int slash = rest.indexOf('/');
        String roleName = slash < 0 ? rest : rest.substring(0, slash);
        return new Requester(
            Type.ASSUMED_ROLE, arn, acct, partition, roleKey(partition, parts[4], roleName));
      }
      if (resource.startsWith("federated-user/")) {
        return new Requester(Type.FEDERATED_USER, arn, acct, partition, null);
      }
    }
    return new Requester(Type.OTHER, arn, acct, partition, null);
  }

  static String roleKey(String partition, String account, String roleName) {
    return partition + ":" + account + "/" + roleName;
  }

  /** {@code <partition>:<account>}, how a principal ARN ending {@code :root} names an account. */
  static String accountKey(String partition, String account) {
    return partition + ":" + account;
  }

  static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** {@code arn:<partition>:iam::<account>:root}, checked without parsing. */
  static boolean isRootArn(String arn) {
    return arn != null && arn.startsWith("arn:") && arn.endsWith(":root") && arn.contains(":iam::");
  }

  /** {@code arn:<partition>:sts::<account>:federated-user/<name>}, checked without parsing. */
  static boolean isFederatedUserArn(String arn) {
    return arn != null
        && arn.startsWith("arn:")
        && arn.contains(":sts::")
        && arn.contains(":federated-user/");
  }
}
