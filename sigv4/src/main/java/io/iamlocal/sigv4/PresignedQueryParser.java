package io.iamlocal.sigv4;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses query-string (presigned URL) authentication: the {@code X-Amz-*} parameters. */
final class PresignedQueryParser {

  static final String ALGORITHM_PARAM = "X-Amz-Algorithm";
  static final String CREDENTIAL_PARAM = "X-Amz-Credential";
  static final String DATE_PARAM = "X-Amz-Date";
  static final String EXPIRES_PARAM = "X-Amz-Expires";
  static final String SIGNED_HEADERS_PARAM = "X-Amz-SignedHeaders";
  static final String SECURITY_TOKEN_PARAM = "X-Amz-Security-Token";

  /** A presigned URL may live at most seven days. */
  static final long MAX_EXPIRES_SECONDS = 604_800;

  static final String MISSING_PARAMETERS =
      "Query-string authentication version 4 requires the X-Amz-Algorithm, "
          + "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";

  private PresignedQueryParser() {}

  /**
   * The decoded {@code X-Amz-*} parameters (first occurrence wins), or null when the query carries
   * no {@code X-Amz-Algorithm}, i.e. is not a presigned request at all.
   */
  static Map<String, String> authParameters(String rawQuery) {
    if (rawQuery.indexOf(ALGORITHM_PARAM) < 0) {
      return null; // cheap reject for the header-auth majority
    }
    Map<String, String> params = new HashMap<>();
    int n = rawQuery.length();
    int start = 0;
    while (start <= n) {
      int amp = rawQuery.indexOf('&', start);
      if (amp < 0) {
        amp = n;
      }
      if (rawQuery.startsWith("X-Amz-", start)) {
        int eq = rawQuery.indexOf('=', start);
        String name =
            eq < 0 || eq > amp ? rawQuery.substring(start, amp) : rawQuery.substring(start, eq);
        String value =
            eq < 0 || eq > amp ? "" : UriEncoding.decode(rawQuery.substring(eq + 1, amp));
        params.putIfAbsent(name, value);
      }
      start = amp + 1;
    }
    return params.containsKey(ALGORITHM_PARAM) ? params : null;
  }

  static SignedAuth parse(Map<String, String> params, HeaderIndex headers)
      throws AuthParseException {
    String algorithm = params.get(ALGORITHM_PARAM);
    String credential = nonEmpty(params.get(CREDENTIAL_PARAM));
    String amzDate = nonEmpty(params.get(DATE_PARAM));
    String expires = nonEmpty(params.get(EXPIRES_PARAM));
    String signedHeaders = nonEmpty(params.get(SIGNED_HEADERS_PARAM));
    String signature = nonEmpty(params.get(CanonicalRequest.SIGNATURE_PARAM));
    if (credential == null
        || amzDate == null
        || expires == null
        || signedHeaders == null
        || signature == null) {
      throw AuthParseException.incomplete(MISSING_PARAMETERS);
    }
    if (!StringToSign.ALGORITHM.equals(algorithm)) {
      throw AuthParseException.incomplete(
          "X-Amz-Algorithm only supports \"" + StringToSign.ALGORITHM + "\"");
    }

    CredentialScope.Credential parsedCredential = CredentialScope.Credential.parse(credential);
    String accessKeyId = parsedCredential.accessKeyId();
    List<String> signed = CanonicalRequest.parseSignedHeaders(signedHeaders);
    if (!signed.contains("host")) {
      throw new AuthParseException(
          FailureKind.INCOMPLETE_SIGNATURE, AuthorizationHeaderParser.HOST_NOT_SIGNED, accessKeyId);
    }
    long time = AmzDate.epochSecond(amzDate);
    if (time == AmzDate.NOT_A_DATE) {
      throw new AuthParseException(
          FailureKind.INCOMPLETE_SIGNATURE,
          "X-Amz-Date must be in the ISO8601 Long " + "Format \"yyyyMMdd'T'HHmmss'Z'\"",
          accessKeyId);
    }
    long expiresSeconds = parseExpires(expires, accessKeyId);

    String token = params.get(SECURITY_TOKEN_PARAM);
    if (token == null) {
      token = headers.first("x-amz-security-token");
    }
    return new SignedAuth(
        accessKeyId,
        parsedCredential.scope(),
        signed,
        signature,
        0,
        signature.length(),
        amzDate,
        time,
        true,
        expiresSeconds,
        token);
  }

  private static long parseExpires(String expires, String accessKeyId) throws AuthParseException {
    if (expires.length() > 10) {
      throw new AuthParseException(
          FailureKind.INCOMPLETE_SIGNATURE,
          "X-Amz-Expires must be less than a week (in seconds) that is " + MAX_EXPIRES_SECONDS,
          accessKeyId);
    }
    long value = 0;
    for (int i = 0; i < expires.length(); i++) {
      char c = expires.charAt(i);
      if (c < '0' || c > '9') {
        throw new AuthParseException(
            FailureKind.INCOMPLETE_SIGNATURE, "X-Amz-Expires should be a number", accessKeyId);
      }
      value = value * 10 + (c - '0');
    }
    if (value > MAX_EXPIRES_SECONDS) {
      throw new AuthParseException(
          FailureKind.INCOMPLETE_SIGNATURE,
          "X-Amz-Expires must be less than a week (in seconds) that is " + MAX_EXPIRES_SECONDS,
          accessKeyId);
    }
    return value;
  }

  private static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
