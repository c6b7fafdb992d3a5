package io.iamlocal.protocol.error;

/**
 * Every error code IAMLocal sends, with its HTTP status and fault side. Codes that come from the
 * IAM and STS models are checked against the models' error shapes by a unit test, so the two cannot
 * drift apart; the rest are AWS's common Query-protocol errors.
 */
public enum AwsErrorCode {
  // Common errors (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html)
  ACCESS_DENIED("AccessDenied", 403),
  EXPIRED_TOKEN("ExpiredToken", 403),
  INCOMPLETE_SIGNATURE("IncompleteSignature", 400),
  INTERNAL_FAILURE("InternalFailure", 500),
  INVALID_ACTION("InvalidAction", 400),
  INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
  INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400),
  INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
  INVALID_QUERY_PARAMETER("InvalidQueryParameter", 400),
  MALFORMED_QUERY_STRING("MalformedQueryString", 404),
  MISSING_ACTION("MissingAction", 400),
  MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403),
  MISSING_PARAMETER("MissingParameter", 400),
  NOT_IMPLEMENTED("NotImplemented", 501),
  OPT_IN_REQUIRED("OptInRequired", 403),
  REQUEST_EXPIRED("RequestExpired", 400),
  REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503),
  SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
  THROTTLING("Throttling", 400),
  VALIDATION_ERROR("ValidationError", 400),
  UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
  // HTTP-level refusals before any AWS processing (malformed framing, slow or oversized requests)
  BAD_REQUEST("BadRequest", 400),
  REQUEST_TIMEOUT("RequestTimeout", 408),
  REQUEST_URI_TOO_LONG("RequestURITooLong", 414),
  REQUEST_HEADER_FIELDS_TOO_LARGE("RequestHeaderFieldsTooLarge", 431),

  // IAM model error shapes
  CONCURRENT_MODIFICATION("ConcurrentModification", 409),
  REPORT_EXPIRED("ReportExpired", 410),
  REPORT_NOT_PRESENT("ReportNotPresent", 410),
  REPORT_IN_PROGRESS("ReportInProgress", 404),
  DELETE_CONFLICT("DeleteConflict", 409),
  DUPLICATE_CERTIFICATE("DuplicateCertificate", 409),
  DUPLICATE_SSH_PUBLIC_KEY("DuplicateSSHPublicKey", 400),
  ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
  ENTITY_TEMPORARILY_UNMODIFIABLE("EntityTemporarilyUnmodifiable", 409),
  FEATURE_DISABLED("FeatureDisabled", 404),
  FEATURE_ENABLED("FeatureEnabled", 409),
  INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403),
  INVALID_CERTIFICATE("InvalidCertificate", 400),
  INVALID_INPUT("InvalidInput", 400),
  INVALID_PUBLIC_KEY("InvalidPublicKey", 400),
  INVALID_USER_TYPE("InvalidUserType", 400),
  KEY_PAIR_MISMATCH("KeyPairMismatch", 400),
  LIMIT_EXCEEDED("LimitExceeded", 409),
  MALFORMED_CERTIFICATE("MalformedCertificate", 400),
  MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
  NO_SUCH_ENTITY("NoSuchEntity", 404),
  OPEN_ID_IDP_COMMUNICATION_ERROR("OpenIdIdpCommunicationError", 400),
  PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400),
  POLICY_EVALUATION("PolicyEvaluation", 500),
  POLICY_NOT_ATTACHABLE("PolicyNotAttachable", 400),
  REPORT_GENERATION_LIMIT_EXCEEDED("ReportGenerationLimitExceeded", 409),
  SERVICE_FAILURE("ServiceFailure", 500),
  NOT_SUPPORTED_SERVICE("NotSupportedService", 404),
  UNMODIFIABLE_ENTITY("UnmodifiableEntity", 400),
  UNRECOGNIZED_PUBLIC_KEY_ENCODING("UnrecognizedPublicKeyEncoding", 400),
  ACCOUNT_NOT_MANAGEMENT_OR_DELEGATED_ADMINISTRATOR(
      "AccountNotManagementOrDelegatedAdministratorException", 400),
  CALLER_IS_NOT_MANAGEMENT_ACCOUNT("CallerIsNotManagementAccountException", 400),
  ORGANIZATION_NOT_FOUND("OrganizationNotFoundException", 400),
  ORGANIZATION_NOT_IN_ALL_FEATURES_MODE("OrganizationNotInAllFeaturesModeException", 400),
  SERVICE_ACCESS_NOT_ENABLED("ServiceAccessNotEnabledException", 400),

  // STS model error shapes
  EXPIRED_TOKEN_EXCEPTION("ExpiredTokenException", 400),
  EXPIRED_TRADE_IN_TOKEN("ExpiredTradeInTokenException", 400),
  IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400),
  IDP_REJECTED_CLAIM("IDPRejectedClaim", 403),
  INVALID_AUTHORIZATION_MESSAGE("InvalidAuthorizationMessageException", 400),
  INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400),
  JWT_PAYLOAD_SIZE_EXCEEDED("JWTPayloadSizeExceededException", 400),
  OUTBOUND_WEB_IDENTITY_FEDERATION_DISABLED("OutboundWebIdentityFederationDisabledException", 403),
  PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400),
  REGION_DISABLED("RegionDisabledException", 403),
  SESSION_DURATION_ESCALATION("SessionDurationEscalationException", 403);

  private final String code;
  private final int httpStatus;

  AwsErrorCode(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** The code as sent in {@code <Code>}. */
  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** AWS marks server-side failures (5xx) as Receiver faults, everything else as Sender. */
  public String faultType() {
    return httpStatus >= 500 ? "Receiver" : "Sender";
  }
}
