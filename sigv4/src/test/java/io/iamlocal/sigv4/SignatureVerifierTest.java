package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per failure kind and edge of {@link SignatureVerifier}, asserting exact kinds and
 * messages.
 */
class SignatureVerifierTest {

  static final String AKID = "AKIDEXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String TEMP_AKID = "ASIAEXAMPLETEMP";
  static final String TEMP_SECRET = "tempSecretKeyEXAMPLE0123456789abcdefghij";
  static final String TOKEN = "FwoGZXIvYXdzEXAMPLE//session+token==";
  static final Instant T = Instant.parse("2015-08-30T12:36:00Z");

  static final String PRINCIPAL = "user/alice";
  static final String TEMP_PRINCIPAL = "assumed-role/dev/session";
  static final SigningCredential LONG_TERM = new SigningCredential(AKID, SECRET, null, PRINCIPAL);
  static final SigningCredential TEMPORARY =
      new SigningCredential(TEMP_AKID, TEMP_SECRET, TOKEN, TEMP_PRINCIPAL);

  static final CredentialResolver RESOLVER =
      akid ->
          switch (akid) {
            case AKID -> Optional.of(LONG_TERM);
            case TEMP_AKID -> Optional.of(TEMPORARY);
            default -> Optional.empty();
          };

  static SignatureVerifier verifierAt(Instant now) {
    return new SignatureVerifier(RESOLVER, Clock.fixed(now, ZoneOffset.UTC));
  }

  static SignableRequest listUsers() {
    return new SignableRequest(
        "GET",
        "/",
        "Action=ListUsers&Version=2010-05-08",
        Map.of("Host", List.of("iam.amazonaws.com")),
        new byte[0]);
  }

  static SignableRequest createUserPost(String body) {
    return new SignableRequest(
        "POST",
        "/",
        "",
        Map.of(
            "Host",
            List.of("iam.amazonaws.com"),
            "Content-Type",
            List.of("application/x-www-form-urlencoded; charset=utf-8")),
        body.getBytes(StandardCharsets.UTF_8));
  }

  static SignedRequest sign(SignableRequest request, SigningCredential credential) {
    return new RequestSigner(credential, "us-east-1", "iam").sign(request, T);
  }

  static SigV4Failure failure(VerificationResult result) {
    assertThat(result).isInstanceOf(SigV4Failure.class);
    return (SigV4Failure) result;
  }

  static Verified verified(VerificationResult result) {
    assertThat(result).as("%s", result).isInstanceOf(Verified.class);
    return (Verified) result;
  }

  static String authorizationOf(SignedRequest signed) {
    return signed.request().firstHeader("Authorization").orElseThrow();
  }

  @Test
  void unsignedRequestIsMissingAuthenticationToken() {
    VerificationResult result = verifierAt(T).verify(listUsers());

    assertThat(result)
        .isEqualTo(
            new SigV4Failure(
                FailureKind.MISSING_AUTHENTICATION_TOKEN,
                "Request is missing Authentication Token",
                null,
                null,
                null));
    assertThat(failure(result).kind().awsCode()).isEqualTo("MissingAuthenticationToken");
    assertThat(failure(result).kind().httpStatus()).isEqualTo(403);
  }

  @Test
  void signedRequestVerifiesAndReturnsCredentialScopeAndSignedMaterial() {
    SignedRequest signed = sign(listUsers(), LONG_TERM);

    Verified ok = verified(verifierAt(T).verify(signed.request()));

    assertThat(ok.credential()).isSameAs(LONG_TERM);
    assertThat(ok.credential().principal()).isEqualTo(PRINCIPAL);
    assertThat(ok.scope()).isEqualTo(new CredentialScope("20150830", "us-east-1", "iam"));
    assertThat(ok.canonicalRequest()).isEqualTo(signed.canonicalRequest());
    assertThat(ok.stringToSign()).isEqualTo(signed.stringToSign());
  }

