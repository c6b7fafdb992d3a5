package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The lookups AssumeRoleWithWebIdentity and AssumeRoleWithSAML rely on. */
class IdentityProviderLookupsTest {
  private final Instant now = Instant.parse("2024-05-01T12:00:00Z");
  private final AccountState account =
      new AccountState("123456789012", Clock.fixed(now, ZoneOffset.UTC), new IdGenerator());

  @Test
  void oidcProviderIsFoundByTheIssuerATokenCarries() {
    OpenIdConnectProviders providers = OpenIdConnectProviders.of(account);
    OpenIdConnectProvider github =
        providers.create(
            "https://token.actions.githubusercontent.com",
            List.of("sts.amazonaws.com"),
            List.of(),
            now);
    OpenIdConnectProvider keycloak =
        providers.create("https://Auth.Example.com/realms/main", List.of("app"), List.of(), now);
    assertThat(providers.byIssuer("https://token.actions.githubusercontent.com")).isSameAs(github);
    assertThat(providers.byIssuer("https://token.actions.githubusercontent.com/")).isSameAs(github);
    assertThat(providers.byIssuer("https://auth.example.com/realms/main")).isSameAs(keycloak);
    assertThat(providers.byIssuer("https://auth.example.com/realms/other")).isNull();
    assertThat(providers.byIssuer("https://elsewhere.example.com")).isNull();
    assertThat(github.hasClientId("sts.amazonaws.com")).isTrue();
    assertThat(github.issuer()).isEqualTo("https://token.actions.githubusercontent.com");
    assertThat(
            providers.byArn(
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"))
        .isSameAs(github);
    assertThat(
            providers.byArn(
                "arn:aws:iam::999999999999:oidc-provider/token.actions.githubusercontent.com"))
        .isNull();
  }

  @Test
  void samlProviderIsFoundByArnWithItsIssuerAndSigningCertificates() throws Exception {
    X509Certificate certificate = certificate();
    String document =
        "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example.com/metadata\">"
            + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:KeyDescriptor use=\"signing\">"
            + "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>"
            + Base64.getEncoder().encodeToString(certificate.getEncoded())
            + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>";
    SamlProviders providers = SamlProviders.of(account);
    SamlProvider created =
        providers.create(
            "Corp", new SamlProviders.Settings(document, null, null, null), account.ids(), now);
    SamlProvider found = providers.byArn("arn:aws:iam::123456789012:saml-provider/Corp");
    assertThat(found).isSameAs(created);
    assertThat(found.metadata().entityId()).isEqualTo("https://idp.example.com/metadata");
    assertThat(found.metadata().signingCertificates()).containsExactly(certificate);
    assertThat(providers.byArn("arn:aws:iam::123456789012:saml-provider/Other")).isNull();
  }

  private static X509Certificate certificate() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Instant start = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=idp"),
            BigInteger.TEN,
            Date.from(start),
            Date.from(start.plus(30, ChronoUnit.DAYS)),
            new X500Name("CN=idp"),
            keys.getPublic());
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
  }
}
