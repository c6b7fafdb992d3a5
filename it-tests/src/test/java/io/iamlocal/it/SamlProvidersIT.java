package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

class SamlProvidersIT extends WireTest {
  private static final KeyPair IDP_KEY = TestCertificates.rsa(2048);
  private static final X509Certificate IDP_CERT =
      TestCertificates.selfSigned(IDP_KEY, "idp.example.com", Duration.ofDays(365));

  /** IdP metadata as an IdP would publish it, with its signing certificate. */
  static String metadata(String entityId, String validUntil) {
    try {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\""
          + entityId
          + "\""
          + (validUntil == null ? "" : " validUntil=\"" + validUntil + "\"")
          + ">"
          + "<md:IDPSSODescriptor WantAuthnRequestsSigned=\"false\" protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
          + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>"
          + Base64.getEncoder().encodeToString(IDP_CERT.getEncoded())
          + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
          + "<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>"
          + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://idp.example.com/sso\"/>"
          + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void createGetListAndDelete() {
    String document = metadata("https://idp.example.com/saml", "2031-05-06T07:08:09Z");
    CreateSamlProviderResponse created =
        iam.createSAMLProvider(r -> r.name("Corp-IdP").samlMetadataDocument(document));
    String arn = created.samlProviderArn();
    assertThat(arn).isEqualTo("arn:aws:iam::123456789012:saml-provider/Corp-IdP");
    assertThat(created.hasTags()).isFalse();

    GetSamlProviderResponse got = iam.getSAMLProvider(r -> r.samlProviderArn(arn));
    assertThat(got.samlMetadataDocument()).isEqualTo(document);
    assertThat(got.validUntil()).isEqualTo(Instant.parse("2031-05-06T07:08:09Z"));
    assertThat(got.createDate()).isNotNull();
    assertThat(got.hasTags()).isTrue();
    assertThat(got.tags()).isEmpty();

    assertThat(iam.listSAMLProviders().samlProviderList())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.arn()).isEqualTo(arn);
              assertThat(entry.validUntil()).isEqualTo(got.validUntil());
              assertThat(entry.createDate()).isEqualTo(got.createDate());
            });
    iam.deleteSAMLProvider(r -> r.samlProviderArn(arn));
    assertThat(iam.listSAMLProviders().samlProviderList()).isEmpty();
    expect(
        () -> iam.getSAMLProvider(r -> r.samlProviderArn(arn)),
        "NoSuchEntity",
        404,
        "Manifest not found for arn " + arn);
    expect(
        () -> iam.deleteSAMLProvider(r -> r.samlProviderArn(arn)),
        "NoSuchEntity",
        404,
        "Manifest not found for arn " + arn);
  }

  @Test
  void getShowsTheNewerMembersUuidEncryptionModeAndPrivateKeys() {
    String arn =
        iam.createSAMLProvider(r -> r.name("keys").samlMetadataDocument(metadata("urn:idp", null)))
            .samlProviderArn();
    String xml = ok(call("GetSAMLProvider", "SAMLProviderArn", arn));
    assertThat(element(xml, "SAMLProviderUUID")).matches("[A-Z0-9]{22,64}");
    assertThat(element(xml, "AssertionEncryptionMode")).isEqualTo("Allowed");
    assertThat(xml).contains("<PrivateKeyList/>");
    // Without validUntil in the metadata, the signing certificate's expiry bounds the provider.
    assertThat(Instant.parse(element(xml, "ValidUntil")))
        .isEqualTo(IDP_CERT.getNotAfter().toInstant());

    HttpResponse<String> refused =
        call("UpdateSAMLProvider", "SAMLProviderArn", arn, "AssertionEncryptionMode", "Required");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(element(refused.body(), "Code")).isEqualTo("InvalidInput");

    String key = TestCertificates.pkcs8(TestCertificates.rsa(2048).getPrivate());
    ok(
        call(
            "UpdateSAMLProvider",
            "SAMLProviderArn",
            arn,
            "AssertionEncryptionMode",
            "Required",
            "AddPrivateKey",
            key));
    String updated = ok(call("GetSAMLProvider", "SAMLProviderArn", arn));
    assertThat(element(updated, "AssertionEncryptionMode")).isEqualTo("Required");
    String keyId = element(updated, "KeyId");
    assertThat(keyId).matches("[A-Z0-9]{22,64}");
    assertThat(element(updated, "SAMLProviderUUID")).isEqualTo(element(xml, "SAMLProviderUUID"));

    ok(
        call(
            "UpdateSAMLProvider",
            "SAMLProviderArn",
            arn,
            "AssertionEncryptionMode",
            "Allowed",
            "RemovePrivateKey",
            keyId));
    assertThat(ok(call("GetSAMLProvider", "SAMLProviderArn", arn))).contains("<PrivateKeyList/>");
  }

  @Test
  void updateReplacesTheMetadata() {
    String arn =
        iam.createSAMLProvider(
                r ->
                    r.name("upd").samlMetadataDocument(metadata("urn:old", "2030-01-01T00:00:00Z")))
            .samlProviderArn();
    String replacement = metadata("urn:new", "2032-01-01T00:00:00Z");
    assertThat(
            iam.updateSAMLProvider(r -> r.samlProviderArn(arn).samlMetadataDocument(replacement))
                .samlProviderArn())
        .isEqualTo(arn);
    GetSamlProviderResponse got = iam.getSAMLProvider(r -> r.samlProviderArn(arn));
    assertThat(got.samlMetadataDocument()).isEqualTo(replacement);
    assertThat(got.validUntil()).isEqualTo(Instant.parse("2032-01-01T00:00:00Z"));
  }

  @Test
  void metadataMustBeSaml2IdpMetadataWithoutDtds() {
    String padding = "<!--" + "x".repeat(1000) + "-->";
    String notSaml = "<?xml version=\"1.0\"?><root>" + padding + "</root>";
    expect(
        () -> iam.createSAMLProvider(r -> r.name("bad").samlMetadataDocument(notSaml)),
        "InvalidInput",
        400,
        "Could not parse metadata");
    String withEntity =
        "<?xml version=\"1.0\"?><!DOCTYPE md [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
            + metadata("&x;", null)
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
    expect(
        () -> iam.createSAMLProvider(r -> r.name("xxe").samlMetadataDocument(withEntity)),
        "InvalidInput",
        400,
        "Could not parse metadata");
    String withoutCertificate =
        metadata("urn:x", null).replaceAll("<md:KeyDescriptor.*</md:KeyDescriptor>", padding);
    expect(
        () ->
            iam.createSAMLProvider(r -> r.name("nocert").samlMetadataDocument(withoutCertificate)),
        "InvalidInput",
        400,
        "Could not parse metadata");
    assertThat(iam.listSAMLProviders().samlProviderList()).isEmpty();
  }

  @Test
  void namesAreUniqueAndFollowTheModelPattern() {
    iam.createSAMLProvider(r -> r.name("Okta").samlMetadataDocument(metadata("urn:okta", null)));
    expect(
        () ->
            iam.createSAMLProvider(
                r -> r.name("Okta").samlMetadataDocument(metadata("urn:okta", null))),
        "EntityAlreadyExists",
        409,
        "SAMLProvider Okta already exists.");
    var e =
        IamErrors.expect(
            () ->
                iam.createSAMLProvider(
                    r -> r.name("bad name").samlMetadataDocument(metadata("urn:x", null))),
            "ValidationError",
            400,
            "1 validation error detected: Value at 'name' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\w._-]+");
    assertThat(e).isNotNull();
  }

  @Test
  void tagsOnCreateAndAfterwards() {
    CreateSamlProviderResponse created =
        iam.createSAMLProvider(
            r ->
                r.name("tagged")
                    .samlMetadataDocument(metadata("urn:t", null))
                    .tags(Tag.builder().key("team").value("id").build()));
    assertThat(created.tags()).containsExactly(Tag.builder().key("team").value("id").build());
    String arn = created.samlProviderArn();
    iam.tagSAMLProvider(
        r -> r.samlProviderArn(arn).tags(Tag.builder().key("env").value("dev").build()));
    iam.untagSAMLProvider(r -> r.samlProviderArn(arn).tagKeys("team"));
    assertThat(iam.listSAMLProviderTags(r -> r.samlProviderArn(arn)).tags())
        .containsExactly(Tag.builder().key("env").value("dev").build());
    assertThat(iam.getSAMLProvider(r -> r.samlProviderArn(arn)).tags())
        .extracting(Tag::key)
        .containsExactly("env");
    List<Tag> fortyNine =
        IntStream.range(0, 49)
            .mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
            .toList();
    iam.tagSAMLProvider(r -> r.samlProviderArn(arn).tags(fortyNine));
    expect(
        () ->
            iam.tagSAMLProvider(
                r -> r.samlProviderArn(arn).tags(Tag.builder().key("extra").value("v").build())),
        "LimitExceeded",
        409,
        "The number of tags has reached the maximum limit.");
  }

  @Test
  void listIsInNameOrder() {
    for (String name : List.of("b", "a", "c")) {
      iam.createSAMLProvider(r -> r.name(name).samlMetadataDocument(metadata("urn:" + name, null)));
    }
    assertThat(iam.listSAMLProviders().samlProviderList())
        .extracting(SAMLProviderListEntry::arn)
        .containsExactly(
            "arn:aws:iam::123456789012:saml-provider/a",
            "arn:aws:iam::123456789012:saml-provider/b",
            "arn:aws:iam::123456789012:saml-provider/c");
  }

  private HttpResponse<String> call(String action, String... members) {
    StringBuilder form = new StringBuilder("Action=" + action + "&Version=2010-05-08");
    for (int i = 0; i < members.length; i += 2) {
      form.append('&')
          .append(members[i])
          .append('=')
          .append(URLEncoder.encode(members[i + 1], StandardCharsets.UTF_8));
    }
    return RawHttp.signedForm(endpoint(), Clients.root(), "iam", form.toString());
  }

  private static String ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    assertThat(m.find()).as(name + " in " + xml).isTrue();
    return m.group(1);
  }
}
