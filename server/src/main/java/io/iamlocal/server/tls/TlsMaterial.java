package io.iamlocal.server.tls;

import io.iamlocal.server.TransportConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key and certificates a TLS listener serves, and the PEM file clients should trust. Either
 * read from the user's PEM files, or made at start: a throw-away local CA and a server certificate
 * it signs for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the bound host (a separate CA
 * keeps strict verifiers, such as Python's, happy). The CA's private key is never written.
 */
public final class TlsMaterial {
  private static final Duration VALIDITY = Duration.ofDays(365);
  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final Path trustFile;

  private TlsMaterial(PrivateKey key, List<X509Certificate> chain, Path trustFile) {
    this.key = key;
    this.chain = List.copyOf(chain);
    this.trustFile = trustFile;
  }

  /** The material {@code tls} asks for; {@code host} is the address the server binds. */
  public static TlsMaterial of(TransportConfig.Tls tls, String host) {
    try {
      if (tls.certificate() != null) {
        return fromPem(tls.certificate(), tls.privateKey());
      }
      Path out = tls.certificateOut() != null ? tls.certificateOut() : temporaryPem();
      return selfSigned(host, out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not set up TLS: " + e.getMessage(), e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not set up TLS: " + e.getMessage(), e);
    }
  }

  /** The PEM file clients should trust (e.g. {@code AWS_CA_BUNDLE}). */
  public Path trustFile() {
    return trustFile;
  }

  /** The certificate chain served, leaf first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** A server-side Netty context (JDK provider, its default protocols and ciphers). */
  public SslContext serverContext() {
    try {
      return SslContextBuilder.forServer(key, chain.toArray(new X509Certificate[0])).build();
    } catch (IOException e) {
      throw new UncheckedIOException("could not set up TLS: " + e.getMessage(), e);
    }
  }

  static TlsMaterial fromPem(Path certificateFile, Path keyFile)
      throws IOException, GeneralSecurityException {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (Reader reader = Files.newBufferedReader(certificateFile, StandardCharsets.US_ASCII);
        PEMParser pem = new PEMParser(reader)) {
      for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new IOException("no PEM certificate in " + certificateFile);
    }
    PrivateKey key;
    try (Reader reader = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
        PEMParser pem = new PEMParser(reader)) {
      Object o = pem.readObject();
      JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair pair) {
        key = keys.getPrivateKey(pair.getPrivateKeyInfo());
      } else if (o instanceof PrivateKeyInfo info) {
        key = keys.getPrivateKey(info);
      } else {
        // Never echo the file's content: it is a private key.
        throw new IOException("no unencrypted PEM private key in " + keyFile);
      }
    }
    return new TlsMaterial(key, certificates, certificateFile);
  }

  static TlsMaterial selfSigned(String host, Path trustFile)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair caKeys = ecKeyPair();
    KeyPair serverKeys = ecKeyPair();
    Instant now = Instant.now();
    Date notBefore = Date.from(now.minus(Duration.ofHours(1)));
    Date notAfter = Date.from(now.plus(VALIDITY));
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

    X500Name caName = new X500Name("CN=IAMLocal local CA " + now.getEpochSecond() + ",O=IAMLocal");
    X509v3CertificateBuilder ca =
        new JcaX509v3CertificateBuilder(
                caName, serial(), notBefore, notAfter, caName, caKeys.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
            .addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
            .addExtension(
                Extension.subjectKeyIdentifier,
                false,
                ext.createSubjectKeyIdentifier(caKeys.getPublic()));
    X509Certificate caCert = sign(ca, caKeys.getPrivate());

    X509v3CertificateBuilder server =
        new JcaX509v3CertificateBuilder(
                caName,
                serial(),
                notBefore,
                notAfter,
                new X500Name("CN=localhost,O=IAMLocal"),
                serverKeys.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
            .addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
            .addExtension(
                Extension.subjectKeyIdentifier,
                false,
                ext.createSubjectKeyIdentifier(serverKeys.getPublic()))
            .addExtension(
                Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert))
            .addExtension(
                Extension.subjectAlternativeName, false, new GeneralNames(subjectAltNames(host)));
    X509Certificate serverCert = sign(server, caKeys.getPrivate());

    writePem(trustFile, caCert);
    return new TlsMaterial(serverKeys.getPrivate(), List.of(serverCert, caCert), trustFile);
  }

  private static GeneralName[] subjectAltNames(String host) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    if (host != null && !host.isEmpty() && !"0.0.0.0".equals(host) && !"::".equals(host)) {
      names.add(host);
    }
    List<GeneralName> out = new ArrayList<>();
    for (String name : names) {
      out.add(
          isIpLiteral(name)
              ? new GeneralName(GeneralName.iPAddress, name)
              : new GeneralName(GeneralName.dNSName, name));
    }
    return out.toArray(new GeneralName[0]);
  }

  private static boolean isIpLiteral(String name) {
    if (name.indexOf(':') >= 0) {
      return true;
    }
    if (!name.matches("[0-9.]+")) {
      return false;
    }
    try {
      InetAddress.getByName(name); // a literal: no lookup happens
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static KeyPair ecKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
    return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
  }

  private static void writePem(Path file, X509Certificate certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      pem.writeObject(certificate);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }

  private static Path temporaryPem() throws IOException {
    Path file = Files.createTempFile("iamlocal-ca-", ".pem");
    file.toFile().deleteOnExit();
    return file;
  }
}