  @Nested
  class MalformedAuthorizationHeader {

    static final String CRED = "Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request";
    static final String SIG =
        "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    static Stream<Arguments> headers() {
      String noSignature = "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host;x-amz-date";
      String bare = "AWS4-HMAC-SHA256";
      String emptySignature =
          "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host;x-amz-date, Signature=";
      String noEquals = "AWS4-HMAC-SHA256 Credential";
      return Stream.of(
          Arguments.of(
              noSignature,
              null,
              "Authorization header requires 'Signature' parameter. Authorization=" + noSignature),
          Arguments.of(
              bare,
              null,
              "Authorization header requires 'Credential' parameter. "
                  + "Authorization header requires 'Signature' parameter. "
                  + "Authorization header requires 'SignedHeaders' parameter. "
                  + "Authorization=AWS4-HMAC-SHA256"),
          Arguments.of(
              emptySignature,
              null,
              "Authorization header requires 'Signature' parameter. Authorization="
                  + emptySignature),
          Arguments.of(
              noEquals,
              null,
              "'Credential' not a valid key=value pair (missing equal-sign) in "
                  + "Authorization header: 'AWS4-HMAC-SHA256 Credential'."),
          Arguments.of(
              "AWS4-HMAC-SHA1 " + CRED + ", SignedHeaders=host;x-amz-date, " + SIG,
              null,
              "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA1'. Only 'AWS4-HMAC-SHA256' is supported."),
          Arguments.of(
              "AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=",
              null,
              "Unsupported AWS 'algorithm': 'AWS'. Only 'AWS4-HMAC-SHA256' is supported."),
          Arguments.of(
              "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam, "
                  + "SignedHeaders=host;x-amz-date, "
                  + SIG,
              null,
              "Credential should be scoped to a valid region, not 'us-east-1'. Credential should have "
                  + "the form '<access key id>/<yyyyMMdd>/<region>/<service>/aws4_request', not "
                  + "'AKIDEXAMPLE/20150830/us-east-1/iam'."),
          Arguments.of(
              "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws5_request, "
                  + "SignedHeaders=host;x-amz-date, "
                  + SIG,
              null,
              "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'."),
          Arguments.of(
              "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/2015-08-30/us-east-1//aws4_request, "
                  + "SignedHeaders=host;x-amz-date, "
                  + SIG,
              null,
              "Invalid credential date. Date is not the required format: yyyyMMdd. "
                  + "Credential should be scoped to a valid service, not ''."),
          Arguments.of(
              "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=x-amz-date, " + SIG,
              AKID,
              "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void isIncompleteSignatureWithAwsMessage(
        String authorization, String expectedAkid, String expectedMessage) {
      SignableRequest request =
          listUsers()
              .withHeader("X-Amz-Date", "20150830T123600Z")
              .withHeader("Authorization", authorization);

      SigV4Failure failure = failure(verifierAt(T).verify(request));

      assertThat(failure)
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.INCOMPLETE_SIGNATURE, expectedMessage, expectedAkid, null, null));
      assertThat(failure.kind().awsCode()).isEqualTo("IncompleteSignature");
      assertThat(failure.kind().httpStatus()).isEqualTo(400);
    }

    @Test
    void missingDateIsReportedTogetherWithTheHeader() {
      String authorization = "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host, " + SIG;
      SignableRequest request = listUsers().withHeader("Authorization", authorization);

      assertThat(failure(verifierAt(T).verify(request)).message())
          .isEqualTo(
              "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                  + "Authorization="
                  + authorization);
    }

