package io.iamlocal.server.state;

import java.util.Map;

/**
 * Display names of AWS services by namespace, as the service last accessed reports show them in
 * {@code ServiceName}. Namespaces not listed are shown as the namespace itself.
 */
public final class ServiceNames {
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("iam", "AWS Identity and Access Management"),
          Map.entry("sts", "AWS Security Token Service"),
          Map.entry("s3", "Amazon S3"),
          Map.entry("ec2", "Amazon EC2"),
          Map.entry("lambda", "AWS Lambda"),
          Map.entry("dynamodb", "Amazon DynamoDB"),
          Map.entry("sqs", "Amazon SQS"),
          Map.entry("sns", "Amazon SNS"),
          Map.entry("kms", "AWS Key Management Service"),
          Map.entry("logs", "Amazon CloudWatch Logs"),
          Map.entry("cloudwatch", "Amazon CloudWatch"),
          Map.entry("cloudformation", "AWS CloudFormation"),
          Map.entry("organizations", "AWS Organizations"),
          Map.entry("secretsmanager", "AWS Secrets Manager"),
          Map.entry("ssm", "AWS Systems Manager"));

  /** The namespaces IAMLocal itself serves; a policy allowing {@code *} grants at least these. */
  public static final java.util.List<String> SERVED = java.util.List.of("iam", "sts");

  private ServiceNames() {}

  public static String nameOf(String namespace) {
    return NAMES.getOrDefault(namespace, namespace);
  }
}
