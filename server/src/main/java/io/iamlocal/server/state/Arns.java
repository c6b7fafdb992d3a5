package io.iamlocal.server.state;

/** Builds IAM ARNs: {@code arn:aws:iam::ACCOUNT:TYPE/PATH/NAME}, the path included. */
public final class Arns {
  private Arns() {}

  public static String iam(String accountId, String type, String path, String name) {
    return "arn:aws:iam::" + accountId + ":" + type + (path == null ? "/" : path) + name;
  }

  public static String root(String accountId) {
    return "arn:aws:iam::" + accountId + ":root";
  }
}
