package io.iamlocal.sigv4;

import java.util.Objects;

/**
 * The {@code date/region/service/aws4_request} scope a signature is bound to ({@code date} is
 * yyyyMMdd).
 */
public record CredentialScope(String date, String region, String service) {

  /** Fixed last element of every SigV4 credential scope. */
  public static final String TERMINATOR = "aws4_request";

  public CredentialScope {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(service, "service");
  }

  /** {@code date/region/service/aws4_request}, as it appears in the string to sign. */
  public String scopeString() {
    return KnownScopes.text(this);
  }

  /**
   * Parses the scope out of a full credential {@code AKID/20150830/us-east-1/iam/aws4_request}.
   *
   * @throws IllegalArgumentException with an AWS-style message when the credential is malformed
   */
  public static CredentialScope parse(String credential) {
    try {
      return Credential.parse(credential).scope();
    } catch (AuthParseException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** Access key id plus scope, as carried by the {@code Credential=} component. */
  record Credential(String accessKeyId, CredentialScope scope) {

    static Credential parse(String credential) throws AuthParseException {
      return parse(credential, 0, credential.length());
    }

    /** Parses the credential written in {@code text[from, to)}. */
    static Credential parse(String text, int from, int to) throws AuthParseException {
      int slash = text.indexOf('/', from);
      if (slash > from && slash < to) {
        // A scope seen before passed every check below.
        CredentialScope known = KnownScopes.match(text, slash + 1, to);
        if (known != null) {
          return new Credential(text.substring(from, slash), known);
        }
      }
      return parseUnknown(text.substring(from, to));
    }

    private static Credential parseUnknown(String credential) throws AuthParseException {
      String[] parts = split(credential);
      if (parts.length != 5) {
        String region = parts.length > 2 ? parts[2] : "";
        throw AuthParseException.incomplete(
            "Credential should be scoped to a valid region, not '"
                + region
                + "'. Credential should have the form '<access key id>/<yyyyMMdd>/<region>/<service>/"
                + TERMINATOR
                + "', not '"
                + credential
                + "'.");
      }
      StringBuilder problems = new StringBuilder();
      if (parts[0].isEmpty()) {
        problems.append("Credential should start with an access key id. ");
      }
      if (!isEightDigits(parts[1])) {
        problems.append("Invalid credential date. Date is not the required format: yyyyMMdd. ");
      }
      if (parts[2].isEmpty()) {
        problems.append("Credential should be scoped to a valid region, not ''. ");
      }
      if (parts[3].isEmpty()) {
        problems.append("Credential should be scoped to a valid service, not ''. ");
      }
      if (!TERMINATOR.equals(parts[4])) {
        problems
            .append(
                "Credential should be scoped with a valid terminator: '" + TERMINATOR + "', not '")
            .append(parts[4])
            .append("'. ");
      }
      if (!problems.isEmpty()) {
        throw AuthParseException.incomplete(problems.toString().strip());
      }
      CredentialScope scope = new CredentialScope(parts[1], parts[2], parts[3]);
      KnownScopes.remember(scope);
      return new Credential(parts[0], scope);
    }

    // Hand-rolled split: String.split would compile/dispatch a pattern and drop trailing empties.
    private static String[] split(String s) {
      int count = 1;
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == '/') {
          count++;
        }
      }
      String[] parts = new String[count];
      int start = 0;
      for (int p = 0; p < count; p++) {
        int end = s.indexOf('/', start);
        if (end < 0) {
          end = s.length();
        }
        parts[p] = s.substring(start, end);
        start = end + 1;
      }
      return parts;
    }

    private static boolean isEightDigits(String s) {
      if (s.length() != 8) {
        return false;
      }
      for (int i = 0; i < 8; i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }
  }
}
