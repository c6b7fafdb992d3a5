package io.iamlocal.server.cli;

import io.iamlocal.sigv4.RequestSigner;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SigningCredential;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run behind the class-data-sharing archive that {@code mvn package} builds next to
 * the jar ({@code iamlocal.jsa}, used by the {@code iamlocal} launcher). Run under {@code
 * -XX:ArchiveClassesAtExit}: it starts the real command line, sends the common requests (health,
 * unsigned, root- and user-signed IAM and STS calls, success and errors) and exits normally, so the
 * JVM archives every class that start-up and those requests loaded.
 */
public final class CdsTraining {
  private static final Pattern ELEMENT = Pattern.compile("<(AccessKeyId|SecretAccessKey)>([^<]+)<");

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    int port = freePort();
    Thread server =
        new Thread(
            () -> Main.run("--port", Integer.toString(port), "--quiet"),
            "iamlocal-training-server");
    server.setDaemon(true);
    server.start();
    String endpoint = "http://127.0.0.1:" + port;
    awaitHealth(endpoint);
    SigningCredential root = SigningCredential.of("test", "test");
    call(endpoint, null, "Action=ListUsers&Version=2010-05-08", "iam");
    call(
        endpoint,
        root,
        "Action=CreateUser&Version=2010-05-08&UserName=cds-training&Path=%2Fcds%2F"
            + "&Tags.member.1.Key=team&Tags.member.1.Value=build",
        "iam");
    String keyXml =
        call(
            endpoint,
            root,
            "Action=CreateAccessKey&Version=2010-05-08&UserName=cds-training",
            "iam");
    call(endpoint, root, "Action=ListUsers&Version=2010-05-08&MaxItems=1", "iam");
    call(endpoint, root, "Action=GetUser&Version=2010-05-08&UserName=no-such-user", "iam");
    call(
        endpoint,
        root,
        "Action=AttachUserPolicy&Version=2010-05-08&UserName=cds-training"
            + "&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FIAMReadOnlyAccess",
        "iam");
    call(endpoint, root, "Action=GetCallerIdentity&Version=2011-06-15", "sts");
    Matcher m = ELEMENT.matcher(keyXml);
    String id = m.find() ? m.group(2) : null;
    String secret = m.find() ? m.group(2) : null;
    if (id != null && secret != null) {
      SigningCredential user = SigningCredential.of(id, secret);
      for (int i = 0; i < 50; i++) {
        call(endpoint, user, "Action=GetUser&Version=2010-05-08", "iam");
      }
      call(endpoint, user, "Action=DeleteUser&Version=2010-05-08&UserName=cds-training", "iam");
    }
    System.exit(0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void awaitHealth(String endpoint) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(endpoint + "/_iamlocal/health").toURL().openConnection();
        if (c.getResponseCode() == 200) {
          c.getInputStream().readAllBytes();
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(10);
      }
    }
    throw new IllegalStateException("the server did not answer within 60 s");
  }

  /**
   * POSTs a Query-protocol form, signed when a credential is given; returns the body whatever the
   * status.
   */
  private static String call(
      String endpoint, SigningCredential credential, String form, String service)
      throws IOException {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    URI uri = URI.create(endpoint + "/");
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    if (credential != null) {
      Map<String, List<String>> headers =
          Map.of(
              "Host", List.of(uri.getHost() + ':' + uri.getPort()),
              "Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
      SignableRequest signed =
          new RequestSigner(credential, "us-east-1", service)
              .sign(SignableRequest.of("POST", "/", headers, body), Instant.now())
              .request();
      c.setRequestProperty("X-Amz-Date", signed.firstHeader("X-Amz-Date").orElseThrow());
      c.setRequestProperty("Authorization", signed.firstHeader("Authorization").orElseThrow());
    }
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
