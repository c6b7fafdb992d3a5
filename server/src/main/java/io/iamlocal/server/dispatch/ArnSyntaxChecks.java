package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.Partition;
import java.util.Map;

/**
 * ARN parameters AWS checks for syntax before it authorizes the call, so a malformed ARN is a
 * {@code ValidationError} even for a caller who may not make the call (recorded from AWS).
 */
final class ArnSyntaxChecks {
  private ArnSyntaxChecks() {}

  /**
   * Checks the ARN member of {@code spec} ({@link OperationSpec#arnMember()}), if it names one,
   * then that no IAM ARN parameter names a partition other than the account's.
   */
  static void check(OperationSpec spec, Params input, Partition partition) {
    if (spec.arnMember() != null) {
      String arn = input.string(spec.arnMember());
      if (!isArn(arn)) {
        // The two services word it differently (recorded: AssumeRole; AttachRolePolicy).
        throw AwsServiceException.validation(
            spec.service().equals("sts") ? arn + " is invalid" : "ARN " + arn + " is not valid.");
      }
    }
    if (spec.service().equals("iam")) {
      checkPartitions(input, partition);
    }
  }

  /**
   * IAM refuses an ARN parameter of another partition ({@code arn:aws:iam::aws:policy/…} sent to an
   * {@code aws-us-gov} account) with {@code ValidationError: Invalid ARN partition}, as AWS's
   * strict ARN validation of IAM API input answers (users' reports of AttachRolePolicy in GovCloud
   * and China). Only real partitions count: other text in that field stays the business of each
   * operation.
   */
  private static void checkPartitions(Params input, Partition partition) {
    for (Map.Entry<String, Object> member : input.asMap().entrySet()) {
      if (member.getValue() instanceof String value && value.startsWith("arn:")) {
        Partition named = Arns.partitionOf(value);
        if (named != null && named != partition) {
          throw AwsServiceException.validation("Invalid ARN partition");
        }
      }
    }
  }

  /**
   * {@code arn:partition:service:region:account:resource} with a partition, a service and a
   * resource (recorded: {@code arn::b:::x}, {@code arn:a::::x}, {@code arn:a:::x} and {@code
   * arn:a:a::aaaaaaaaaa:} are all invalid).
   */
  static boolean isArn(String value) {
    String[] parts = value.split(":", 6);
    return parts.length == 6
        && parts[0].equals("arn")
        && !parts[1].isEmpty()
        && !parts[2].isEmpty()
        && !parts[5].isEmpty();
  }
}
