package io.iamlocal.it;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key pairs, X.509 certificates and SSH keys made on the spot with the JDK and Bouncy Castle. */
final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private TestCertificates() {}

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A self-signed certificate valid from an hour ago for {@code validity}. */
  static X509Certificate selfSigned(KeyPair keys, String commonName, Duration validity) {
    return issue(keys, commonName, null, keys.getPrivate(), validity, true);
  }

  /** A certificate for {@code keys} signed by {@code issuer}'s key. */
  static X509Certificate issue(
      KeyPair keys, String commonName, X509Certificate issuer, PrivateKey issuerKey, boolean ca) {
    return issue(keys, commonName, issuer, issuerKey, Duration.ofDays(365), ca);
  }

  private static X509Certificate issue(
      KeyPair keys,
      String commonName,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Duration validity,
      boolean ca) {
    try {
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + commonName);
      X500Name issuerName =
          issuer == null ? subject : new X500Name(issuer.getSubjectX500Principal().getName());
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(validity)),
              subject,
              keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      String algorithm =
          issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * PEM of a certificate, or of a private key in OpenSSL's traditional form ({@code RSA PRIVATE
   * KEY}).
   */
  static String pem(Object object) {
    try {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(object);
      }
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS#8 {@code PRIVATE KEY} PEM block. */
  static String pkcs8(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** The SSH wire blob of an RSA key: string "ssh-rsa", mpint e, mpint n. */
  static byte[] sshBlob(RSAPublicKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] field :
        new byte[][] {
          "ssh-rsa".getBytes(),
          key.getPublicExponent().toByteArray(),
          key.getModulus().toByteArray()
        }) {
      out.write(field.length >>> 24);
      out.write(field.length >>> 16);
      out.write(field.length >>> 8);
      out.write(field.length);
      out.writeBytes(field);
    }
    return out.toByteArray();
  }

  /** {@code ssh-rsa AAAA… comment}, as {@code ssh-keygen} writes a public key file. */
  static String openSsh(RSAPublicKey key, String comment) {
    return "ssh-rsa " + Base64.getEncoder().encodeToString(sshBlob(key)) + " " + comment;
  }

  /** What {@code ssh-keygen -l -E md5} prints after {@code MD5:}. */
  static String md5Fingerprint(RSAPublicKey key) {
    try {
      return HexFormat.ofDelimiter(":")
          .formatHex(MessageDigest.getInstance("MD5").digest(sshBlob(key)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
