package io.iamlocal.policy.validation;

/**
 * The {@code MalformedPolicyDocument} message texts, verbatim (including presence or absence of a final period).
 * Sources are in shared/aws-data/error-messages.md §7; entries marked "uncertain" are our best AWS-like choice.
 */
public final class ValidationMessages {

    /** Identity/resource/session policy is not JSON or does not fit the grammar. [AWS] */
    public static final String SYNTAX_ERRORS = "Syntax errors in policy.";
    /** Trust policy is not JSON. [AWS] (no final period) */
    public static final String INVALID_JSON = "This policy contains invalid Json";
    /** Grammar failure under the legacy parser: bad Effect, malformed ARN in a 2008-10-17 policy. [AWS] */
    public static final String LEGACY_PARSING = "The policy failed legacy parsing";
    /**
     * {@code Version} present but not 2008-10-17 / 2012-10-17. Uncertain: this is the S3 wording; moto uses
     * "Policy document must be version 2012-10-17 or greater." for the same case.
     */
    public static final String INVALID_VERSION = "The policy must contain a valid version string";
    /** Policy variables used without Version 2012-10-17 (text seen from real IAM; trigger assumed). */
    public static final String VERSION_TOO_OLD = "Policy document must be version 2012-10-17 or greater.";
    /** [AWS] */
    public static final String DUPLICATE_SID = "Statement IDs (SID) in a single policy must be unique.";
    /** [AWS] */
    public static final String MISSING_ACTIONS = "Policy statement must contain actions.";
    /** [AWS] */
    public static final String MISSING_RESOURCES = "Policy statement must contain resources.";
    /** Identity-grammar policy with Principal or NotPrincipal. [AWS] */
    public static final String PRINCIPAL_NOT_ALLOWED = "Policy document should not specify a principal.";
    /** Trust/resource policy statement without a principal. [AWS] */
    public static final String MISSING_PRINCIPAL = "Invalid principal in policy: "
            + "com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!";
    /** Action or condition key without {@code vendor:}. [moto; text shared by actions and condition keys] */
    public static final String VENDOR_PREFIX =
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    /** Action with more than one colon. [AWS] */
    public static final String ONE_COLON = "Actions/Condition can contain only one colon.";
    /** Resource ARN whose service part has a wildcard. [moto] */
    public static final String RESOURCE_VENDOR_WILDCARD =
            "Resource vendor must be fully qualified and cannot contain regexes.";

    private ValidationMessages() {
    }

    /** Trust policy with {@code Resource} (or {@code NotResource}). [AWS for Resource] (no final period) */
    public static String prohibitedField(String field) {
        return "Has prohibited field " + field;
    }

    /** [AWS] e.g. {@code Resource  must be in ARN format or "*".} for an empty string. */
    public static String resourceNotArn(String resource) {
        return "Resource " + resource + " must be in ARN format or \"*\".";
    }

    /** [AWS] */
    public static String iamResourceRegion(String resource) {
        return "IAM resource " + resource + " cannot contain region information.";
    }

    /** [moto] */
    public static String invalidPartition(String partition, String resource) {
        return "Partition \"" + partition + "\" is not valid for resource \"" + resource + "\".";
    }

    /** [moto] */
    public static String invalidVendor(String vendor) {
        return "Vendor " + vendor + " is not valid";
    }

    /** [AWS] e.g. {@code Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/Gone"}. */
    public static String invalidPrincipal(String type, String value) {
        return "Invalid principal in policy: \"" + type + "\":\"" + value + "\"";
    }
}
