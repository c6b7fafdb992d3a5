package io.iamlocal.sigv4;

import java.util.Objects;

/**
 * What the verifier needs to know about an access key.
 *
 * <p>{@code sessionToken} is non-null exactly for temporary credentials; {@code principal} is an
 * opaque object attached by the server and handed back untouched in {@link Verified}.
 */
public record SigningCredential(
    String accessKeyId, String secretAccessKey, String sessionToken, Object principal) {

  public SigningCredential {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  /** Long-term credentials without a principal, handy for clients and tests. */
  public static SigningCredential of(String accessKeyId, String secretAccessKey) {
    return new SigningCredential(accessKeyId, secretAccessKey, null, null);
  }

  /** Keeps the secret and token out of logs. */
  @Override
  public String toString() {
    return "SigningCredential[accessKeyId="
        + accessKeyId
        + ", temporary="
        + (sessionToken != null)
        + ", principal="
        + principal
        + ']';
  }
}
