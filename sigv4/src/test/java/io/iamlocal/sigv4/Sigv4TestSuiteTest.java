package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance against the AWS SigV4 test suite (aws-c-auth v4 vectors) in the test resource folder
 * {@code sigv4-vectors/}.
 *
 * <p>Signing side: each {@code request.txt} is signed with {@link RequestSigner} using the case's
 * context, and the canonical request, string to sign and signature are compared with the header-*
 * and query-* files. Path canonicalization per case: {@code "normalize": true} cases use {@link
 * CanonicalUriMode#NORMALIZED} (what the verifier applies to every service except s3); the {@code
 * *-unnormalized} cases ({@code "normalize": false}) describe S3-style signing and run with {@link
 * CanonicalUriMode#S3}.
 *
 * <p>Verifying side: {@code header-signed-request.txt} and {@code query-signed-request.txt} go
 * through the full {@link SignatureVerifier} with a clock fixed at the case's timestamp, expecting
 * {@link Verified} with the canonical request of the files. Cases that cannot apply to a server are
 * listed in {@link #SKIPPED}.
 */
class Sigv4TestSuiteTest {

  private static final String ROOT = "sigv4-vectors";

  private enum Check {
    HEADER_SIGNING,
    QUERY_SIGNING,
    HEADER_VERIFY,
    QUERY_VERIFY
  }

  private static final String UNNORMALIZED_REASON =
      "S3-style vector (normalize=false) signed for service "
          + "'service': the verifier derives the URI mode from the scope's service and normalizes every service but "
          + "s3, so it must reject this path; its canonical form is covered by the signing checks in S3 mode";

  /**
   * Every (case, check) the server cannot accept, with the reason. Signing checks are never
   * skipped. get-space-unnormalized is not listed: its path has no dot or empty segments, so both
   * URI modes agree and the verifier accepts it.
   */
  private static final Map<String, Map<Check, String>> SKIPPED =
      Map.of(
          "get-relative-unnormalized", verifyOnly(UNNORMALIZED_REASON),
          "get-relative-relative-unnormalized", verifyOnly(UNNORMALIZED_REASON),
          "get-slash-dot-slash-unnormalized", verifyOnly(UNNORMALIZED_REASON),
          "get-slash-pointless-dot-unnormalized", verifyOnly(UNNORMALIZED_REASON),
          "get-slash-unnormalized", verifyOnly(UNNORMALIZED_REASON),
          "get-slashes-unnormalized", verifyOnly(UNNORMALIZED_REASON),
          "post-sts-header-after",
              Map.of(
                  Check.QUERY_VERIFY,
                  "the session token is appended to the query after "
                      + "signing; a server cannot tell that from tampering with the signed query (AWS rejects it too). "
                      + "The header variant, where the token rides in an unsigned header, is verified"));

  private static Map<Check, String> verifyOnly(String reason) {
    return Map.of(Check.HEADER_VERIFY, reason, Check.QUERY_VERIFY, reason);
  }

  static Stream<String> cases() {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void allVectorsArePresentAndTheSkipTableNamesOnlyRealCases() {
    List<String> names = cases().toList();
    assertThat(names).hasSize(38);
    assertThat(names).containsAll(SKIPPED.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void headerCanonicalRequest(String name) {
    VectorCase c = VectorCase.load(name);
    skipIfListed(name, Check.HEADER_SIGNING);
    assertThat(c.headerSigned().canonicalRequest())
        .isEqualTo(c.file("header-canonical-request.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void headerStringToSign(String name) {
    VectorCase c = VectorCase.load(name);
    skipIfListed(name, Check.HEADER_SIGNING);
    assertThat(c.headerSigned().stringToSign()).isEqualTo(c.file("header-string-to-sign.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void headerSignature(String name) {
    VectorCase c = VectorCase.load(name);
    skipIfListed(name, Check.HEADER_SIGNING);
    SignedRequest signed = c.headerSigned();
    assertThat(signed.signature()).isEqualTo(c.file("header-signature.txt"));
    // The whole Authorization header the signer emits must be the one in the signed request file.
    SignableRequest expected = HttpRequestText.parse(c.bytes("header-signed-request.txt"));
    assertThat(signed.request().headerValues("Authorization"))
        .isEqualTo(expected.headerValues("Authorization"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void queryCanonicalRequest(String name) {
    VectorCase c = VectorCase.load(name);
    skipIfListed(name, Check.QUERY_SIGNING);
    assertThat(c.querySigned().canonicalRequest()).isEqualTo(c.file("query-canonical-request.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void queryStringToSign(String name) {
    VectorCase c = VectorCase.load(name);
    skipIfListed(name, Check.QUERY_SIGNING);
    assertThat(c.querySigned().stringToSign()).isEqualTo(c.file("query-string-to-sign.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void querySignature(String name) {
    VectorCase c = VectorCase.load(name);
    skipIfListed(name, Check.QUERY_SIGNING);
    SignedRequest signed = c.querySigned();
    assertThat(signed.signature()).isEqualTo(c.file("query-signature.txt"));
    assertThat(signed.request().rawQuery())
        .contains("X-Amz-Signature=" + c.file("query-signature.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifierAcceptsHeaderSignedRequest(String name) {
    VectorCase c = VectorCase.load(name);
    skipIfListed(name, Check.HEADER_VERIFY);
    VerificationResult result =
        c.verifier().verify(HttpRequestText.parse(c.bytes("header-signed-request.txt")));
    c.assertVerified(result, "header-canonical-request.txt", "header-string-to-sign.txt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifierAcceptsQuerySignedRequest(String name) {
    VectorCase c = VectorCase.load(name);
    skipIfListed(name, Check.QUERY_VERIFY);
    VerificationResult result =
        c.verifier().verify(HttpRequestText.parse(c.bytes("query-signed-request.txt")));
    c.assertVerified(result, "query-canonical-request.txt", "query-string-to-sign.txt");
  }

  private static void skipIfListed(String name, Check check) {
    String reason = SKIPPED.getOrDefault(name, Map.of()).get(check);
    assumeTrue(reason == null, () -> name + " / " + check + ": " + reason);
  }

  private static Path root() {
    URL url = Sigv4TestSuiteTest.class.getClassLoader().getResource(ROOT);
    assertThat(url).as("test resource folder " + ROOT).isNotNull();
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One vector directory and its context.json. */
  private record VectorCase(
      Path dir,
      SigningCredential credential,
      String region,
      String service,
      Instant timestamp,
      boolean normalize,
      boolean signBody,
      boolean omitSessionToken,
      long expiresSeconds) {

    private static final Object PRINCIPAL = new Object();

    @SuppressWarnings("unchecked")
    static VectorCase load(String name) {
      Path dir = root().resolve(name);
      Map<String, Object> ctx =
          (Map<String, Object>) MiniJson.parse(read(dir.resolve("context.json")));
      Map<String, Object> creds = (Map<String, Object>) ctx.get("credentials");
      SigningCredential credential =
          new SigningCredential(
              (String) creds.get("access_key_id"),
              (String) creds.get("secret_access_key"),
              (String) creds.get("token"),
              PRINCIPAL);
      return new VectorCase(
          dir,
          credential,
          (String) ctx.get("region"),
          (String) ctx.get("service"),
          Instant.parse((String) ctx.get("timestamp")),
          Boolean.TRUE.equals(ctx.get("normalize")),
          Boolean.TRUE.equals(ctx.get("sign_body")),
          Boolean.TRUE.equals(ctx.get("omit_session_token")),
          ((Number) ctx.get("expiration_in_seconds")).longValue());
    }

    RequestSigner signer() {
      return new RequestSigner(credential, region, service)
          .withUriMode(normalize ? CanonicalUriMode.NORMALIZED : CanonicalUriMode.S3)
          .withContentSha256Header(signBody)
          .withSessionTokenSigned(!omitSessionToken);
    }

    SignedRequest headerSigned() {
      return signer().sign(HttpRequestText.parse(bytes("request.txt")), timestamp);
    }

    SignedRequest querySigned() {
      return signer()
          .presign(
              HttpRequestText.parse(bytes("request.txt")),
              timestamp,
              Duration.ofSeconds(expiresSeconds));
    }

    SignatureVerifier verifier() {
      CredentialResolver resolver =
          akid ->
              akid.equals(credential.accessKeyId()) ? Optional.of(credential) : Optional.empty();
      return new SignatureVerifier(resolver, Clock.fixed(timestamp, ZoneOffset.UTC));
    }

    void assertVerified(VerificationResult result, String canonicalFile, String stringToSignFile) {
      assertThat(result).isInstanceOf(Verified.class);
      Verified verified = (Verified) result;
      assertThat(verified.credential().principal()).isSameAs(PRINCIPAL);
      assertThat(verified.scope()).isEqualTo(new CredentialScope("20150830", region, service));
      assertThat(verified.canonicalRequest()).isEqualTo(file(canonicalFile));
      assertThat(verified.stringToSign()).isEqualTo(file(stringToSignFile));
    }

    String file(String fileName) {
      return read(dir.resolve(fileName));
    }

    byte[] bytes(String fileName) {
      try {
        return Files.readAllBytes(dir.resolve(fileName));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String read(Path path) {
      try {
        return Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
