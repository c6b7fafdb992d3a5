package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code --tls}: the port speaks HTTPS with a certificate from a local CA made at start (written
 * where {@code --tls-cert-out} says), and still plain HTTP; the AWS SDK works over HTTPS once it
 * trusts that PEM, and {@code aws:SecureTransport} tells the two kinds of connection apart. {@code
 * --tls-cert/--tls-key} serve the user's own certificate instead.
 */
class TlsIT {
  private static IamLocalProcess server;
  private static Path trustPem;
  private static URI https;
  private static URI http;

  @BeforeAll
  static void start() throws IOException {
    trustPem = Files.createTempFile("iamlocal-it-ca-", ".pem");
    server = IamLocalProcess.start("-q", "--tls", "--tls-cert-out", trustPem.toString());
    https = server.endpoint();
    http = URI.create("http://" + https.getHost() + ":" + https.getPort());
  }

  @AfterAll
  static void stop() throws IOException {
    server.stop();
    Files.deleteIfExists(trustPem);
  }

  @Test
  void theSdkWorksOverHttpsTrustingTheWrittenCertificate() {
    assertThat(https.getScheme()).isEqualTo("https");
    assertThat(trustPem).isNotEmptyFile();
    try (IamClient iam = iam(https, Clients.root(), trustPem)) {
      iam.createUser(r -> r.userName("tls-alice"));
      assertThat(iam.listUsers().users()).anyMatch(u -> u.userName().equals("tls-alice"));
    }
    // The name clients usually write, too: the certificate names localhost as well as 127.0.0.1.
    try (IamClient iam =
        iam(URI.create("https://localhost:" + https.getPort()), Clients.root(), trustPem)) {
      assertThat(iam.getUser(r -> r.userName("tls-alice")).user().userName())
          .isEqualTo("tls-alice");
    }
  }

  @Test
  void clientsThatDoNotTrustTheCertificateAreRefused() {
    try (IamClient iam = iam(https, Clients.root(), null)) {
      assertThatThrownBy(iam::listUsers).isInstanceOf(SdkClientException.class);
    }
  }

  @Test
  void servedCertificateNamesLocalhostAndLoopback() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers(trustPem), null);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket(https.getHost(), https.getPort())) {
      socket.startHandshake();
      X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      List<String> names =
          leaf.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
      assertThat(names).contains("localhost", "127.0.0.1");
      assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    }
  }

  @Test
  void plainHttpStillWorksOnTheSamePortAndSecureTransportTellsThemApart() {
    HttpResponse<String> health =
        RawHttp.send(HttpRequest.newBuilder(http.resolve("/_iamlocal/health")).GET().build());
    assertThat(health.statusCode()).isEqualTo(200);

    AccessKey key;
    try (IamClient root = iam(https, Clients.root(), trustPem)) {
      root.createUser(r -> r.userName("tls-bob"));
      root.putUserPolicy(
          r ->
              r.userName("tls-bob")
                  .policyName("https-only")
                  .policyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListUsers\",\"Resource\":\"*\","
                          + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}"));
      key = root.createAccessKey(r -> r.userName("tls-bob")).accessKey();
    }
    AwsCredentials bob =
        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
            key.accessKeyId(), key.secretAccessKey());
    try (IamClient overTls = iam(https, bob, trustPem)) {
      assertThat(overTls.listUsers().users()).isNotEmpty();
    }
    try (IamClient plain = iam(http, bob, null)) {
      assertThatThrownBy(plain::listUsers)
          .isInstanceOfSatisfying(
              IamException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }
  }

  @Test
  void stsOverHttps() {
    try (StsClient sts =
        StsClient.builder()
            .endpointOverride(https)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(Clients.root()))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .tlsTrustManagersProvider(() -> trustManagers(trustPem)))
            .build()) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:root");
    }
  }

  @Test
  void ownCertificateAndKeyFromPemFiles() throws Exception {
    // An RSA key in PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"), as openssl genrsa writes it, and a
    // self-signed certificate.
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=own-localhost");
    org.bouncycastle.cert.X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.now().minus(Duration.ofHours(1))),
                Date.from(Instant.now().plus(Duration.ofDays(1))),
                name,
                keys.getPublic())
            .addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(
                    new GeneralName[] {
                      new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                      new GeneralName(GeneralName.dNSName, "localhost")
                    }));
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    Path certFile = Files.createTempFile("iamlocal-it-own-cert-", ".pem");
    Path keyFile = Files.createTempFile("iamlocal-it-own-key-", ".pem");
    Files.writeString(certFile, pem(certificate));
    Files.writeString(keyFile, pem(keys));
    IamLocalProcess own =
        IamLocalProcess.start(
            "-q", "--tls-cert", certFile.toString(), "--tls-key", keyFile.toString());
    try (IamClient iam = iam(own.endpoint(), Clients.root(), certFile)) {
      assertThat(own.endpoint().getScheme()).isEqualTo("https");
      assertThat(iam.listUsers().users()).isEmpty();
    } finally {
      own.stop();
      Files.deleteIfExists(certFile);
      Files.deleteIfExists(keyFile);
    }
  }

  private static IamClient iam(URI endpoint, AwsCredentials credentials, Path trust) {
    UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
    if (trust != null) {
      http.tlsTrustManagersProvider(() -> trustManagers(trust));
    }
    return IamClient.builder()
        .endpointOverride(endpoint)
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(http)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }

  /** Trust managers that trust exactly the certificates of a PEM file, as AWS_CA_BUNDLE does. */
  static TrustManager[] trustManagers(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
