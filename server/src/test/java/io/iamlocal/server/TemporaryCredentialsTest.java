package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.sigv4.RequestSigner;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SigningCredential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Temporary credentials over real HTTP against an embedded server whose clock the test moves: they
 * work until their expiration, then every call is refused with {@code ExpiredToken}.
 */
class TemporaryCredentialsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/alice\"},\"Action\":\"sts:AssumeRole\"}]}";
  private final MovableClock clock = new MovableClock(Instant.parse("2024-05-01T12:00:00Z"));
  private IamLocal iamLocal;
  private SigningCredential root;

  @BeforeEach
  void start() {
    iamLocal = IamLocal.builder().port(0).clock(clock).start();
    root = SigningCredential.of(iamLocal.accessKeyId(), iamLocal.secretAccessKey());
  }

  @AfterEach
  void stop() {
    iamLocal.close();
  }

  @Test
  void roleCredentialsWorkUntilTheyExpireThenExpiredToken() {
    SigningCredential alice = userWithKey("alice");
    call(
        root,
        "iam",
        "Action=CreateRole&Version=2010-05-08&RoleName=app&AssumeRolePolicyDocument="
            + encode(TRUST));
    HttpResponse<String> assumed =
        call(
            alice,
            "sts",
            "Action=AssumeRole&Version=2011-06-15&RoleSessionName=s1"
                + "&DurationSeconds=900&RoleArn="
                + encode("arn:aws:iam::123456789012:role/app"));
    assertThat(assumed.statusCode()).as(assumed.body()).isEqualTo(200);
    assertThat(assumed.body()).contains("<Expiration>2024-05-01T12:15:00Z</Expiration>");
    SigningCredential session = credentials(assumed.body());
    assertThat(session.accessKeyId()).startsWith("ASIA").hasSize(20);
    assertThat(session.secretAccessKey()).hasSize(40);

    clock.advance(Duration.ofSeconds(899));
    HttpResponse<String> identity =
        call(session, "sts", "Action=GetCallerIdentity&Version=2011-06-15");
    assertThat(identity.statusCode()).isEqualTo(200);
    assertThat(identity.body())
        .contains("<Arn>arn:aws:sts::123456789012:assumed-role/app/s1</Arn>");

    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> expired =
        call(session, "sts", "Action=GetCallerIdentity&Version=2011-06-15");
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body())
        .contains("<Code>ExpiredToken</Code>")
        .contains("<Message>The security token included in the request is expired</Message>");
    HttpResponse<String> iamExpired = call(session, "iam", "Action=ListUsers&Version=2010-05-08");
    assertThat(iamExpired.body())
        .contains("<Code>ExpiredToken</Code>")
        .contains("https://iam.amazonaws.com/doc/2010-05-08/");
  }

  @Test
  void sessionTokenIsRequiredAndMustMatch() {
    SigningCredential session =
        credentials(
            call(root, "sts", "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=900")
                .body());
    assertThat(call(session, "sts", "Action=GetCallerIdentity&Version=2011-06-15").body())
        .contains("<Arn>arn:aws:iam::123456789012:root</Arn>");
    SigningCredential withoutToken =
        SigningCredential.of(session.accessKeyId(), session.secretAccessKey());
    HttpResponse<String> missing =
        call(withoutToken, "sts", "Action=GetCallerIdentity&Version=2011-06-15");
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body()).contains("<Code>InvalidClientTokenId</Code>");
    SigningCredential wrongToken =
        new SigningCredential(
            session.accessKeyId(), session.secretAccessKey(), session.sessionToken() + "x", null);
    assertThat(call(wrongToken, "sts", "Action=GetCallerIdentity&Version=2011-06-15").body())
        .contains("<Code>InvalidClientTokenId</Code>");
  }

  @Test
  void rootSessionsAreCappedAtOneHourAndUserSessionsDefaultToTwelve() {
    assertThat(
            call(root, "sts", "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=129600")
                .body())
        .contains("<Expiration>2024-05-01T13:00:00Z</Expiration>");
    SigningCredential alice = userWithKey("alice");
    assertThat(call(alice, "sts", "Action=GetSessionToken&Version=2011-06-15").body())
        .contains("<Expiration>2024-05-02T00:00:00Z</Expiration>");
  }

  private SigningCredential userWithKey(String name) {
    call(root, "iam", "Action=CreateUser&Version=2010-05-08&UserName=" + name);
    String body =
        call(root, "iam", "Action=CreateAccessKey&Version=2010-05-08&UserName=" + name).body();
    return SigningCredential.of(field(body, "AccessKeyId"), field(body, "SecretAccessKey"));
  }

  private static SigningCredential credentials(String body) {
    return new SigningCredential(
        field(body, "AccessKeyId"),
        field(body, "SecretAccessKey"),
        field(body, "SessionToken"),
        null);
  }

  private static String field(String xml, String element) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    if (!m.find()) {
      throw new AssertionError("no " + element + " in " + xml);
    }
    return m.group(1);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * POSTs a Query request signed with the server's clock time (the verifier allows 15 minutes of
   * skew).
   */
  private HttpResponse<String> call(SigningCredential credential, String service, String form) {
    URI endpoint = iamLocal.endpoint();
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    String host = endpoint.getHost() + ":" + endpoint.getPort();
    SignableRequest unsigned =
        new SignableRequest(
            "POST",
            "/",
            "",
            Map.of(
                "Host",
                List.of(host),
                "Content-Type",
                List.of("application/x-www-form-urlencoded; charset=utf-8")),
            body);
    SignableRequest signed =
        new RequestSigner(credential, "us-east-1", service)
            .sign(unsigned, clock.instant())
            .request();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
              }
            });
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
