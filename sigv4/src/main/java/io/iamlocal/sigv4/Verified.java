package io.iamlocal.sigv4;

/**
 * A request whose signature checked out, with the credential that signed it and the signed
 * material.
 */
public record Verified(
    SigningCredential credential,
    CredentialScope scope,
    String canonicalRequest,
    String stringToSign)
    implements VerificationResult {}
