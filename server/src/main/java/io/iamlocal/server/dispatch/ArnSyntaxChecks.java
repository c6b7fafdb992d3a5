package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;

/**
 * ARN parameters AWS checks for syntax before it authorizes the call, so a malformed ARN is a
 * {@code ValidationError} even for a caller who may not make the call (recorded from AWS).
 */
final class ArnSyntaxChecks {
  private ArnSyntaxChecks() {}

  /** Checks the ARN member of {@code spec} ({@link OperationSpec#arnMember()}), if it names one. */
  static void check(OperationSpec spec, Params input) {
    if (spec.arnMember() == null) {
      return;
    }
    String arn = input.string(spec.arnMember());
    if (!isArn(arn)) {
      // The two services word it differently (recorded: AssumeRole; AttachRolePolicy).
      throw AwsServiceException.validation(spec.service().equals("sts") ? arn + " is invalid" : "ARN " + arn + " is not valid.");
    }
  }

  /**
   * {@code arn:partition:service:region:account:resource} with a partition, a service and a
   * resource (recorded: {@code arn::b:::x}, {@code arn:a::::x}, {@code arn:a:::x} and
   * {@code arn:a:a::aaaaaaaaaa:} are all invalid).
   */
  static boolean isArn(String value) {
    String[] parts = value.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") && !parts[1].isEmpty() && !parts[2].isEmpty() && !parts[5].isEmpty();
  }
}
