package io.iamlocal.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Client-side SigV4 signing, for tests and tools that need to send authenticated requests.
 *
 * <p>Signs every header present on the request (plus the ones it adds), so build the {@link
 * SignableRequest} with exactly the headers that will go on the wire, including {@code Host}.
 * Instances are immutable; the {@code with*} methods return adjusted copies.
 */
public final class RequestSigner {

  private final SigningCredential credential;
  private final String region;
  private final String service;
  private final CanonicalUriMode uriMode;
  private final boolean contentSha256Header;
  private final boolean sessionTokenSigned;

  public RequestSigner(SigningCredential credential, String region, String service) {
    this(credential, region, service, CanonicalUriMode.forService(service), false, true);
  }

  private RequestSigner(
      SigningCredential credential,
      String region,
      String service,
      CanonicalUriMode uriMode,
      boolean contentSha256Header,
      boolean sessionTokenSigned) {
    this.credential = Objects.requireNonNull(credential, "credential");
    this.region = Objects.requireNonNull(region, "region");
    this.service = Objects.requireNonNull(service, "service");
    this.uriMode = Objects.requireNonNull(uriMode, "uriMode");
    this.contentSha256Header = contentSha256Header;
    this.sessionTokenSigned = sessionTokenSigned;
  }

  /**
   * Overrides the path canonicalization derived from the service (the verifier always derives it).
   */
  public RequestSigner withUriMode(CanonicalUriMode mode) {
    return new RequestSigner(
        credential, region, service, mode, contentSha256Header, sessionTokenSigned);
  }

  /** When true, also sends and signs {@code x-amz-content-sha256} with the body hash. */
  public RequestSigner withContentSha256Header(boolean enabled) {
    return new RequestSigner(credential, region, service, uriMode, enabled, sessionTokenSigned);
  }

  /**
   * When false, the session token is attached after signing instead of being signed (some STS
   * clients do this for header auth; for presigned URLs the verifier will then reject it, as AWS
   * does).
   */
  public RequestSigner withSessionTokenSigned(boolean signed) {
    return new RequestSigner(credential, region, service, uriMode, contentSha256Header, signed);
  }

  /**
   * Adds {@code X-Amz-Date}, {@code Authorization} and, for temporary credentials, {@code
   * X-Amz-Security-Token}.
   */
  public SignedRequest sign(SignableRequest request, Instant time) {
    requireHost(request);
    String amzDate = AmzDate.format(time);
    CredentialScope scope = scopeFor(amzDate);
    String token = credential.sessionToken();

    SignableRequest r = request.withoutHeader("Authorization").withHeader("X-Amz-Date", amzDate);
    if (token != null && sessionTokenSigned) {
      r = r.withHeader("X-Amz-Security-Token", token);
    }
    String payloadHash = r.firstHeader("x-amz-content-sha256").orElse(null);
    if (payloadHash == null) {
      payloadHash = PayloadHash.sha256Hex(r.payload());
      if (contentSha256Header) {
        r = r.withHeader("x-amz-content-sha256", payloadHash);
      }
    }
    List<String> signedHeaders = CanonicalRequest.normalizeSignedHeaders(r.headers().keySet());
    String canonicalRequest = CanonicalRequest.build(r, signedHeaders, payloadHash, uriMode);
    String stringToSign = StringToSign.build(amzDate, scope, canonicalRequest);
    String signature = StringToSign.sign(signingKey(scope), stringToSign);

    r =
        r.withHeader(
            "Authorization",
            StringToSign.ALGORITHM
                + " Credential="
                + credential.accessKeyId()
                + '/'
                + scope.scopeString()
                + ", SignedHeaders="
                + String.join(";", signedHeaders)
                + ", Signature="
                + signature);
    if (token != null && !sessionTokenSigned) {
      r = r.withHeader("X-Amz-Security-Token", token);
    }
    return new SignedRequest(r, canonicalRequest, stringToSign, signature);
  }

  /**
   * Produces a presigned URL request: the {@code X-Amz-*} query parameters are appended to the
   * existing query. The payload line is {@code UNSIGNED-PAYLOAD} for S3 and the body hash otherwise
   * (matching botocore and the verifier), unless an {@code x-amz-content-sha256} header is present.
   */
  public SignedRequest presign(SignableRequest request, Instant time, Duration expiresIn) {
    requireHost(request);
    long expires = expiresIn.getSeconds();
    if (expires < 1 || expires > PresignedQueryParser.MAX_EXPIRES_SECONDS) {
      throw new IllegalArgumentException(
          "expiresIn must be between 1 second and 7 days: " + expiresIn);
    }
    String amzDate = AmzDate.format(time);
    CredentialScope scope = scopeFor(amzDate);
    String token = credential.sessionToken();
    SignableRequest r = request.withoutHeader("Authorization");
    List<String> signedHeaders = CanonicalRequest.normalizeSignedHeaders(r.headers().keySet());

    List<String> params = new ArrayList<>();
    if (!r.rawQuery().isEmpty()) {
      params.add(r.rawQuery());
    }
    params.add(PresignedQueryParser.ALGORITHM_PARAM + '=' + StringToSign.ALGORITHM);
    params.add(
        PresignedQueryParser.CREDENTIAL_PARAM
            + '='
            + UriEncoding.encode(credential.accessKeyId() + '/' + scope.scopeString(), false));
    params.add(PresignedQueryParser.DATE_PARAM + '=' + amzDate);
    params.add(PresignedQueryParser.EXPIRES_PARAM + '=' + expires);
    params.add(
        PresignedQueryParser.SIGNED_HEADERS_PARAM
            + '='
            + UriEncoding.encode(String.join(";", signedHeaders), false));
    String tokenParam =
        token == null
            ? null
            : PresignedQueryParser.SECURITY_TOKEN_PARAM + '=' + UriEncoding.encode(token, false);
    if (tokenParam != null && sessionTokenSigned) {
      params.add(tokenParam);
    }
    r = r.withRawQuery(String.join("&", params));

    SignableRequest unsigned = r;
    String payloadHash =
        r.firstHeader("x-amz-content-sha256")
            .orElseGet(
                () ->
                    "s3".equals(service)
                        ? PayloadHash.UNSIGNED_PAYLOAD
                        : PayloadHash.sha256Hex(unsigned.payload()));
    String canonicalRequest = CanonicalRequest.build(r, signedHeaders, payloadHash, uriMode);
    String stringToSign = StringToSign.build(amzDate, scope, canonicalRequest);
    String signature = StringToSign.sign(signingKey(scope), stringToSign);

    String query = r.rawQuery() + '&' + CanonicalRequest.SIGNATURE_PARAM + '=' + signature;
    if (tokenParam != null && !sessionTokenSigned) {
      query = query + '&' + tokenParam;
    }
    return new SignedRequest(r.withRawQuery(query), canonicalRequest, stringToSign, signature);
  }

  private CredentialScope scopeFor(String amzDate) {
    return new CredentialScope(amzDate.substring(0, 8), region, service);
  }

  private byte[] signingKey(CredentialScope scope) {
    return SigningKeyDeriver.derive(
        credential.secretAccessKey(), scope.date(), scope.region(), scope.service());
  }

  private static void requireHost(SignableRequest request) {
    if (request.firstHeader("host").isEmpty()) {
      throw new IllegalArgumentException("SigV4 requires a Host header on the request to sign");
    }
  }
}
