package io.iamlocal.sigv4;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Server-side AWS Signature Version 4 verification, for both the Authorization header and presigned
 * URLs.
 *
 * <p>Stateless apart from a small cache of derived signing keys; safe to share between threads.
 */
public final class SignatureVerifier {

  /** AWS accepts request times this far either side of its own clock. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

  static final String MISSING_AUTHENTICATION_TOKEN = "Request is missing Authentication Token";
  static final String INVALID_TOKEN = "The security token included in the request is invalid.";
  static final String SIGNATURE_MISMATCH =
      "The request signature we calculated does not match the signature you "
          + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
          + "details.";
  static final String CONTENT_SHA256_MISMATCH =
      "The provided 'x-amz-content-sha256' header does not match what was computed.";
  static final String REQUEST_EXPIRED = "Request has expired";
  static final String BOTH_MECHANISMS =
      "Only one auth mechanism allowed; only the X-Amz-Algorithm query "
          + "parameter, Signature query string parameter or the Authorization header should be specified";

  /**
   * One entry (~150 bytes) per access key and service in use: 10,000 users calling IAM and STS need
   * 20,000. A smaller cache thrashed in the benchmark, re-deriving the key (four HMACs) on almost
   * every request.
   */
  private static final int KEY_CACHE_ENTRIES = 65_536;

  private final CredentialResolver resolver;
  private final Clock clock;
  private final SigningKeyCache signingKeys = new SigningKeyCache(KEY_CACHE_ENTRIES);

  public SignatureVerifier(CredentialResolver resolver, Clock clock) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Verifies one request; never throws for bad input, only for resolver failures. */
  public VerificationResult verify(SignableRequest request) {
    HeaderIndex headers = HeaderIndex.of(request.headers());
    String authorization = headers.first("authorization");
    Map<String, String> presignParams = PresignedQueryParser.authParameters(request.rawQuery());
    try {
      SignedAuth auth;
      if (authorization != null && presignParams != null) {
        throw AuthParseException.incomplete(BOTH_MECHANISMS);
      } else if (authorization != null) {
        auth = AuthorizationHeaderParser.parse(authorization, headers);
      } else if (presignParams != null) {
        auth = PresignedQueryParser.parse(presignParams, headers);
      } else {
        return SigV4Failure.of(
            FailureKind.MISSING_AUTHENTICATION_TOKEN, MISSING_AUTHENTICATION_TOKEN, null);
      }
      return verify(request, headers, auth);
    } catch (AuthParseException e) {
      return e.failure();
    }
  }

  private VerificationResult verify(SignableRequest request, HeaderIndex headers, SignedAuth auth) {
    String accessKeyId = auth.accessKeyId();
    SigningCredential credential =
        resolver.resolve(accessKeyId, auth.scope().region()).orElse(null);
    if (credential == null) {
      return SigV4Failure.of(FailureKind.INVALID_CLIENT_TOKEN_ID, INVALID_TOKEN, accessKeyId);
    }
    if (!sessionTokenMatches(credential.sessionToken(), auth.securityToken())) {
      return SigV4Failure.of(FailureKind.INVALID_SECURITY_TOKEN, INVALID_TOKEN, accessKeyId);
    }

    String scopeDate = auth.scope().date();
    if (scopeDate.length() != 8 || !auth.amzDate().startsWith(scopeDate)) {
      String requestDay = auth.amzDate().substring(0, 8);
      return SigV4Failure.of(
          FailureKind.SIGNATURE_DOES_NOT_MATCH,
          "Date in Credential scope does not match "
              + "YYYYMMDD from ISO-8601 version of date from HTTP: '"
              + auth.scope().date()
              + "' != '"
              + requestDay
              + "', from '"
              + auth.amzDate()
              + "'.",
          accessKeyId);
    }
    SigV4Failure timeFailure = checkTime(auth);
    if (timeFailure != null) {
      return timeFailure;
    }

    String service = auth.scope().service();
    String contentSha256 = headers.first("x-amz-content-sha256");
    String payloadHash;
    if (contentSha256 != null) {
      contentSha256 = contentSha256.strip();
      // A claimed digest must be the body's digest, or the body could be swapped under a valid
      // signature.
      if (Hashing.isSha256Hex(contentSha256)
          && !contentSha256.equalsIgnoreCase(PayloadHash.sha256Hex(request.payload()))) {
        return SigV4Failure.of(
            FailureKind.SIGNATURE_DOES_NOT_MATCH, CONTENT_SHA256_MISMATCH, accessKeyId);
      }
      payloadHash = contentSha256;
    } else if (auth.presigned() && "s3".equals(service)) {
      payloadHash = PayloadHash.UNSIGNED_PAYLOAD;
    } else {
      payloadHash = PayloadHash.sha256Hex(request.payload());
    }

    CanonicalUriMode uriMode = CanonicalUriMode.forService(service);
    byte[] signingKey =
        signingKeys.signingKey(credential, auth.scope().date(), auth.scope().region(), service);

    if (signatureMatches(signingKey, request, headers, auth, payloadHash, uriMode)) {
      return new Verified(credential, request, headers, auth, payloadHash, uriMode);
    }
    // Non-S3 presigners differ on the payload line (botocore hashes the body, others send
    // UNSIGNED-PAYLOAD).
    // Accept the latter only for an empty body, where it cannot hide anything.
    if (auth.presigned()
        && contentSha256 == null
        && request.payload().length == 0
        && !payloadHash.equals(PayloadHash.UNSIGNED_PAYLOAD)
        && signatureMatches(
            signingKey, request, headers, auth, PayloadHash.UNSIGNED_PAYLOAD, uriMode)) {
      return new Verified(
          credential, request, headers, auth, PayloadHash.UNSIGNED_PAYLOAD, uriMode);
    }
    // The texts the client should have signed, written out only for a failure's report.
    String canonicalRequest =
        CanonicalRequest.build(request, headers, auth.signedHeaders(), payloadHash, uriMode);
    return new SigV4Failure(
        FailureKind.SIGNATURE_DOES_NOT_MATCH,
        SIGNATURE_MISMATCH,
        accessKeyId,
        canonicalRequest,
        StringToSign.build(auth.amzDate(), auth.scope(), canonicalRequest));
  }

