package io.iamlocal.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.IamLocalServer;
import io.iamlocal.server.auth.AccountCredentialResolver;
import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.log.RequestLog;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.trail.Trail;
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
import org.junit.jupiter.api.Test;

/**
 * A handler reading a member its operation lacks is a programming error: AWS's InternalFailure,
 * never a null.
 */
class MisreadMemberTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void aMisspeltMemberIsAnInternalFailureNamingNothingOfTheCode() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    IamLocalState state = new IamLocalState("123456789012", "test", "test", clock);
    OperationRegistry registry =
        new OperationRegistry(
                (service, action) ->
                    new OperationRegistry.ReferenceAction("Read", List.of(), List.of()))
            .addService(IamLocalServer.ServiceModels.iam());
    registry.register(
        "iam",
        "GetUser",
        call -> {
          call.params().string("UserNmae");
          return null;
        });
    QueryDispatcher dispatcher =
        new QueryDispatcher(
            registry,
            state,
            new SignatureVerifier(new AccountCredentialResolver(state), clock),
            new CallerResolver(),
            Authorizer.ALLOW_ALL,
            RequestLog.NONE,
            WriteJournal.NONE,
            Trail.NONE);

    HttpResponseData response =
        dispatcher.dispatch(signed("Action=GetUser&Version=2010-05-08&UserName=alice"));

    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.status()).isEqualTo(500);
    assertThat(body)
        .contains("<Code>InternalFailure</Code>")
        .doesNotContain("UserNmae")
        .doesNotContain("Exception");
  }

  private static HttpRequestData signed(String form) {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Host", List.of("localhost"));
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    SignableRequest request =
        new RequestSigner(SigningCredential.of("test", "test"), "us-east-1", "iam")
            .sign(new SignableRequest("POST", "/", "", headers, body), NOW)
            .request();
    Map<String, List<String>> lower = new HashMap<>();
    request.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return new HttpRequestData("POST", "/", "", lower, body, "127.0.0.1", false);
  }
}
