package io.iamlocal.bench;

import io.iamlocal.server.IamLocal;
import io.iamlocal.sigv4.RequestSigner;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SigningCredential;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Embedded start as the JUnit extension's per-method lifecycle does it: in one JVM, build, start, answer
 * one signed STS GetCallerIdentity, close; repeated. The first round pays class loading and the model
 * parse; the later ones are what each test method pays. Prints the first and the median of the rest.
 */
final class EmbeddedStart {
  private static final byte[] FORM = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);

  private EmbeddedStart() {}

  static void run(int rounds) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      try (IamLocal server = IamLocal.builder().port(0).start()) {
        int status = signedCall(server);
        ms.add((System.nanoTime() - t0) / 1e6);
        if (status != 200) {
          throw new IllegalStateException("GetCallerIdentity answered " + status);
        }
      }
    }
    List<Double> later = new ArrayList<>(ms.subList(1, ms.size()));
    Collections.sort(later);
    System.out.printf("embedded start to first answered signed request: first %.1f ms, then median %.1f ms,"
        + " p90 %.1f ms over %d starts%n", ms.get(0), later.get(later.size() / 2),
        later.get((int) (later.size() * 0.9)), later.size());
  }

  private static int signedCall(IamLocal server) throws IOException {
    URI uri = URI.create(server.endpoint() + "/");
    SignableRequest request = SignableRequest.of("POST", "/", Map.of(
        "Host", List.of(uri.getHost() + ':' + uri.getPort()),
        "Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")), FORM);
    SignableRequest signed = new RequestSigner(SigningCredential.of(server.accessKeyId(), server.secretAccessKey()),
        server.region(), "sts").sign(request, Instant.now()).request();
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    for (String h : List.of("Content-Type", "X-Amz-Date", "Authorization")) {
      c.setRequestProperty(h, signed.firstHeader(h).orElseThrow());
    }
    try (OutputStream out = c.getOutputStream()) {
      out.write(FORM);
    }
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      if (in != null) {
        in.readAllBytes();
      }
    }
    return status;
  }
}
