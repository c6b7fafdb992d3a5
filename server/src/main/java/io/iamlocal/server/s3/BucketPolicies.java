package io.iamlocal.server.s3;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.Statement;
import io.iamlocal.policy.validation.PolicyKind;
import io.iamlocal.policy.validation.PolicyValidationException;
import io.iamlocal.policy.validation.PolicyValidator;
import io.iamlocal.policy.validation.ValidationOptions;
import io.iamlocal.server.iam.PolicyDocuments;
import io.iamlocal.server.state.AccountState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Checks a bucket policy before PutBucketPolicy stores it: the policy module's resource-policy
 * grammar, then S3's own rules (actions of S3, resources inside this bucket, principals that
 * exist), failing with S3's {@code MalformedPolicy} texts.
 */
final class BucketPolicies {
  /** S3's limit on a bucket policy, in bytes. */
  static final int MAX_BYTES = 20 * 1024;

  private BucketPolicies() {}

  static void check(AccountState account, String bucket, String json) {
    if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new S3Error(400, "PolicyTooLarge", "Policy exceeds the maximum allowed document size.");
    }
    if (!json.strip().startsWith("{")) {
      throw malformed("Policies must be valid JSON and the first byte must be '{'");
    }
    PolicyDocument doc;
    try {
      doc =
          PolicyValidator.parseAndValidate(
              json,
              PolicyKind.RESOURCE,
              new ValidationOptions(arn -> PolicyDocuments.principalExists(account, arn))
                  .inPartition(account.partition().id()));
    } catch (PolicyValidationException e) {
      throw malformed(s3Text(e.getMessage()));
    }
    for (Statement s : doc.statements()) {
      if (s.principal() == null && s.notPrincipal() == null) {
        throw malformed("Missing required field Principal");
      }
      for (String action : s.actions() == null ? List.<String>of() : s.actions()) {
        String a = action.toLowerCase(Locale.ROOT);
        if (!a.equals("*") && !a.startsWith("s3:")) {
          throw malformed("Policy has invalid action");
        }
      }
      for (String resource : s.resources() == null ? List.<String>of() : s.resources()) {
        if (!inBucket(account, resource, bucket)) {
          throw malformed("Policy has invalid resource");
        }
      }
    }
  }

  private static boolean inBucket(AccountState account, String resource, String bucket) {
    String arn = S3Authorization.bucketArn(account.partition(), bucket);
    return resource.equals(arn) || resource.startsWith(arn + "/");
  }

  /** S3's wording for what the validator found. */
  private static String s3Text(String iamText) {
    String lower = iamText.toLowerCase(Locale.ROOT);
    if (lower.contains("syntax") || lower.contains("json")) {
      return "This policy contains invalid Json";
    }
    if (lower.contains("principal")) {
      return "Invalid principal in policy";
    }
    if (lower.contains("resource")) {
      return "Policy has invalid resource";
    }
    if (lower.contains("action")) {
      return "Policy has invalid action";
    }
    if (lower.contains("condition")) {
      return "Policy has an invalid condition key";
    }
    return iamText;
  }

  private static S3Error malformed(String message) {
    return new S3Error(400, "MalformedPolicy", message);
  }
}
