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
    int algorithmEnd = space < 0 ? value.length() : space;
    if (algorithmEnd != StringToSign.ALGORITHM.length()
        || !value.startsWith(StringToSign.ALGORITHM)) {
      throw AuthParseException.incomplete(
          "Unsupported AWS 'algorithm': '"
              + value.substring(0, algorithmEnd)
              + "'. Only '"
              + StringToSign.ALGORITHM
              + "' is supported.");
    }

    // Components are comma separated; spaces around commas and '=' are tolerated. They are found
    // by index in the header itself and read where they stand: only the access key id is copied.
    int credentialFrom = -1;
    int credentialTo = -1;
    int signedHeadersFrom = -1;
    int signedHeadersTo = -1;
    int signatureFrom = -1;
    int signatureTo = -1;
    int end = value.length();
    int start = space < 0 ? end + 1 : space + 1;
    while (start <= end) {
      int comma = value.indexOf(',', start);
      if (comma < 0) {
        comma = end;
      }
      int from = skipWhitespace(value, start, comma);
      int to = trimWhitespace(value, from, comma);
      start = comma + 1;
      if (from == to) {
        continue;
      }
      int eq = value.indexOf('=', from);
      if (eq < 0 || eq >= to) {
        throw AuthParseException.incomplete(
            "'"
                + value.substring(from, to)
                + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + authorization
                + "'.");
      }
      int keyEnd = trimWhitespace(value, from, eq);
      int valueFrom = skipWhitespace(value, eq + 1, to);
      if (valueFrom == to) {
        continue; // an empty component counts as missing
      }
      if (credentialFrom < 0 && isKey(value, from, keyEnd, "Credential")) {
        credentialFrom = valueFrom;
        credentialTo = to;
      } else if (signedHeadersFrom < 0 && isKey(value, from, keyEnd, "SignedHeaders")) {
        signedHeadersFrom = valueFrom;
        signedHeadersTo = to;
      } else if (signatureFrom < 0 && isKey(value, from, keyEnd, "Signature")) {
        signatureFrom = valueFrom;
        signatureTo = to;
      }
      // AWS ignores unknown components (and repeated ones); so do we.
    }

    String amzDateHeader = headers.first("x-amz-date");
    String dateHeader = amzDateHeader == null ? headers.first("date") : null;

    if (credentialFrom < 0
        || signatureFrom < 0
        || signedHeadersFrom < 0
        || (amzDateHeader == null && dateHeader == null)) {
      throw incomplete(
          authorization,
          credentialFrom < 0,
          signatureFrom < 0,
          signedHeadersFrom < 0,
          amzDateHeader == null && dateHeader == null);
    }

    CredentialScope.Credential parsedCredential =
        CredentialScope.Credential.parse(value, credentialFrom, credentialTo);
    List<String> signed =
        CanonicalRequest.parseSignedHeaders(value, signedHeadersFrom, signedHeadersTo);
    if (!signed.contains("host")) {
      throw new AuthParseException(
          FailureKind.INCOMPLETE_SIGNATURE, HOST_NOT_SIGNED, parsedCredential.accessKeyId());
    }

    String amzDate;
    long time;
    if (amzDateHeader != null) {
      amzDate = amzDateHeader.strip();
      time = AmzDate.epochSecond(amzDate);
    } else {
      Instant httpTime = AmzDate.parseHttpDate(dateHeader);
      amzDate = httpTime == null ? dateHeader : AmzDate.format(httpTime);
      time = httpTime == null ? AmzDate.NOT_A_DATE : httpTime.getEpochSecond();
    }
    if (time == AmzDate.NOT_A_DATE) {
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
        value,
        signatureFrom,
        signatureTo,
        amzDate,
        time,
        false,
        -1,
        headers.first("x-amz-security-token"));
  }

  /** AWS's IncompleteSignature message naming every missing part. */
  private static AuthParseException incomplete(
      String authorization,
      boolean noCredential,
      boolean noSignature,
      boolean noSignedHeaders,
      boolean noDate) {
    StringBuilder missing = new StringBuilder();
    if (noCredential) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (noSignature) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (noSignedHeaders) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (noDate) {
      missing.append(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    return AuthParseException.incomplete(
        missing.append("Authorization=").append(authorization).toString());
  }

  private static boolean isKey(String s, int from, int to, String key) {
    return to - from == key.length() && s.startsWith(key, from);
  }

  /** The first index in [from, to) that is not whitespace ({@link String#strip}'s), or to. */
  private static int skipWhitespace(String s, int from, int to) {
    while (from < to && Character.isWhitespace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  /** The end of [from, to) without its trailing whitespace. */
  private static int trimWhitespace(String s, int from, int to) {
    while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    return to;
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
