package io.iamlocal.server.state;

/**
 * Builds and reads ARNs: {@code arn:PARTITION:iam::ACCOUNT:TYPE/PATH/NAME}, the path included.
 * Every ARN carries its account's partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}…).
 */
public final class Arns {
  private Arns() {}

  public static String iam(
      Partition partition, String accountId, String type, String path, String name) {
    return global(partition, "iam", accountId, type, path == null ? "/" : path, name);
  }

  public static String root(Partition partition, String accountId) {
    return global(partition, "iam", accountId, "root", "", "");
  }

  /**
   * {@code arn:PARTITION:iam::ACCOUNT:}, what every IAM resource ARN of the account starts with.
   */
  public static String iamPrefix(Partition partition, String accountId) {
    return global(partition, "iam", accountId, "", "", "");
  }

  /** {@code arn:PARTITION:sts::ACCOUNT:RESOURCE} (assumed-role sessions, federated users). */
  public static String sts(Partition partition, String accountId, String resource) {
    return global(partition, "sts", accountId, resource, "", "");
  }

  /**
   * {@code arn:PARTITION:SERVICE::ACCOUNT:} followed by {@code a}, {@code b} and {@code c}, built
   * at its exact size: the server compiles concatenation inline (a default-sized builder that
   * grows), and callers' ARNs are built several times per request.
   */
  private static String global(
      Partition partition, String service, String accountId, String a, String b, String c) {
    String id = partition.id();
    return new StringBuilder(
            8
                + id.length()
                + service.length()
                + accountId.length()
                + a.length()
                + b.length()
                + c.length())
        .append("arn:")
        .append(id)
        .append(':')
        .append(service)
        .append("::")
        .append(accountId)
        .append(':')
        .append(a)
        .append(b)
        .append(c)
        .toString();
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
