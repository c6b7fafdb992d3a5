package io.iamlocal.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * Derives the SigV4 signing key: HMAC chain of "AWS4"+secret over date, region, service and
 * "aws4_request".
 */
public final class SigningKeyDeriver {

  private SigningKeyDeriver() {}

  /**
   * The 32-byte signing key for a secret and scope; callers must not mutate the returned array if
   * they share it.
   */
  public static byte[] derive(String secretAccessKey, String date, String region, String service) {
    byte[] kDate =
        Hashing.hmacSha256(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] kRegion = Hashing.hmacSha256(kDate, region);
    byte[] kService = Hashing.hmacSha256(kRegion, service);
    return Hashing.hmacSha256(kService, CredentialScope.TERMINATOR);
  }
}
