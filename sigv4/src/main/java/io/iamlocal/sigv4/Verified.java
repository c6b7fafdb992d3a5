package io.iamlocal.sigv4;

import java.util.Objects;

/**
 * A request whose signature checked out, with the credential that signed it and the signed
 * material.
 *
 * <p>The verifier checks a signature without writing the canonical request or the string to sign as
 * text; a request it verified keeps what they are made of and writes them only when asked (S3's
 * chunked uploads, tests), exactly as they were hashed.
 */
public final class Verified implements VerificationResult {
  private final SigningCredential credential;
  private final CredentialScope scope;
  // Either the texts themselves, or what they are written from.
  private final String canonicalRequest;
  private final String stringToSign;
  private final SignableRequest request;
  private final HeaderIndex headers;
  private final SignedAuth auth;
  private final String payloadHash;
  private final CanonicalUriMode uriMode;

  public Verified(
      SigningCredential credential,
      CredentialScope scope,
      String canonicalRequest,
      String stringToSign) {
    this.credential = Objects.requireNonNull(credential, "credential");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.canonicalRequest = Objects.requireNonNull(canonicalRequest, "canonicalRequest");
    this.stringToSign = Objects.requireNonNull(stringToSign, "stringToSign");
    this.request = null;
    this.headers = null;
    this.auth = null;
    this.payloadHash = null;
    this.uriMode = null;
  }

  /** A request verified with this payload hash; its texts are written when asked for. */
  Verified(
      SigningCredential credential,
      SignableRequest request,
      HeaderIndex headers,
      SignedAuth auth,
      String payloadHash,
      CanonicalUriMode uriMode) {
    this.credential = credential;
    this.scope = auth.scope();
    this.canonicalRequest = null;
    this.stringToSign = null;
    this.request = request;
    this.headers = headers;
    this.auth = auth;
    this.payloadHash = payloadHash;
    this.uriMode = uriMode;
  }

  public SigningCredential credential() {
    return credential;
  }

  public CredentialScope scope() {
    return scope;
  }

  /** The canonical request that was signed. */
  public String canonicalRequest() {
    if (canonicalRequest != null) {
      return canonicalRequest;
    }
    return CanonicalRequest.build(request, headers, auth.signedHeaders(), payloadHash, uriMode);
  }

  /** The string to sign whose signature matched. */
  public String stringToSign() {
    return stringToSign != null
        ? stringToSign
        : StringToSign.build(auth.amzDate(), scope, canonicalRequest());
  }

  @Override
  public String toString() {
    return "Verified[credential=" + credential + ", scope=" + scope + ']';
  }
}
