package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes SigV4 verification with raw HTTP request text (the AWS test-suite format: request line,
 * headers, blank line, body), so the Authorization header parser, the presigned-query parser, the
 * canonicalization and the verifier all see hostile input.
 *
 * <p>{@link #verifyArbitraryRequests}: whatever the request, {@link SignatureVerifier#verify}
 * returns a verdict (never throws), and a failure message never contains a secret key or session
 * token the request did not itself carry. {@link #signedRequestsVerify}: any well-formed HTTP
 * request, signed by {@link RequestSigner} (header or presigned, long-term or temporary
 * credentials, IAM, STS or S3), verifies.
 */
class SignatureFuzzTest {
  static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
  static final SigningCredential LONG_TERM =
      SigningCredential.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  static final SigningCredential TEMPORARY =
      new SigningCredential(
          "ASIAEXAMPLETEMPORARY",
          "tEmPoRaRySeCrEtKeY/0123456789abcdefghij",
          "FQoGZXIvYXdzEXAMPLEsessionTOKEN//////////",
          null);
  private static final String[] SERVICES = {"iam", "sts", "s3", "service"};
  private static final SignatureVerifier VERIFIER =
      new SignatureVerifier(
          akid ->
              akid.equals(LONG_TERM.accessKeyId())
                  ? Optional.of(LONG_TERM)
                  : akid.equals(TEMPORARY.accessKeyId())
                      ? Optional.of(TEMPORARY)
                      : Optional.empty(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @FuzzTest(maxDuration = "60s")
  void verifyArbitraryRequests(byte[] input) {
    SignableRequest request = parse(input);
    if (request == null) {
      return;
    }
    VerificationResult result = VERIFIER.verify(request);
    assertThat(result).isNotNull();
    if (result instanceof SigV4Failure failure) {
      assertThat(failure.message()).isNotNull();
      String text = new String(input, StandardCharsets.UTF_8);
      for (String secret :
          List.of(
              LONG_TERM.secretAccessKey(), TEMPORARY.secretAccessKey(), TEMPORARY.sessionToken())) {
        if (!text.contains(secret)) {
          assertThat(failure.message()).doesNotContain(secret);
        }
      }
    } else {
      assertThat(result).isInstanceOf(Verified.class);
    }
  }

  /**
   * First byte: bit 0 presigned, bit 1 temporary credentials, bits 2-3 the service; the rest is the
   * request to sign.
   */
  @FuzzTest(maxDuration = "60s")
  void signedRequestsVerify(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int mode = input[0];
    SignableRequest request = parse(java.util.Arrays.copyOfRange(input, 1, input.length));
    if (request == null || !wellFormed(request)) {
      return;
    }
    SigningCredential credential = (mode & 2) != 0 ? TEMPORARY : LONG_TERM;
    RequestSigner signer = new RequestSigner(credential, "us-east-1", SERVICES[(mode >> 2) & 3]);
    SignedRequest signed =
        (mode & 1) != 0
            ? signer.presign(request, NOW, Duration.ofMinutes(5))
            : signer.sign(request, NOW);
    VerificationResult result = VERIFIER.verify(signed.request());
    assertThat(result)
        .as("%s\ncanonical request:\n%s", signed.request(), signed.canonicalRequest())
        .isInstanceOf(Verified.class);
    assertThat(((Verified) result).canonicalRequest()).isEqualTo(signed.canonicalRequest());
  }

  /**
   * What an HTTP server would hand over: a token method, an origin-form target, token header names,
   * header values without control characters (Netty strips the surrounding whitespace), and none of
   * the authentication headers or parameters the signer adds itself.
   */
  private static boolean wellFormed(SignableRequest request) {
    if (!isToken(request.method())
        || !request.rawPath().startsWith("/")
        || request.rawQuery().toLowerCase(Locale.ROOT).contains("x-amz-")) {
      return false;
    }
    for (char c : request.target().toCharArray()) {
      if (c <= ' ' || c >= 0x7F || c == '#') {
        return false;
      }
    }
    if (request.firstHeader("host").isEmpty()) {
      return false;
    }
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (!isToken(name) || name.startsWith("x-amz-") || name.equals("authorization")) {
        return false;
      }
      for (String value : h.getValue()) {
        if (!value.equals(value.strip())) {
          return false;
        }
        for (char c : value.toCharArray()) {
          if ((c < ' ' && c != '\t') || c == 0x7F) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (char c : s.toCharArray()) {
      boolean tchar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }

  /**
   * A lenient HTTP/1.1 reader: request line, {@code Name: value} lines (values stripped, folded
   * lines joined with a space, as Netty does), a blank line, the body. Null when there is no
   * request line.
   */
  static SignableRequest parse(byte[] raw) {
    int headEnd = indexOf(raw, "\n\n");
    String head = new String(raw, 0, headEnd < 0 ? raw.length : headEnd, StandardCharsets.UTF_8);
    byte[] body =
        headEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, headEnd + 2, raw.length);
    String[] lines = head.split("\n", -1);
    String requestLine = lines[0];
    int firstSpace = requestLine.indexOf(' ');
    if (firstSpace <= 0) {
      return null;
    }
    int lastSpace = requestLine.lastIndexOf(' ');
    String method = requestLine.substring(0, firstSpace);
    String target =
        lastSpace > firstSpace
            ? requestLine.substring(firstSpace + 1, lastSpace)
            : requestLine.substring(firstSpace + 1);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String current = null;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
        List<String> values = headers.get(current);
        values.set(values.size() - 1, (values.get(values.size() - 1) + ' ' + line.strip()).strip());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      current = line.substring(0, colon);
      headers
          .computeIfAbsent(current, k -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    return SignableRequest.of(method, target, headers, body);
  }

  private static int indexOf(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