    @Test
    void extendedIsoDateIsRejected() {
      SignableRequest request =
          listUsers()
              .withHeader("X-Amz-Date", "2015-08-30T12:36:00Z")
              .withHeader(
                  "Authorization",
                  "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host;x-amz-date, " + SIG);

      SigV4Failure failure = failure(verifierAt(T).verify(request));

      assertThat(failure.kind()).isEqualTo(FailureKind.INCOMPLETE_SIGNATURE);
      assertThat(failure.message())
          .isEqualTo(
              "Date must be in ISO-8601 'basic format'. Got "
                  + "'2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601");
      assertThat(failure.accessKeyId()).isEqualTo(AKID);
    }
  }

  static Stream<Arguments> whitespaceVariants() {
    return Stream.of(
        Arguments.of("no spaces after commas", (UnaryOperator<String>) a -> a.replace(", ", ",")),
        Arguments.of("spaces around commas", (UnaryOperator<String>) a -> a.replace(", ", " ,  ")),
        Arguments.of(
            "several spaces after the algorithm",
            (UnaryOperator<String>) a -> a.replace("AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256   ")),
        Arguments.of(
            "tab after the algorithm and padding",
            (UnaryOperator<String>)
                a -> " " + a.replace("AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256\t") + " "),
        Arguments.of(
            "components reordered",
            (UnaryOperator<String>)
                a -> {
                  String[] parts = a.substring("AWS4-HMAC-SHA256 ".length()).split(", ");
                  return "AWS4-HMAC-SHA256 " + parts[2] + ", " + parts[0] + ", " + parts[1];
                }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("whitespaceVariants")
  void authorizationHeaderFormattingVariantsAreAccepted(
      String variant, UnaryOperator<String> rewrite) {
    SignedRequest signed = sign(listUsers(), LONG_TERM);
    SignableRequest request =
        signed.request().withHeader("Authorization", rewrite.apply(authorizationOf(signed)));

    verified(verifierAt(T).verify(request));
  }

  @Test
  void unknownAccessKeyIsInvalidClientTokenId() {
    SignedRequest signed = sign(listUsers(), SigningCredential.of("AKIDUNKNOWN", SECRET));

    VerificationResult result = verifierAt(T).verify(signed.request());

    assertThat(result)
        .isEqualTo(
            new SigV4Failure(
                FailureKind.INVALID_CLIENT_TOKEN_ID,
                "The security token included in the request is invalid.",
                "AKIDUNKNOWN",
                null,
                null));
    assertThat(failure(result).kind().awsCode()).isEqualTo("InvalidClientTokenId");
    assertThat(failure(result).kind().httpStatus()).isEqualTo(403);
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatchWithDebugMaterial() {
    SignedRequest signed = sign(listUsers(), SigningCredential.of(AKID, "not-the-secret"));

    SigV4Failure failure = failure(verifierAt(T).verify(signed.request()));

    assertThat(failure.kind()).isEqualTo(FailureKind.SIGNATURE_DOES_NOT_MATCH);
    assertThat(failure.message())
        .isEqualTo(
            "The request signature we calculated does not match the signature "
                + "you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                + "documentation for details.");
    assertThat(failure.accessKeyId()).isEqualTo(AKID);
    // Same request, different key: the server's canonical request and string to sign equal the
    // client's.
    assertThat(failure.canonicalRequest()).isEqualTo(signed.canonicalRequest());
    assertThat(failure.stringToSign()).isEqualTo(signed.stringToSign());
    assertThat(failure.kind().awsCode()).isEqualTo("SignatureDoesNotMatch");
    assertThat(failure.kind().httpStatus()).isEqualTo(403);
  }

  @Test
  void tamperedQueryIsSignatureDoesNotMatch() {
    SignedRequest signed = sign(listUsers(), LONG_TERM);
    SignableRequest tampered =
        signed.request().withRawQuery("Action=DeleteUser&Version=2010-05-08");

    SigV4Failure failure = failure(verifierAt(T).verify(tampered));

    assertThat(failure.kind()).isEqualTo(FailureKind.SIGNATURE_DOES_NOT_MATCH);
    assertThat(failure.canonicalRequest()).contains("\nAction=DeleteUser&Version=2010-05-08\n");
  }

  @Test
  void uppercaseHexSignatureIsAccepted() {
    SignedRequest signed = sign(listUsers(), LONG_TERM);
    String upper =
        authorizationOf(signed).replace(signed.signature(), signed.signature().toUpperCase());

    verified(verifierAt(T).verify(signed.request().withHeader("Authorization", upper)));
  }

  @Test
  void aSignatureWithAnotherScriptsDigitsOrAnOddLengthDoesNotMatch() {
    SignedRequest signed = sign(listUsers(), LONG_TERM);
    String sig = signed.signature();
    int digit = firstDigit(sig);
    // U+0660..U+0669 are Arabic-Indic digits: Character.digit would read them as 0..9.
    String arabic =
        sig.substring(0, digit)
            + (char) ('\u0660' + (sig.charAt(digit) - '0'))
            + sig.substring(digit + 1);
    for (String wrong : List.of(arabic, sig + "0", sig.substring(1))) {
      String authorization = authorizationOf(signed).replace(sig, wrong);
      assertThat(
              failure(
                      verifierAt(T)
                          .verify(signed.request().withHeader("Authorization", authorization)))
                  .kind())
          .isEqualTo(FailureKind.SIGNATURE_DOES_NOT_MATCH);
    }
  }

  @Test
  void receivedHeadersAreVerifiedWithoutACopy() {
    SignedRequest signed = sign(listUsers(), LONG_TERM);
    Map<String, List<String>> byLowerCaseName = new java.util.HashMap<>();
    signed
        .request()
        .headers()
        .forEach((k, v) -> byLowerCaseName.put(k.toLowerCase(java.util.Locale.ROOT), v));
    ReceivedHeaders received = ReceivedHeaders.takeOver(byLowerCaseName);
    SignableRequest request =
        new SignableRequest(
            signed.request().method(),
            signed.request().rawPath(),
            signed.request().rawQuery(),
            received,
            signed.request().payload());

    assertThat(request.headers()).isSameAs(received);
    verified(verifierAt(T).verify(request));
  }

  private static int firstDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return i;
      }
    }
    throw new IllegalStateException("no digit in " + s);
  }

  @Nested
  class ClockSkew {

    @Test
    void exactlyFifteenMinutesEitherWayIsAccepted() {
      SignableRequest request = sign(listUsers(), LONG_TERM).request();

      verified(verifierAt(T.plus(Duration.ofMinutes(15))).verify(request));
      verified(verifierAt(T.minus(Duration.ofMinutes(15))).verify(request));
      // Sub-second server precision does not tip the balance.
      verified(verifierAt(T.plus(Duration.ofMinutes(15)).plusMillis(999)).verify(request));
    }

    @Test
    void moreThanFifteenMinutesOldIsSignatureExpired() {
      SignableRequest request = sign(listUsers(), LONG_TERM).request();

      VerificationResult result = verifierAt(Instant.parse("2015-08-30T12:51:01Z")).verify(request);

      assertThat(result)
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.SIGNATURE_EXPIRED,
                  "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z "
                      + "(20150830T125101Z - 15 min.)",
                  AKID,
                  null,
                  null));
      assertThat(failure(result).kind().awsCode()).isEqualTo("SignatureDoesNotMatch");
      assertThat(failure(result).kind().httpStatus()).isEqualTo(403);
    }

    @Test
    void moreThanFifteenMinutesAheadIsSignatureNotYetCurrent() {
      SignableRequest request = sign(listUsers(), LONG_TERM).request();

      VerificationResult result = verifierAt(Instant.parse("2015-08-30T12:20:59Z")).verify(request);

      assertThat(result)
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.SIGNATURE_EXPIRED,
                  "Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z "
                      + "(20150830T122059Z + 15 min.)",
                  AKID,
                  null,
                  null));
    }

    @Test
    void scopeDateDifferentFromRequestDateIsSignatureDoesNotMatch() {
      SignableRequest request =
          sign(listUsers(), LONG_TERM).request().withHeader("X-Amz-Date", "20150831T000500Z");

      VerificationResult result = verifierAt(Instant.parse("2015-08-31T00:05:00Z")).verify(request);

      assertThat(result)
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.SIGNATURE_DOES_NOT_MATCH,
                  "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                      + "'20150830' != '20150831', from '20150831T000500Z'.",
                  AKID,
                  null,
                  null));
    }
  }

  @Nested
  class SessionTokens {

    @Test
    void temporaryCredentialsWithTheirTokenVerify() {
      SignedRequest signed = sign(listUsers(), TEMPORARY);
      assertThat(signed.request().firstHeader("x-amz-security-token")).contains(TOKEN);

      Verified ok = verified(verifierAt(T).verify(signed.request()));

      assertThat(ok.credential().principal()).isEqualTo(TEMP_PRINCIPAL);
      assertThat(ok.canonicalRequest()).contains("\nx-amz-security-token:" + TOKEN + "\n");
    }

    @Test
    void unsignedTokenHeaderIsAcceptedWhenItMatches() {
      SignedRequest signed =
          new RequestSigner(TEMPORARY, "us-east-1", "iam")
              .withSessionTokenSigned(false)
              .sign(listUsers(), T);

      verified(verifierAt(T).verify(signed.request()));
    }

    @Test
    void missingTokenIsInvalidSecurityToken() {
      SignedRequest signed =
          sign(listUsers(), new SigningCredential(TEMP_AKID, TEMP_SECRET, null, null));

      VerificationResult result = verifierAt(T).verify(signed.request());

      assertThat(result)
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.INVALID_SECURITY_TOKEN,
                  "The security token included in the request is invalid.",
                  TEMP_AKID,
                  null,
                  null));
      assertThat(failure(result).kind().awsCode()).isEqualTo("InvalidClientTokenId");
      assertThat(failure(result).kind().httpStatus()).isEqualTo(403);
    }

    @Test
    void differentTokenIsInvalidSecurityToken() {
      SignedRequest signed =
          sign(listUsers(), new SigningCredential(TEMP_AKID, TEMP_SECRET, TOKEN + "x", null));

      assertThat(failure(verifierAt(T).verify(signed.request())).kind())
          .isEqualTo(FailureKind.INVALID_SECURITY_TOKEN);
    }

    @Test
    void tokenSentWithLongTermKeyIsInvalidSecurityToken() {
      SignedRequest signed =
          sign(listUsers(), new SigningCredential(AKID, SECRET, "stray-token", null));

      VerificationResult result = verifierAt(T).verify(signed.request());

      assertThat(result)
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.INVALID_SECURITY_TOKEN,
                  "The security token included in the request is invalid.",
                  AKID,
                  null,
                  null));
    }

    @Test
    void presignedUrlCarriesTheTokenInTheQuery() {
      SignedRequest signed =
          new RequestSigner(TEMPORARY, "us-east-1", "sts")
              .presign(listUsers(), T, Duration.ofMinutes(5));
      assertThat(signed.request().rawQuery())
          .contains("X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE%2F%2Fsession%2Btoken%3D%3D");

      verified(verifierAt(T).verify(signed.request()));
      SignableRequest withoutToken =
          signed
              .request()
              .withRawQuery(
                  signed.request().rawQuery().replaceAll("&X-Amz-Security-Token=[^&]*", ""));
      assertThat(failure(verifierAt(T).verify(withoutToken)).kind())
          .isEqualTo(FailureKind.INVALID_SECURITY_TOKEN);
    }
  }

  @Nested
  class Presigned {

    SignedRequest presign(Duration expires) {
      return new RequestSigner(LONG_TERM, "us-east-1", "sts")
          .presign(
              new SignableRequest(
                  "GET",
                  "/",
                  "Action=GetCallerIdentity&Version=2011-06-15",
                  Map.of(
                      "Host", List.of("sts.amazonaws.com"), "x-k8s-aws-id", List.of("my-cluster")),
                  new byte[0]),
              T,
              expires);
    }

    @Test
    void validUntilTheLastSecond() {
      SignedRequest signed = presign(Duration.ofSeconds(60));
      assertThat(signed.request().headers()).doesNotContainKey("Authorization");
      assertThat(signed.request().rawQuery())
          .startsWith(
              "Action=GetCallerIdentity&Version=2011-06-15&"
                  + "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts"
                  + "%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60&"
                  + "X-Amz-SignedHeaders=host%3Bx-k8s-aws-id&X-Amz-Signature=");

      Verified ok = verified(verifierAt(T.plusSeconds(60)).verify(signed.request()));

      assertThat(ok.scope()).isEqualTo(new CredentialScope("20150830", "us-east-1", "sts"));
      assertThat(ok.canonicalRequest())
          .isEqualTo(signed.canonicalRequest())
          .endsWith("\n" + PayloadHash.EMPTY_SHA256);
    }

    @Test
    void pastDatePlusExpiresIsRequestExpired() {
      SignedRequest signed = presign(Duration.ofSeconds(60));

      VerificationResult result = verifierAt(T.plusSeconds(61)).verify(signed.request());

      assertThat(result)
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.REQUEST_EXPIRED, "Request has expired", AKID, null, null));
      assertThat(failure(result).kind().awsCode()).isEqualTo("RequestExpired");
      assertThat(failure(result).kind().httpStatus()).isEqualTo(400);
    }

    @Test
    void dateFarInTheFutureIsNotYetCurrent() {
      SignedRequest signed = presign(Duration.ofHours(1));

      SigV4Failure failure =
          failure(verifierAt(T.minus(Duration.ofMinutes(16))).verify(signed.request()));

      assertThat(failure.kind()).isEqualTo(FailureKind.SIGNATURE_EXPIRED);
      assertThat(failure.message())
          .isEqualTo(
              "Signature not yet current: 20150830T123600Z is still later than "
                  + "20150830T123500Z (20150830T122000Z + 15 min.)");
    }

    @Test
    void missingSignatureParameterIsIncomplete() {
      SignableRequest request = presign(Duration.ofSeconds(60)).request();
      request =
          request.withRawQuery(request.rawQuery().replaceAll("&X-Amz-Signature=[0-9a-f]+", ""));

      assertThat(verifierAt(T).verify(request))
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.INCOMPLETE_SIGNATURE,
                  "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                      + "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
                  null,
                  null,
                  null));
    }

    @Test
    void expiresLongerThanAWeekIsIncomplete() {
      SignableRequest request = presign(Duration.ofSeconds(60)).request();
      request =
          request.withRawQuery(
              request.rawQuery().replace("X-Amz-Expires=60", "X-Amz-Expires=604801"));

      assertThat(verifierAt(T).verify(request))
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.INCOMPLETE_SIGNATURE,
                  "X-Amz-Expires must be less than a week (in seconds) that is 604800",
                  AKID,
                  null,
                  null));
    }

    @Test
    void unsupportedAlgorithmIsIncomplete() {
      SignableRequest request = presign(Duration.ofSeconds(60)).request();
      request =
          request.withRawQuery(
              request.rawQuery().replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256"));

      assertThat(failure(verifierAt(T).verify(request)).message())
          .isEqualTo("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
    }

    @Test
    void extraParameterOrSignedHeaderChangeIsSignatureDoesNotMatch() {
      SignableRequest request = presign(Duration.ofSeconds(60)).request();

      assertThat(
              failure(
                      verifierAt(T)
                          .verify(request.withRawQuery(request.rawQuery() + "&UserName=mallory")))
                  .kind())
          .isEqualTo(FailureKind.SIGNATURE_DOES_NOT_MATCH);
      assertThat(
              failure(verifierAt(T).verify(request.withHeader("x-k8s-aws-id", "other-cluster")))
                  .kind())
          .isEqualTo(FailureKind.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void bodyAddedToANonS3PresignedUrlIsSignatureDoesNotMatch() {
      // The payload is part of a non-S3 presigned signature, so a leaked GetCallerIdentity URL
      // cannot be
      // replayed as a POST carrying a different action.
      SignableRequest request = presign(Duration.ofSeconds(60)).request();
      SignableRequest post =
          new SignableRequest(
              "POST",
              request.rawPath(),
              request.rawQuery(),
              request.headers(),
              "Action=CreateUser&UserName=mallory".getBytes(StandardCharsets.UTF_8));

      assertThat(failure(verifierAt(T).verify(post)).kind())
          .isEqualTo(FailureKind.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void s3PresignedUrlsSignUnsignedPayload() {
      SignedRequest signed =
          new RequestSigner(LONG_TERM, "us-east-1", "s3")
              .presign(
                  new SignableRequest(
                      "PUT",
                      "/bucket/my%20key",
                      "",
                      Map.of("Host", List.of("s3.amazonaws.com")),
                      "anything".getBytes(StandardCharsets.UTF_8)),
                  T,
                  Duration.ofMinutes(5));

      Verified ok = verified(verifierAt(T).verify(signed.request()));

      assertThat(ok.canonicalRequest())
          .startsWith("PUT\n/bucket/my%20key\n")
          .endsWith("\nUNSIGNED-PAYLOAD");
    }

    @Test
    void nonS3PresignWithUnsignedPayloadIsAcceptedForAnEmptyBody() {
      // Some presigners put UNSIGNED-PAYLOAD on the last line for every service; built here by
      // hand.
      SignableRequest base =
          new SignableRequest(
              "GET",
              "/",
              "Action=GetCallerIdentity&Version=2011-06-15"
                  + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts"
                  + "%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host",
              Map.of("Host", List.of("sts.amazonaws.com")),
              new byte[0]);
      String canonical =
          CanonicalRequest.build(
              base, List.of("host"), PayloadHash.UNSIGNED_PAYLOAD, CanonicalUriMode.NORMALIZED);
      String stringToSign =
          StringToSign.build(
              "20150830T123600Z", new CredentialScope("20150830", "us-east-1", "sts"), canonical);
      String signature =
          StringToSign.sign(
              SigningKeyDeriver.derive(SECRET, "20150830", "us-east-1", "sts"), stringToSign);
      SignableRequest request =
          base.withRawQuery(base.rawQuery() + "&X-Amz-Signature=" + signature);

      Verified ok = verified(verifierAt(T).verify(request));
      assertThat(ok.canonicalRequest()).isEqualTo(canonical);

      SignableRequest withBody =
          new SignableRequest(
              "POST",
              "/",
              request.rawQuery(),
              request.headers(),
              "Action=CreateUser".getBytes(StandardCharsets.UTF_8));
      assertThat(failure(verifierAt(T).verify(withBody)).kind())
          .isEqualTo(FailureKind.SIGNATURE_DOES_NOT_MATCH);
    }
  }

  @Nested
  class ContentSha256Header {

    @Test
    void signedContentHashHeaderVerifies() {
      SignedRequest signed =
          new RequestSigner(LONG_TERM, "us-east-1", "iam")
              .withContentSha256Header(true)
              .sign(createUserPost("Action=CreateUser&UserName=bob&Version=2010-05-08"), T);

      Verified ok = verified(verifierAt(T).verify(signed.request()));

      String bodyHash =
          PayloadHash.sha256Hex(
              "Action=CreateUser&UserName=bob&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));
      assertThat(ok.canonicalRequest())
          .contains("\nx-amz-content-sha256:" + bodyHash + "\n")
          .endsWith("\n" + bodyHash);
    }

    @Test
    void headerHashThatDoesNotMatchTheBodyIsRejected() {
      SignedRequest signed =
          new RequestSigner(LONG_TERM, "us-east-1", "iam")
              .withContentSha256Header(true)
              .sign(createUserPost("Action=CreateUser&UserName=bob&Version=2010-05-08"), T);
      SignableRequest swapped =
          new SignableRequest(
              "POST",
              "/",
              "",
              signed.request().headers(),
              "Action=CreateUser&UserName=eve&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));

      assertThat(verifierAt(T).verify(swapped))
          .isEqualTo(
              new SigV4Failure(
                  FailureKind.SIGNATURE_DOES_NOT_MATCH,
                  "The provided 'x-amz-content-sha256' header does not match what was computed.",
                  AKID,
                  null,
                  null));
    }

    @Test
    void unsignedPayloadLiteralIsUsedAsThePayloadHash() {
      SignedRequest signed =
          sign(
              createUserPost("Action=ListUsers&Version=2010-05-08")
                  .withHeader("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD"),
              LONG_TERM);

      Verified ok = verified(verifierAt(T).verify(signed.request()));

      assertThat(ok.canonicalRequest()).endsWith("\nUNSIGNED-PAYLOAD");
    }
  }

  @Test
  void dateHeaderIsTheFallbackForXAmzDate() {
    SignableRequest request = listUsers().withHeader("Date", "Sun, 30 Aug 2015 12:36:00 GMT");
    CredentialScope scope = new CredentialScope("20150830", "us-east-1", "iam");
    String canonical =
        CanonicalRequest.build(
            request,
            List.of("host", "date"),
            PayloadHash.EMPTY_SHA256,
            CanonicalUriMode.NORMALIZED);
    String stringToSign = StringToSign.build("20150830T123600Z", scope, canonical);
    String signature =
        StringToSign.sign(
            SigningKeyDeriver.derive(SECRET, "20150830", "us-east-1", "iam"), stringToSign);
    request =
        request.withHeader(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
                + scope.scopeString()
                + ", SignedHeaders=date;host, Signature="
                + signature);

    Verified ok = verified(verifierAt(T).verify(request));

    assertThat(ok.stringToSign()).isEqualTo(stringToSign);
    assertThat(ok.canonicalRequest())
        .isEqualTo(
            "GET\n/\nAction=ListUsers&Version=2010-05-08\n"
                + "date:Sun, 30 Aug 2015 12:36:00 GMT\nhost:iam.amazonaws.com\n\ndate;host\n"
                + PayloadHash.EMPTY_SHA256);
  }

  @Test
  void authorizationHeaderAndPresignedQueryTogetherAreRejected() {
    SignedRequest presigned =
        new RequestSigner(LONG_TERM, "us-east-1", "iam")
            .presign(listUsers(), T, Duration.ofMinutes(5));
    SignableRequest both =
        presigned
            .request()
            .withHeader("Authorization", authorizationOf(sign(listUsers(), LONG_TERM)));

    SigV4Failure failure = failure(verifierAt(T).verify(both));

    assertThat(failure.kind()).isEqualTo(FailureKind.INCOMPLETE_SIGNATURE);
    assertThat(failure.message())
        .isEqualTo(
            "Only one auth mechanism allowed; only the X-Amz-Algorithm query "
                + "parameter, Signature query string parameter or the Authorization header should be specified");
  }

  @Test
  void headerNamesMatchCaseInsensitively() {
    SignedRequest signed = sign(listUsers(), TEMPORARY);
    Map<String, List<String>> shouting = new java.util.LinkedHashMap<>();
    signed.request().headers().forEach((k, v) -> shouting.put(k.toUpperCase(), v));

    verified(
        verifierAt(T)
            .verify(new SignableRequest("GET", "/", signed.request().rawQuery(), shouting, null)));
  }
}
