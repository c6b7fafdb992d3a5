package io.iamlocal.policy.validation;

/**
 * The {@code MalformedPolicyDocument} message texts, verbatim (including presence or absence of a
 * final period). Sources are in shared/aws-data/error-messages.md §7; [recorded] marks texts seen
 * in the real-AWS recordings replayed by the policy module's {@code
 * AwsRecordedPolicyDocumentsTest}.
 */
public final class ValidationMessages {

  /**
   * Identity/resource/session policy is not JSON or does not fit the grammar: unknown element,
   * wrong value type, unknown {@code Version}, missing or unknown {@code Effect}, empty {@code
   * Statement}. [recorded]
   */
  public static final String SYNTAX_ERRORS = "Syntax errors in policy.";

  /** Trust policy is not JSON. [AWS] (no final period) */
  public static final String INVALID_JSON = "This policy contains invalid Json";

  /**
   * Failure of IAM's legacy parser: Effect in the wrong case, a short ARN with an empty field, a
   * Date condition value that is no date. [recorded]
   */
  public static final String LEGACY_PARSING = "The policy failed legacy parsing";

  /**
   * Managed policy (CreatePolicy, CreatePolicyVersion) without Version 2012-10-17 [recorded]; also
   * policy variables used without Version 2012-10-17 (text seen from real IAM; that trigger
   * assumed).
   */
  public static final String VERSION_TOO_OLD =
      "Policy document must be version 2012-10-17 or greater.";

  /** [AWS] */
  public static final String DUPLICATE_SID =
      "Statement IDs (SID) in a single policy must be unique.";

  /** [AWS] */
  public static final String MISSING_ACTIONS = "Policy statement must contain actions.";

  /** [AWS] */
  public static final String MISSING_RESOURCES = "Policy statement must contain resources.";

  /** Identity-grammar policy with Principal or NotPrincipal. [AWS] */
  public static final String PRINCIPAL_NOT_ALLOWED =
      "Policy document should not specify a principal.";

  /** Trust/resource policy statement without a principal. [AWS] */
  public static final String MISSING_PRINCIPAL =
      "Invalid principal in policy: "
          + "com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!";

  /** Federated principal that is no provider of the account's partition. [AWS, users' reports] */
  public static final String FEDERATED_PRINCIPAL =
      "Federated principals must be valid domain names or SAML metadata ARNs";

  /** Action without {@code vendor:}; condition keys need none. [recorded] */
  public static final String VENDOR_PREFIX =
      "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";

  /** Action with more than one colon. [recorded] */
  public static final String ONE_COLON = "Actions/Condition can contain only one colon.";

  /**
   * Resource ARN without a service ({@code arn:aws}) [recorded] or whose service has a wildcard.
   */
  public static final String RESOURCE_VENDOR_WILDCARD =
      "Resource vendor must be fully qualified and cannot contain regexes.";

  /** IAM resource ARN whose resource part names no IAM resource type. [recorded] */
  public static final String IAM_RESOURCE_PATH =
      "IAM resource path must either be \"*\", root, or start with user/, "
          + "federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, "
          + "saml-provider/, oidc-provider/, report/, access-report/.";

  /**
   * Trust policy allowing an action that is not one of STS's role-assumption actions. [recorded]
   */
  public static final String TRUST_ACTIONS =
      "AssumeRole policy may only specify STS AssumeRole actions.";

  private ValidationMessages() {}

  /**
   * Trust policy with {@code Resource} (or {@code NotResource}). [AWS for Resource] (no final
   * period)
   */
  public static String prohibitedField(String field) {
    return "Has prohibited field " + field;
  }

  /** [AWS] e.g. {@code Resource must be in ARN format or "*".} for an empty string. */
  public static String resourceNotArn(String resource) {
    return "Resource " + resource + " must be in ARN format or \"*\".";
  }

  /** [recorded] */
  public static String iamResourceRegion(String resource) {
    return "IAM resource " + resource + " cannot contain region information.";
  }

  /**
   * S3 resource ARN with a region but no account (account-level S3 resources carry both).
   * [recorded]
   */
  public static String s3ResourceRegion(String resource) {
    return "Resource " + resource + " can not contain region information.";
  }

  /**
   * [recorded] {@code resource} is the ARN rebuilt by IAM (missing fields shown as {@code *}), not
   * the input.
   */
  public static String invalidPartition(String partition, String resource) {
    return "Partition \"" + partition + "\" is not valid for resource \"" + resource + "\".";
  }

  /** [recorded] */
  public static String invalidVendor(String vendor) {
    return "Vendor " + vendor + " is not valid";
  }

  /**
   * [AWS] e.g. {@code Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/Gone"}.
   */
  public static String invalidPrincipal(String type, String value) {
    return "Invalid principal in policy: \"" + type + "\":\"" + value + "\"";
  }
}
