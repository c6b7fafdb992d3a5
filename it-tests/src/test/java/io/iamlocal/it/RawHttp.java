package io.iamlocal.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Hand-made HTTP requests, signed with the SDK's own SigV4 signer, for what SDK clients never send.
 */
@SuppressWarnings("deprecation")
final class RawHttp {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final java.util.Set<String> RESTRICTED =
      java.util.Set.of("host", "content-length");

  private RawHttp() {}

  static HttpResponse<String> signedPost(
      URI endpoint, AwsCredentials credentials, String service, String contentType, byte[] body) {
    SdkHttpFullRequest unsigned =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .putHeader("Content-Type", contentType)
            .contentStreamProvider(() -> new ByteArrayInputStream(body))
            .build();
    SdkHttpFullRequest signed =
        Aws4Signer.create()
            .sign(
                unsigned,
                Aws4SignerParams.builder()
                    .awsCredentials(credentials)
                    .signingName(service)
                    .signingRegion(Region.US_EAST_1)
                    .build());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
      if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
        h.getValue().forEach(v -> request.header(h.getKey(), v));
      }
    }
    return send(request.build());
  }

  static HttpResponse<String> signedForm(
      URI endpoint, AwsCredentials credentials, String service, String form) {
    return signedPost(
        endpoint,
        credentials,
        service,
        "application/x-www-form-urlencoded; charset=utf-8",
        form.getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
