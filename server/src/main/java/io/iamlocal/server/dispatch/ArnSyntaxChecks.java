package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import java.util.Set;

/**
 * ARN parameters AWS checks for syntax before it authorizes the call, so a malformed ARN is a
 * {@code ValidationError} even for a caller who may not make the call (recorded from AWS).
 */
final class ArnSyntaxChecks {
  private static final Set<String> POLICY_ARN_OPERATIONS = Set.of(
      "AttachUserPolicy", "AttachGroupPolicy", "AttachRolePolicy", "DetachUserPolicy", "DetachGroupPolicy", "DetachRolePolicy");

  private ArnSyntaxChecks() {}

  static void check(String service, String action, Params input) {
    if ("sts".equals(service) && "AssumeRole".equals(action)) {
      String arn = input.string("RoleArn");
      if (!isArn(arn)) {
        throw AwsServiceException.validation(arn + " is invalid");
      }
    } else if ("iam".equals(service) && POLICY_ARN_OPERATIONS.contains(action)) {
      String arn = input.string("PolicyArn");
      if (!isArn(arn)) {
        throw AwsServiceException.validation("ARN " + arn + " is not valid.");
      }
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
