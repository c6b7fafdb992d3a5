package io.iamlocal.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.IamLocal;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded builder's TLS: an https endpoint that trusts the written PEM, plain HTTP still
 * served.
 */
class EmbeddedTlsTest {

  @Test
  void builderTlsServesHttpsAndHttpOnOnePort(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("ca.pem");
    try (IamLocal iamLocal = IamLocal.builder().port(0).tls().tlsCertificateOut(pem).start()) {
      assertThat(iamLocal.endpoint().getScheme()).isEqualTo("https");
      assertThat(iamLocal.tlsTrustFile()).isEqualTo(pem);
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(pem)).build();
      HttpResponse<String> secure =
          client.send(
              HttpRequest.newBuilder(iamLocal.endpoint().resolve("/_iamlocal/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(secure.statusCode()).isEqualTo(200);
      URI plain = URI.create("http://127.0.0.1:" + iamLocal.port() + "/_iamlocal/health");
      assertThat(
              HttpClient.newHttpClient()
                  .send(HttpRequest.newBuilder(plain).build(), HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
    }
  }

  private static SSLContext trusting(Path pem) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      store.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
