package io.iamlocal.server.iam;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.validation.PolicyKind;
import io.iamlocal.policy.validation.PolicySize;
import io.iamlocal.policy.validation.PolicyValidationException;
import io.iamlocal.policy.validation.PolicyValidator;
import io.iamlocal.policy.validation.ValidationOptions;
import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.User;

/**
 * The one door from handlers to the policy module: validates documents on every write and turns the
 * module's failures into AWS's {@code MalformedPolicyDocument} errors, text unchanged.
 */
public final class PolicyDocuments {
  /** Default trust policy size quota (ACLSizePerRole), in non-whitespace characters. */
  static final int TRUST_POLICY_MAX = PolicySize.TRUST_POLICY_DEFAULT_MAX;

  private PolicyDocuments() {}

  /** Checks a role trust policy: size quota first, then the trust grammar and named principals. */
  public static void checkTrustPolicy(AccountState account, String document) {
    if (PolicySize.exceeds(document, TRUST_POLICY_MAX)) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_MAX);
    }
    validate(
        document,
        PolicyKind.TRUST,
        new ValidationOptions(arn -> principalExists(account, arn))
            .inPartition(account.partition().id()));
  }

  /**
   * IAM (trust policies) and S3 (bucket policies) refuse principals naming users or roles of this
   * account that do not exist.
   */
  public static boolean principalExists(AccountState account, String arn) {
    String prefix = Arns.iamPrefix(account.partition(), account.accountId());
    if (!arn.startsWith(prefix)) {
      return true;
    }
    String resource = arn.substring(prefix.length());
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    if (resource.startsWith("user/")) {
      User user = account.users().get(name);
      return user != null && user.arn().equals(arn);
    }
    if (resource.startsWith("role/")) {
      Role role = account.roles().get(name);
      return role != null && role.arn().equals(arn);
    }
    return true;
  }

  /** Checks an identity policy (inline or managed) as IAM does before storing it. */
  public static PolicyDocument identity(AccountState account, String json) {
    return validate(json, PolicyKind.IDENTITY, options(account));
  }

  /**
   * Checks a customer managed policy version (CreatePolicy, CreatePolicyVersion): identity grammar,
   * Version 2012-10-17.
   */
  public static PolicyDocument managed(AccountState account, String json) {
    return validate(json, PolicyKind.MANAGED, options(account));
  }

  /**
   * Validation for documents of {@code account}: its partition is the one resource ARNs may name.
   */
  public static ValidationOptions options(AccountState account) {
    return ValidationOptions.DEFAULT.inPartition(account.partition().id());
  }

  private static PolicyDocument validate(String json, PolicyKind kind, ValidationOptions options) {
    try {
      return PolicyValidator.parseAndValidate(json, kind, options);
    } catch (PolicyValidationException e) {
      throw new AwsServiceException(AwsErrorCode.MALFORMED_POLICY_DOCUMENT, e.getMessage());
    }
  }

  /** The size IAM counts against its quotas: characters that are not whitespace. */
  public static int size(String json) {
    return PolicySize.nonWhitespaceLength(json);
  }
}
