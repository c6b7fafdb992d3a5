package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.log.LogFormat;
import io.iamlocal.server.log.RequestLogEntry;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The embeddable API: builder, lifecycle, isolation between instances, reset, request log. */
class IamLocalEmbeddingTest {
  private static final String VERSION = "&Version=2010-05-08";

  @Test
  void startsOnAFreePortWithTheConfiguredAccountAndCredentials() {
    try (IamLocal iamLocal =
        IamLocal.builder()
            .port(0)
            .accountId("111122223333")
            .rootCredentials("AKIDROOT", "s3cret")
            .start()) {
      assertThat(iamLocal.isRunning()).isTrue();
      assertThat(iamLocal.port()).isPositive();
      assertThat(iamLocal.endpoint().toString()).isEqualTo("http://127.0.0.1:" + iamLocal.port());
      assertThat(iamLocal.credentials()).isEqualTo(new IamLocal.Credentials("AKIDROOT", "s3cret"));
      assertThat(iamLocal.credentials().toString()).doesNotContain("s3cret");
      assertThat(iamLocal.toString())
          .contains(iamLocal.endpoint().toString())
          .doesNotContain("s3cret");
      assertThat(iamLocal.rootArn()).isEqualTo("arn:aws:iam::111122223333:root");
      HttpResponse<String> identity =
          SignedHttp.call(iamLocal, "sts", "Action=GetCallerIdentity&Version=2011-06-15");
      assertThat(identity.statusCode()).isEqualTo(200);
      assertThat(identity.body()).contains("<Arn>arn:aws:iam::111122223333:root</Arn>");
      HttpResponse<String> wrongSecret =
          SignedHttp.call(
              iamLocal.endpoint(),
              "sts",
              "AKIDROOT",
              "test",
              "Action=GetCallerIdentity&Version=2011-06-15");
      assertThat(wrongSecret.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void instancesInOneJvmHaveSeparateState() {
    try (IamLocal a = IamLocal.builder().port(0).start();
        IamLocal b = IamLocal.builder().port(0).start()) {
      assertThat(a.port()).isNotEqualTo(b.port());
      assertThat(
              SignedHttp.call(a, "iam", "Action=CreateUser&UserName=alice" + VERSION).statusCode())
          .isEqualTo(200);
      assertThat(SignedHttp.call(a, "iam", "Action=GetUser&UserName=alice" + VERSION).statusCode())
          .isEqualTo(200);
      assertThat(SignedHttp.call(b, "iam", "Action=GetUser&UserName=alice" + VERSION).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void resetWipesTheStateButKeepsTheRootCredentials() {
    try (IamLocal iamLocal = IamLocal.builder().port(0).start()) {
      SignedHttp.call(iamLocal, "iam", "Action=CreateUser&UserName=alice" + VERSION);
      iamLocal.reset();
      assertThat(
              SignedHttp.call(iamLocal, "iam", "Action=GetUser&UserName=alice" + VERSION)
                  .statusCode())
          .isEqualTo(404);
      assertThat(
              SignedHttp.call(iamLocal, "iam", "Action=CreateUser&UserName=alice" + VERSION)
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void closeReleasesThePortAndIsIdempotent() {
    IamLocal first = IamLocal.builder().port(0).start();
    int port = first.port();
    first.close();
    first.close();
    assertThat(first.isRunning()).isFalse();
    assertThat(first.toString()).contains("closed");
    try (IamLocal again = IamLocal.builder().port(port).start()) {
      assertThat(again.port()).isEqualTo(port);
    }
    assertThatIllegalStateException().isThrownBy(first::start).withMessageContaining("closed");
  }

  @Test
  void aBusyPortIsAnUncheckedIoException() {
    try (IamLocal first = IamLocal.builder().port(0).start()) {
      IamLocal second = IamLocal.builder().port(first.port()).build();
      assertThatThrownBy(second::start)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(first.port()));
      assertThat(second.isRunning()).isFalse();
    }
  }

  @Test
  void lifecycleMisuseIsReported() {
    IamLocal iamLocal = IamLocal.builder().port(0).build();
    assertThat(iamLocal.toString()).contains("not started");
    assertThatIllegalStateException()
        .isThrownBy(iamLocal::endpoint)
        .withMessageContaining("start()");
    assertThatIllegalStateException().isThrownBy(iamLocal::reset);
    try (IamLocal started = iamLocal.start()) {
      assertThatIllegalStateException()
          .isThrownBy(started::start)
          .withMessageContaining("already started");
    }
  }

  @Test
  void builderRejectsBadValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IamLocal.builder().accountId("12345"))
        .withMessageContaining("12 digits");
    assertThatIllegalArgumentException().isThrownBy(() -> IamLocal.builder().port(70000));
    assertThatIllegalArgumentException().isThrownBy(() -> IamLocal.builder().port(-1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IamLocal.builder().rootCredentials("", "x"));
    assertThatIllegalArgumentException().isThrownBy(() -> IamLocal.builder().region(null));
    assertThatIllegalArgumentException().isThrownBy(() -> IamLocal.builder().maxBodyBytes(0));
  }

  @Test
  void configurationReachesTheServer() {
    Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    IamLocal iamLocal =
        IamLocal.builder()
            .host("localhost")
            .port(0)
            .region("eu-west-1")
            .clock(clock)
            .maxBodyBytes(1024)
            .build();
    assertThat(iamLocal.config().host()).isEqualTo("localhost");
    assertThat(iamLocal.region()).isEqualTo("eu-west-1");
    assertThat(iamLocal.config().clock()).isSameAs(clock);
    assertThat(iamLocal.config().maxBodyBytes()).isEqualTo(1024);
    assertThat(iamLocal.accountId()).isEqualTo("123456789012");
    assertThat(iamLocal.credentials()).isEqualTo(new IamLocal.Credentials("test", "test"));
  }

  /**
   * The Date header follows the server's clock, as an IMF-fixdate with a two-digit day, so an SDK
   * talking to a server with a moved clock can correct its clock skew from it.
   */
  @Test
  void theDateHeaderIsAnImfFixdateFromTheServersClock() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2030-01-06T07:08:09Z"), ZoneOffset.UTC);
    try (IamLocal iamLocal = IamLocal.builder().port(0).clock(clock).start()) {
      HttpResponse<String> health =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(iamLocal.endpoint()).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.headers().firstValue("date")).hasValue("Sun, 06 Jan 2030 07:08:09 GMT");
      HttpResponse<String> signed = SignedHttp.call(iamLocal, "iam", "Action=ListUsers" + VERSION);
      assertThat(signed.headers().firstValue("date")).hasValue("Sun, 06 Jan 2030 07:08:09 GMT");
    }
  }

  @Test
  void eachRequestIsLoggedWithCallerActionStatusAndErrorButNoSecrets() {
    List<RequestLogEntry> entries = new CopyOnWriteArrayList<>();
    try (IamLocal iamLocal = IamLocal.builder().port(0).requestLog(entries::add).start()) {
      SignedHttp.call(iamLocal, "iam", "Action=CreateUser&UserName=alice" + VERSION);
      HttpResponse<String> key =
          SignedHttp.call(iamLocal, "iam", "Action=CreateAccessKey&UserName=alice" + VERSION);
      SignedHttp.call(iamLocal, "iam", "Action=GetUser&UserName=bob" + VERSION);
      SignedHttp.call(
          iamLocal.endpoint(),
          "sts",
          "AKIDUNKNOWN",
          "x",
          "Action=GetCallerIdentity&Version=2011-06-15");
      assertThat(entries).hasSize(4);
      RequestLogEntry created = entries.get(0);
      assertThat(created.callerArn()).isEqualTo("arn:aws:iam::123456789012:root");
      assertThat(created.action()).isEqualTo("iam:CreateUser");
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.errorCode()).isNull();
      assertThat(created.latencyNanos()).isPositive();
      assertThat(created.requestId()).isNotBlank();
      assertThat(key.body()).contains("<RequestId>" + entries.get(1).requestId() + "</RequestId>");
      assertThat(entries.get(2))
          .extracting(RequestLogEntry::status, RequestLogEntry::errorCode)
          .containsExactly(404, "NoSuchEntity");
      assertThat(entries.get(3))
          .extracting(
              RequestLogEntry::callerArn, RequestLogEntry::action, RequestLogEntry::errorCode)
          .containsExactly(null, "sts:GetCallerIdentity", "InvalidClientTokenId");
      String secret =
          key.body().replaceAll("(?s).*<SecretAccessKey>(.*)</SecretAccessKey>.*", "$1");
      assertThat(secret).hasSize(40);
      assertThat(entries).allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret));
    }
  }

  @Test
  void requestLogLinesGoToTheStreamAndAreFlushedOnClose() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (IamLocal iamLocal = IamLocal.builder().port(0).requestLog(LogFormat.JSON, out).start()) {
      SignedHttp.call(iamLocal, "iam", "Action=ListUsers" + VERSION);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("{\"time\":\"")
        .contains("\"action\":\"iam:ListUsers\",\"status\":200,\"error\":null")
        .endsWith("}\n");
  }
}
