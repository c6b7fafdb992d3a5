package io.iamlocal.server.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.auth.AccountCredentialResolver;
import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.authz.PolicyAuthorizer;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.OperationSpec;
import io.iamlocal.server.dispatch.OperationSpec.LockMode;
import io.iamlocal.server.dispatch.ServiceHint;
import io.iamlocal.server.log.RequestLog;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.trail.Trail;
import io.iamlocal.sigv4.CanonicalUriMode;
import io.iamlocal.sigv4.RequestSigner;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SignatureVerifier;
import io.iamlocal.sigv4.SigningCredential;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addressing styles and signing of the minimal S3, without the network. */
class S3DispatcherTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final IamLocalState state = new IamLocalState("123456789012", "test", "test", clock);
  private final SignatureVerifier verifier =
      new SignatureVerifier(new AccountCredentialResolver(state), clock);
  private final S3Dispatcher s3 =
      new S3Dispatcher(
          state,
          verifier,
          new CallerResolver(),
          new PolicyAuthorizer(true),
          RequestLog.NONE,
          io.iamlocal.server.ServerConfig.DEFAULT_S3_MAX_OBJECT_SIZE,
          io.iamlocal.server.Safeguards.DEFAULT_S3_MAX_TOTAL_BYTES,
          Trail.NONE);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|127.0.0.1:4566|/|     |ListBuckets",
        "PUT|127.0.0.1:4566|/my-bucket|my-bucket|CreateBucket",
        "HEAD|localhost:4566|/my-bucket|my-bucket|HeadBucket",
        "DELETE|my-bucket.localhost:4566|/|my-bucket|DeleteBucket",
        "HEAD|my-bucket.s3.amazonaws.com|/|my-bucket|HeadBucket",
        "HEAD|my.dotted.bucket.s3.us-west-2.amazonaws.com|/|my.dotted.bucket|HeadBucket",
        "GET|my-bucket.localhost:4566|/|my-bucket|ListObjects",
        "GET|127.0.0.1:4566|/my-bucket?list-type=2&prefix=a%2F|my-bucket|ListObjectsV2",
        "GET|127.0.0.1:4566|/my-bucket?location|my-bucket|GetBucketLocation",
        "PUT|127.0.0.1:4566|/my-bucket?policy|my-bucket|PutBucketPolicy",
        "DELETE|127.0.0.1:4566|/my-bucket?policy|my-bucket|DeleteBucketPolicy",
        "POST|127.0.0.1:4566|/my-bucket?delete|my-bucket|DeleteObjects",
        "GET|127.0.0.1:4566|/my-bucket/key?x-id=GetObject|my-bucket|GetObject",
        "GET|my-bucket.localhost:4566|/dir/key|my-bucket|GetObject",
        "PUT|127.0.0.1:4566|/my-bucket/key?uploads|my-bucket|NotImplemented",
        "GET|127.0.0.1:4566|/my-bucket?acl|my-bucket|NotImplemented"
      })
  void routes(String method, String host, String path, String bucket, String operation) {
    int q = path.indexOf('?');
    S3Route route =
        S3Route.of(
            new HttpRequestData(
                method,
                q < 0 ? path : path.substring(0, q),
                q < 0 ? "" : path.substring(q + 1),
                Map.of("host", List.of(host)),
                new byte[0],
                "127.0.0.1",
                false));
    assertThat(route.bucket()).isEqualTo(bucket);
    assertThat(route.operation()).isEqualTo(operation);
  }

  @Test
  void readsShareTheLockAsBeforeSpecs() {
    // The set S3Dispatcher kept before S3 operations had specs.
    Set<String> formerReadOnly =
        Set.of(
            "ListBuckets",
            "HeadBucket",
            "GetBucketLocation",
            "GetBucketPolicy",
            "ListObjects",
            "ListObjectsV2",
            "GetObject",
            "HeadObject");
    List<String> served =
        List.of(
            "ListBuckets",
            "CreateBucket",
            "DeleteBucket",
            "HeadBucket",
            "GetBucketLocation",
            "PutBucketPolicy",
            "GetBucketPolicy",
            "DeleteBucketPolicy",
            "ListObjects",
            "ListObjectsV2",
            "PutObject",
            "GetObject",
            "HeadObject",
            "DeleteObject",
            "DeleteObjects",
            "CopyObject");
    for (String operation : served) {
      OperationSpec spec = s3.spec(operation);
      assertThat(spec.lock())
          .as(operation)
          .isEqualTo(formerReadOnly.contains(operation) ? LockMode.READ : LockMode.WRITE);
      assertThat(spec.journalled()).as(operation).isFalse();
    }
    assertThat(s3.spec("PutBucketAcl")).isNull();
  }

  @Test
  void dataEventsAreTheFormerOnes() {
    // The set S3TrailEvents kept before the category moved into the registrations.
    Set<String> formerDataEvents =
        Set.of(
            "GetObject",
            "HeadObject",
            "PutObject",
            "DeleteObject",
            "DeleteObjects",
            "CopyObject",
            "ListObjects",
            "ListObjectsV2",
            "HeadBucket");
    for (String operation :
        List.of(
            "ListBuckets",
            "CreateBucket",
            "DeleteBucket",
            "HeadBucket",
            "GetBucketLocation",
            "PutBucketPolicy",
            "GetBucketPolicy",
            "DeleteBucketPolicy",
            "ListObjects",
            "ListObjectsV2",
            "PutObject",
            "GetObject",
            "HeadObject",
            "DeleteObject",
            "DeleteObjects",
            "CopyObject",
            "NotImplemented")) {
      assertThat(s3.dataEvent(operation))
          .as(operation)
          .isEqualTo(formerDataEvents.contains(operation));
    }
  }

  @Test
  void virtualHostedStyleWithUnsignedPayloadCreatesAndListsBuckets() {
    HttpResponseData created = send("PUT", "demo-bucket.localhost:4566", "/", true);
    assertThat(created.status()).isEqualTo(200);
    HttpResponseData head = send("HEAD", "localhost:4566", "/demo-bucket", false);
    assertThat(head.status()).isEqualTo(200);
    HttpResponseData list = send("GET", "localhost:4566", "/", false);
    assertThat(new String(list.body(), StandardCharsets.UTF_8))
        .contains("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
        .contains("<Name>demo-bucket</Name><CreationDate>2024-05-01T12:00:00.000Z</CreationDate>");
    assertThat(send("DELETE", "demo-bucket.localhost:4566", "/", true).status()).isEqualTo(204);
    HttpResponseData missing = send("DELETE", "demo-bucket.localhost:4566", "/", true);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(new String(missing.body(), StandardCharsets.UTF_8))
        .contains("<Code>NoSuchBucket</Code>")
        .contains("<Message>The specified bucket does not exist</Message>");
  }

  @Test
  void invalidBucketNamesAreRefused() {
    HttpResponseData r = send("PUT", "localhost:4566", "/Bad_Name", true);
    assertThat(r.status()).isEqualTo(400);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .contains("<Code>InvalidBucketName</Code>")
        .contains("<Message>The specified bucket is not valid.</Message>");
  }

  @Test
  void wrongSecretIsS3sSignatureDoesNotMatch() {
    SignableRequest signed =
        new RequestSigner(SigningCredential.of("test", "wrong"), "us-east-1", "s3")
            .withUriMode(CanonicalUriMode.S3)
            .withContentSha256Header(true)
            .sign(
                new SignableRequest(
                    "GET", "/", "", Map.of("Host", List.of("localhost:4566")), new byte[0]),
                NOW)
            .request();
    HttpResponseData r = s3.dispatch(toData(signed, "GET", "/"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .contains("<Code>SignatureDoesNotMatch</Code>")
        .contains("Check your key and signing method.</Message>");
  }

  private HttpResponseData send(String method, String host, String path, boolean unsignedPayload) {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Host", List.of(host));
    if (unsignedPayload) {
      headers.put("x-amz-content-sha256", List.of("UNSIGNED-PAYLOAD"));
    }
    RequestSigner signer =
        new RequestSigner(SigningCredential.of("test", "test"), "us-east-1", "s3")
            .withUriMode(CanonicalUriMode.S3);
    if (!unsignedPayload) {
      signer = signer.withContentSha256Header(true);
    }
    SignableRequest signed =
        signer.sign(new SignableRequest(method, path, "", headers, new byte[0]), NOW).request();
    HttpRequestData data = toData(signed, method, path);
    assertThat(ServiceHint.of(data)).isEqualTo("s3"); // routed to S3
    return s3.dispatch(data);
  }

  private static HttpRequestData toData(SignableRequest signed, String method, String path) {
    Map<String, List<String>> lower = new HashMap<>();
    signed.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return new HttpRequestData(method, path, "", lower, new byte[0], "127.0.0.1", false);
  }

  @Test
  void keysArePercentDecoded() {
    S3Route route =
        S3Route.of(
            new HttpRequestData(
                "GET",
                "/b/dir%2Fa%20b+c%C3%A9",
                "",
                Map.of("host", List.of("localhost")),
                new byte[0],
                "127.0.0.1",
                false));
    assertThat(route.key()).isEqualTo("dir/a b+c\u00e9");
  }
}
