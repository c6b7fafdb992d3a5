package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class SamlMetadataTest {
  private static final X509Certificate CERT = certificate();

  @Test
  void readsIssuerSigningCertificatesAndValidity() throws Exception {
    SamlMetadata metadata =
        SamlMetadata.parse(
            metadata(
                "https://idp.example.com/saml", " validUntil=\"2031-01-02T03:04:05Z\"", "signing"));
    assertThat(metadata.entityId()).isEqualTo("https://idp.example.com/saml");
    assertThat(metadata.signingCertificates()).containsExactly(CERT);
    assertThat(metadata.encryptionCertificates()).isEmpty();
    assertThat(metadata.validUntil()).isEqualTo(Instant.parse("2031-01-02T03:04:05Z"));
  }

  @Test
  void withoutValidUntilTheCertificateExpiryBounds() throws Exception {
    SamlMetadata metadata = SamlMetadata.parse(metadata("urn:idp", "", ""));
    assertThat(metadata.validUntil()).isEqualTo(CERT.getNotAfter().toInstant());
    assertThat(metadata.encryptionCertificates()).containsExactly(CERT);
  }

  @Test
  void refusesDoctypesSoNoEntityIsEverExpanded() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE md [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + metadata("&x;", "", "signing").substring("<?xml version=\"1.0\"?>".length());
    assertThatThrownBy(() -> SamlMetadata.parse(xxe))
        .isInstanceOf(SamlMetadata.InvalidMetadataException.class);
  }

  @Test
  void refusesOtherDocuments() {
    assertThatThrownBy(() -> SamlMetadata.parse("<EntityDescriptor entityID=\"x\"/>"))
        .isInstanceOf(SamlMetadata.InvalidMetadataException.class);
    assertThatThrownBy(() -> SamlMetadata.parse("not xml"))
        .isInstanceOf(SamlMetadata.InvalidMetadataException.class);
    String noIdp =
        "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"/>";
    assertThatThrownBy(() -> SamlMetadata.parse(noIdp))
        .isInstanceOf(SamlMetadata.InvalidMetadataException.class);
    String noEntityId = metadata("", "", "signing");
    assertThatThrownBy(() -> SamlMetadata.parse(noEntityId))
        .isInstanceOf(SamlMetadata.InvalidMetadataException.class);
  }

  private static String metadata(String entityId, String extraAttributes, String use) {
    try {
      String useAttribute = use.isEmpty() ? "" : " use=\"" + use + "\"";
      return "<?xml version=\"1.0\"?><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\""
          + entityId
          + "\""
          + extraAttributes
          + "><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
          + "<md:KeyDescriptor"
          + useAttribute
          + "><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>"
          + Base64.getMimeEncoder().encodeToString(CERT.getEncoded())
          + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
          + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://idp.example.com/sso\"/>"
          + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate certificate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      Instant now = Instant.now();
      var builder =
          new JcaX509v3CertificateBuilder(
              new X500Name("CN=idp"),
              BigInteger.ONE,
              Date.from(now.minus(1, ChronoUnit.DAYS)),
              Date.from(now.plus(400, ChronoUnit.DAYS)),
              new X500Name("CN=idp"),
              keys.getPublic());
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
