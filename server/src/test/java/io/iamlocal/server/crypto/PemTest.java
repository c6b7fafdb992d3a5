package io.iamlocal.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class PemTest {
  private static final KeyPair RSA = keyPair("RSA", 2048);
  private static final X509Certificate CERT = selfSigned(RSA, "CN=leaf");

  @Test
  void readsOneCertificateAndRefusesTextAroundIt() throws Exception {
    String pem = pem(CERT);
    assertThat(Pem.certificate(pem)).isEqualTo(CERT);
    assertThat(Pem.certificate("\n  " + pem + "\n\n")).isEqualTo(CERT);
    assertThatThrownBy(() -> Pem.certificate("subject=CN=leaf\n" + pem))
        .isInstanceOf(Pem.InvalidPemException.class);
    assertThatThrownBy(() -> Pem.certificate(pem + pem))
        .isInstanceOf(Pem.InvalidPemException.class);
    assertThatThrownBy(() -> Pem.certificate("not a certificate"))
        .isInstanceOf(Pem.InvalidPemException.class);
    assertThat(Pem.certificates(pem + pem)).containsExactly(CERT, CERT);
  }

  @Test
  void readsPkcs1Pkcs8AndSec1PrivateKeys() throws Exception {
    String pkcs1 = pem(RSA.getPrivate());
    assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Pem.matches(Pem.privateKey(pkcs1), CERT.getPublicKey())).isTrue();
    String pkcs8 = Pem.encode("PRIVATE KEY", RSA.getPrivate().getEncoded());
    assertThat(Pem.matches(Pem.privateKey(pkcs8), CERT.getPublicKey())).isTrue();
    KeyPair ec = keyPair("EC", 256);
    // SEC1 as OpenSSL writes it, with the curve inside (the JDK's PKCS#8 keeps it outside).
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getPrivate().getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    String sec1 =
        Pem.encode(
            "EC PRIVATE KEY",
            new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters())
                .getEncoded());
    PrivateKey ecKey = Pem.privateKey(sec1);
    assertThat(Pem.matches(ecKey, ec.getPublic())).isTrue();
    assertThat(Pem.matches(ecKey, CERT.getPublicKey())).isFalse();
  }

  @Test
  void refusesEncryptedPrivateKeysAndKeysOfAnotherPair() throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(
          RSA.getPrivate(),
          new JcePEMEncryptorBuilder("AES-128-CBC")
              .setProvider(new BouncyCastleProvider())
              .build("secret".toCharArray()));
    }
    assertThatThrownBy(() -> Pem.privateKey(out.toString()))
        .isInstanceOf(Pem.InvalidPemException.class);
    PrivateKey other = keyPair("RSA", 2048).getPrivate();
    assertThat(Pem.matches(other, CERT.getPublicKey())).isFalse();
  }

  @Test
  void checksWhoSignedACertificate() {
    KeyPair leafKey = keyPair("RSA", 2048);
    X509Certificate leaf = issued(leafKey, "CN=child", CERT, RSA.getPrivate());
    assertThat(Pem.signedBy(leaf, CERT)).isTrue();
    assertThat(Pem.signedBy(CERT, leaf)).isFalse();
  }

  static KeyPair keyPair(String algorithm, int size) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(size);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static X509Certificate selfSigned(KeyPair keys, String subject) {
    return issued(keys, subject, null, keys.getPrivate());
  }

  static X509Certificate issued(
      KeyPair keys, String subject, X509Certificate issuer, PrivateKey issuerKey) {
    try {
      Instant now = Instant.now();
      X500Name issuerName =
          new X500Name(issuer == null ? subject : issuer.getSubjectX500Principal().getName());
      var builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minus(1, ChronoUnit.HOURS)),
              Date.from(now.plus(365, ChronoUnit.DAYS)),
              new X500Name(subject),
              keys.getPublic());
      String algorithm =
          issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

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
}
