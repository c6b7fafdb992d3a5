package io.iamlocal.server;

import io.iamlocal.sigv4.RequestSigner;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SigningCredential;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sends SigV4-signed AWS Query requests with the JDK's HTTP client, for tests without the SDK. */
final class SignedHttp {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SignedHttp() {}

  /**
   * POSTs {@code Action=...&...} to {@code endpoint}, signed for {@code service}; returns the
   * response.
   */
  static HttpResponse<String> call(
      URI endpoint, String service, String accessKeyId, String secret, String form) {
    return call(endpoint, "us-east-1", service, accessKeyId, secret, form);
  }

  /**
   * As above, signed for {@code region} (which selects the partition, {@code cn-north-1}: aws-cn).
   */
  static HttpResponse<String> call(
      URI endpoint, String region, String service, String accessKeyId, String secret, String form) {
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
        new RequestSigner(SigningCredential.of(accessKeyId, secret), region, service)
            .sign(unsigned, Instant.now())
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
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The same, signed with the root credentials of {@code iamLocal}. */
  static HttpResponse<String> call(IamLocal iamLocal, String service, String form) {
    return call(
        iamLocal.endpoint(), service, iamLocal.accessKeyId(), iamLocal.secretAccessKey(), form);
  }
}
