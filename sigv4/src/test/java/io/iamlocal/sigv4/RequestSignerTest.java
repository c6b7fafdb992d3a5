package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link RequestSigner} output, and round trips through {@link SignatureVerifier}. */
class RequestSignerTest {

  private static final SigningCredential ALICE =
      new SigningCredential(
          "AKIAALICE0000EXAMPLE", "aliceSecretKeyEXAMPLE/0123456789+abcdefg", null, "alice");
  private static final SigningCredential TEMP =
      new SigningCredential(
          "ASIATEMP0000EXAMPLE",
          "tempSecretKeyEXAMPLE/0123456789+abcdefgh",
          "IQoJb3JpZ2luX2VjEXAMPLE/token+==",
          "role-session");
  private static final Instant NOW = Instant.parse("2024-05-01T10:20:30.123Z");
  private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

  private final SignatureVerifier verifier =
      new SignatureVerifier(
          akid ->
              Optional.ofNullable(
                  Map.of(ALICE.accessKeyId(), ALICE, TEMP.accessKeyId(), TEMP).get(akid)),
          Clock.fixed(NOW.plusSeconds(42), ZoneOffset.UTC));

  private static SignableRequest formPost(String body) {
    return new SignableRequest(
        "POST",
        "/",
        "",
        Map.of("Host", List.of("localhost:4566"), "Content-Type", List.of(FORM)),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void signsAFormPostThatTheVerifierAccepts() {
    String body = "Action=CreateUser&UserName=alice%2Bdev&Path=%2Fteam%2F&Version=2010-05-08";
    SignedRequest signed = new RequestSigner(ALICE, "us-east-1", "iam").sign(formPost(body), NOW);

    SignableRequest wire = signed.request();
    assertThat(wire.firstHeader("X-Amz-Date")).contains("20240501T102030Z");
    assertThat(wire.firstHeader("X-Amz-Security-Token")).isEmpty();
    assertThat(wire.firstHeader("Authorization").orElseThrow())
        .isEqualTo(
            "AWS4-HMAC-SHA256 "
                + "Credential=AKIAALICE0000EXAMPLE/20240501/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, Signature="
                + signed.signature());
    assertThat(signed.signature()).matches("[0-9a-f]{64}");
    assertThat(signed.canonicalRequest())
        .isEqualTo(
            "POST\n/\n\ncontent-type:"
                + FORM
                + "\nhost:localhost:4566\nx-amz-date:20240501T102030Z\n\ncontent-type;host;x-amz-date\n"
                + PayloadHash.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
    assertThat(signed.stringToSign())
        .startsWith(
            "AWS4-HMAC-SHA256\n20240501T102030Z\n" + "20240501/us-east-1/iam/aws4_request\n");

    Verified ok = (Verified) verifier.verify(wire);
    assertThat(ok.credential().principal()).isEqualTo("alice");
    assertThat(ok.canonicalRequest()).isEqualTo(signed.canonicalRequest());
    assertThat(ok.stringToSign()).isEqualTo(signed.stringToSign());
  }

  @Test
  void changedFormBodyNoLongerVerifies() {
    SignedRequest signed =
        new RequestSigner(ALICE, "us-east-1", "iam")
            .sign(formPost("Action=CreateUser&UserName=alice&Version=2010-05-08"), NOW);
    SignableRequest tampered =
        new SignableRequest(
            "POST",
            "/",
            "",
            signed.request().headers(),
            "Action=CreateUser&UserName=admin&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));

    SigV4Failure failure = (SigV4Failure) verifier.verify(tampered);

    assertThat(failure.kind()).isEqualTo(FailureKind.SIGNATURE_DOES_NOT_MATCH);
    assertThat(failure.canonicalRequest()).isNotEqualTo(signed.canonicalRequest());
  }

  @Test
  void temporaryCredentialsSignTheirSessionToken() {
    SignedRequest signed =
        new RequestSigner(TEMP, "us-east-1", "sts")
            .sign(formPost("Action=GetCallerIdentity&Version=2011-06-15"), NOW);

    assertThat(signed.request().firstHeader("x-amz-security-token")).contains(TEMP.sessionToken());
    assertThat(signed.request().firstHeader("authorization").orElseThrow())
        .contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,");
    assertThat(verifier.verify(signed.request())).isInstanceOf(Verified.class);
  }

  @Test
  void resigningReplacesThePreviousAuthorization() {
    RequestSigner signer = new RequestSigner(ALICE, "us-east-1", "iam");
    SignedRequest once =
        signer.sign(formPost("Action=ListUsers&Version=2010-05-08"), NOW.minusSeconds(5));
    SignedRequest twice = signer.sign(once.request(), NOW);

    assertThat(twice.request().headerValues("authorization")).hasSize(1);
    assertThat(twice.canonicalRequest()).doesNotContain("authorization");
    assertThat(verifier.verify(twice.request())).isInstanceOf(Verified.class);
  }

  @Test
  void presignedUrlRoundTrips() {
    SignedRequest signed =
        new RequestSigner(ALICE, "us-east-1", "sts")
            .presign(
                SignableRequest.of(
                    "GET",
                    "/?Action=GetCallerIdentity&Version=2011-06-15",
                    Map.of("host", List.of("localhost:4566")),
                    null),
                NOW,
                Duration.ofMinutes(15));

    assertThat(signed.request().target())
        .startsWith("/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=");
    assertThat(verifier.verify(signed.request())).isInstanceOf(Verified.class);
  }

  @Test
  void rejectsRequestsWithoutHostAndOutOfRangeExpiry() {
    RequestSigner signer = new RequestSigner(ALICE, "us-east-1", "iam");
    SignableRequest noHost = new SignableRequest("GET", "/", "", Map.of(), null);

    assertThatThrownBy(() -> signer.sign(noHost, NOW)).isInstanceOf(IllegalArgumentException.class);
    SignableRequest ok = noHost.withHeader("Host", "localhost");
    assertThatThrownBy(() -> signer.presign(ok, NOW, Duration.ofDays(8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> signer.presign(ok, NOW, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