  /**
   * Whether the request's signature is the one computed for it with this payload hash, in this
   * thread's scratch buffers: the canonical request and string to sign are hashed as bytes, never
   * built as text.
   */
  private static boolean signatureMatches(
      byte[] signingKey,
      SignableRequest request,
      HeaderIndex headers,
      SignedAuth auth,
      String payloadHash,
      CanonicalUriMode uriMode) {
    SigningScratch scratch = SigningScratch.get();
    CanonicalRequest.write(
        scratch.text(), request, headers, auth.signedHeaders(), payloadHash, uriMode);
    return StringToSign.matches(
        scratch,
        signingKey,
        auth.amzDate(),
        auth.scope(),
        auth.signatureText(),
        auth.signatureFrom(),
        auth.signatureTo());
  }

  /** Temporary credentials demand their exact token; long-term ones must not come with one. */
  private static boolean sessionTokenMatches(String expected, String sent) {
    boolean tokenSent = sent != null && !sent.isEmpty();
    if (expected == null) {
      return !tokenSent;
    }
    return tokenSent && Hashing.constantTimeEquals(expected, sent.strip());
  }

  private static final long MAX_CLOCK_SKEW_SECONDS = MAX_CLOCK_SKEW.getSeconds();

  /**
   * The signing time against the server's clock read in whole seconds; instants are built only for
   * a failure's message (most requests are within the skew).
   */
  private SigV4Failure checkTime(SignedAuth auth) {
    // The clock's milliseconds: for the system clock a JIT intrinsic, where its instant() is a
    // native call that showed as ~2 % of a GetUser in profiles.
    long now = Math.floorDiv(clock.millis(), 1000);
    long signed = auth.requestTime();
    long latest = now + MAX_CLOCK_SKEW_SECONDS;
    if (signed > latest) {
      return SigV4Failure.of(
          FailureKind.SIGNATURE_EXPIRED,
          "Signature not yet current: "
              + AmzDate.format(Instant.ofEpochSecond(signed))
              + " is still later than "
              + AmzDate.format(Instant.ofEpochSecond(latest))
              + " ("
              + AmzDate.format(Instant.ofEpochSecond(now))
              + " + 15 min.)",
          auth.accessKeyId());
    }
    if (auth.presigned()) {
      // Expired once the clock's second is past the signing time plus X-Amz-Expires.
      return now > signed + auth.expiresSeconds()
          ? SigV4Failure.of(FailureKind.REQUEST_EXPIRED, REQUEST_EXPIRED, auth.accessKeyId())
          : null;
    }
    long earliest = now - MAX_CLOCK_SKEW_SECONDS;
    if (signed < earliest) {
      return SigV4Failure.of(
          FailureKind.SIGNATURE_EXPIRED,
          "Signature expired: "
              + AmzDate.format(Instant.ofEpochSecond(signed))
              + " is now earlier than "
              + AmzDate.format(Instant.ofEpochSecond(earliest))
              + " ("
              + AmzDate.format(Instant.ofEpochSecond(now))
              + " - 15 min.)",
          auth.accessKeyId());
    }
    return null;
  }
}
