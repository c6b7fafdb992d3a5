package io.iamlocal.server.state;

/**
 * Builds and reads ARNs: {@code arn:PARTITION:iam::ACCOUNT:TYPE/PATH/NAME}, the path included.
 * Every ARN carries its account's partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}…).
 */
public final class Arns {
  private Arns() {}

  public static String iam(
      Partition partition, String accountId, String type, String path, String name) {
    // Built at its exact size: the server compiles concatenation inline (a default-sized builder
    // that grows), and a user's ARN is built several times per request.
    String p = path == null ? "/" : path;
    String id = partition.id();
    return new StringBuilder(
            11 + id.length() + accountId.length() + type.length() + p.length() + name.length())
        .append("arn:")
        .append(id)
        .append(":iam::")
        .append(accountId)
        .append(':')
        .append(type)
        .append(p)
        .append(name)
        .toString();
  }

  public static String root(Partition partition, String accountId) {
    return iamPrefix(partition, accountId) + "root";
  }

  /**
   * {@code arn:PARTITION:iam::ACCOUNT:}, what every IAM resource ARN of the account starts with.
   */
  public static String iamPrefix(Partition partition, String accountId) {
    return "arn:" + partition.id() + ":iam::" + accountId + ":";
  }

  /** {@code arn:PARTITION:sts::ACCOUNT:RESOURCE} (assumed-role sessions, federated users). */
  public static String sts(Partition partition, String accountId, String resource) {
    return "arn:" + partition.id() + ":sts::" + accountId + ":" + resource;
  }

  /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, any field possibly empty. */
  public static String of(
      Partition partition, String service, String region, String accountId, String resource) {
    return "arn:"
        + partition.id()
        + ":"
        + service
        + ":"
        + region
        + ":"
        + accountId
        + ":"
        + resource;
  }

  /**
   * {@code arn} with its partition field replaced by {@code partition} ({@code arn:aws:x} becomes
   * {@code arn:aws-cn:x}).
   */
  public static String inPartition(String arn, Partition partition) {
    int end = arn.indexOf(':', 4);
    return "arn:" + partition.id() + arn.substring(end);
  }

  /** The partition an ARN names, or null when it is no ARN or names no AWS partition. */
  public static Partition partitionOf(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    int end = arn.indexOf(':', 4);
    return end < 0 ? null : Partition.byId(arn.substring(4, end));
  }
}
