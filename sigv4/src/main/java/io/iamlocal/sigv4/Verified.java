package io.iamlocal.sigv4;

import java.util.Objects;

/**
 * A request whose signature checked out, with the credential that signed it and the signed
 * material.
 *
 * <p>The verifier checks a signature without writing the canonical request or the string to sign as
 * text; a verified request keeps what they are made of and writes them only when asked (S3's
 * chunked uploads, tests), as they read on the wire.
 */
public final class Verified implements VerificationResult {
  private final SigningCredential credential;
  private final CredentialScope scope;
  private final String canonicalRequest;
  private final String stringToSign;
  private final SignedMaterial material;

  /** The signed material of a verified request, as the verifier had it. */
  record SignedMaterial(
      SignableRequest request,
      HeaderIndex headers,
      SignedAuth auth,
      String payloadHash,
      CanonicalUriMode uriMode) {

    String canonicalRequest() {
      return CanonicalRequest.build(
          request.method(),
          request.rawPath(),
          request.rawQuery(),
          headers,
          auth.signedHeaders(),
          payloadHash,
          uriMode);
    }
  }

  public Verified(
      SigningCredential credential,
      CredentialScope scope,
      String canonicalRequest,
      String stringToSign) {
    this.credential = Objects.requireNonNull(credential, "credential");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.canonicalRequest = Objects.requireNonNull(canonicalRequest, "canonicalRequest");
    this.stringToSign = Objects.requireNonNull(stringToSign, "stringToSign");
    this.material = null;
  }

  Verified(SigningCredential credential, SignedMaterial material) {
    this.credential = credential;
    this.scope = material.auth().scope();
    this.canonicalRequest = null;
    this.stringToSign = null;
    this.material = material;
  }

  public SigningCredential credential() {
    return credential;
  }

  public CredentialScope scope() {
    return scope;
  }

  /** The canonical request that was signed. */
  public String canonicalRequest() {
    return material == null ? canonicalRequest : material.canonicalRequest();
  }

  /** The string to sign whose signature matched. */
  public String stringToSign() {
    return material == null
        ? stringToSign
        : StringToSign.build(material.auth().amzDate(), scope, material.canonicalRequest());
  }

  @Override
  public String toString() {
    return "Verified[credential=" + credential + ", scope=" + scope + ']';
  }
}
