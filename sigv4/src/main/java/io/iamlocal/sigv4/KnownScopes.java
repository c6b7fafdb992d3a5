package io.iamlocal.sigv4;

/**
 * The last few credential scopes seen ({@code date/region/service/aws4_request}), each with its
 * text: on a day's traffic every request of a service carries the same scope, so most requests
 * reuse a parsed scope and its string-to-sign line instead of splitting and concatenating again.
 * Entries are immutable; a lost race only costs a re-parse.
 */
final class KnownScopes {
  private record Known(CredentialScope scope, String text) {}

  private static final int SIZE = 8;
  private static final Known[] KNOWN = new Known[SIZE];
  private static int next;

  private KnownScopes() {}

  /** The known scope written in {@code credential[from, to)}, or null. */
  static CredentialScope match(String credential, int from, int to) {
    int length = to - from;
    for (Known k : KNOWN) {
      if (k != null
          && k.text().length() == length
          && credential.regionMatches(from, k.text(), 0, length)) {
        return k.scope();
      }
    }
    return null;
  }

  /** Remembers a valid scope, replacing the oldest entry. */
  static synchronized void remember(CredentialScope scope) {
    KNOWN[next] = new Known(scope, build(scope));
    next = (next + 1) % SIZE;
  }

  /** {@code date/region/service/aws4_request}, remembered when the scope is a known one. */
  static String text(CredentialScope scope) {
    for (Known k : KNOWN) {
      if (k != null && k.scope() == scope) {
        return k.text();
      }
    }
    return build(scope);
  }

  private static String build(CredentialScope scope) {
    return scope.date()
        + '/'
        + scope.region()
        + '/'
        + scope.service()
        + '/'
        + CredentialScope.TERMINATOR;
  }
}
