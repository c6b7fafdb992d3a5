package io.iamlocal.sigv4;

import java.time.Instant;
import java.util.List;

/**
 * Parses {@code Authorization: AWS4-HMAC-SHA256 Credential=.., SignedHeaders=.., Signature=..} plus
 * the request date, producing AWS's IncompleteSignature messages for whatever is missing.
 */
final class AuthorizationHeaderParser {

  static final String HOST_NOT_SIGNED =
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";

  private AuthorizationHeaderParser() {}

  static SignedAuth parse(String authorization, HeaderIndex headers) throws AuthParseException {
    String value = authorization.strip();
    int space = firstWhitespace(value);
    String algorithm = space < 0 ? value : value.substring(0, space);
    if (!StringToSign.ALGORITHM.equals(algorithm)) {
      throw AuthParseException.incomplete(
          "Unsupported AWS 'algorithm': '"
              + algorithm
              + "'. Only '"
              + StringToSign.ALGORITHM
              + "' is supported.");
    }

    String credential = null;
    String signedHeaders = null;
    String signature = null;
    String rest = space < 0 ? "" : value.substring(space + 1);
    int start = 0;
    // Components are comma separated; spaces around commas and '=' are tolerated.
    while (start <= rest.length()) {
      int comma = rest.indexOf(',', start);
      if (comma < 0) {
        comma = rest.length();
      }
      String component = rest.substring(start, comma).strip();
      start = comma + 1;
      if (component.isEmpty()) {
        continue;
      }
      int eq = component.indexOf('=');
      if (eq < 0) {
        throw AuthParseException.incomplete(
            "'"
                + component
                + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + authorization
                + "'.");
      }
      String key = component.substring(0, eq).strip();
      String val = component.substring(eq + 1).strip();
      if (val.isEmpty()) {
        continue; // an empty component counts as missing
      }
      switch (key) {
        case "Credential" -> credential = credential == null ? val : credential;
        case "SignedHeaders" -> signedHeaders = signedHeaders == null ? val : signedHeaders;
        case "Signature" -> signature = signature == null ? val : signature;
        default -> {
          // AWS ignores unknown components; so do we.
        }
      }
    }

    String amzDateHeader = headers.first("x-amz-date");
    String dateHeader = amzDateHeader == null ? headers.first("date") : null;

    StringBuilder missing = new StringBuilder();
    if (credential == null) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (signature == null) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (signedHeaders == null) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (amzDateHeader == null && dateHeader == null) {
      missing.append(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (!missing.isEmpty()) {
      throw AuthParseException.incomplete(
          missing.append("Authorization=").append(authorization).toString());
    }

    CredentialScope.Credential parsedCredential = CredentialScope.Credential.parse(credential);
    List<String> signed = CanonicalRequest.parseSignedHeaders(signedHeaders);
    if (!signed.contains("host")) {
      throw new AuthParseException(
          FailureKind.INCOMPLETE_SIGNATURE, HOST_NOT_SIGNED, parsedCredential.accessKeyId());
    }

    String amzDate;
    Instant time;
    if (amzDateHeader != null) {
      amzDate = amzDateHeader.strip();
      time = AmzDate.parse(amzDate);
    } else {
      time = AmzDate.parseHttpDate(dateHeader);
      amzDate = time == null ? dateHeader : AmzDate.format(time);
    }
    if (time == null) {
      throw new AuthParseException(
          FailureKind.INCOMPLETE_SIGNATURE,
          "Date must be in ISO-8601 'basic format'. Got '"
              + amzDate
              + "'. See http://en.wikipedia.org/wiki/ISO_8601",
          parsedCredential.accessKeyId());
    }

    return new SignedAuth(
        parsedCredential.accessKeyId(),
        parsedCredential.scope(),
        signed,
        signature,
        amzDate,
        time,
        false,
        -1,
        headers.first("x-amz-security-token"));
  }

  private static int firstWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        return i;
      }
    }
    return -1;
  }
}
