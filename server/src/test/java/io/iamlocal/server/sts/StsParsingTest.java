package io.iamlocal.server.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Access key account decoding, JWT claims, SAML responses, packed sizes. */
class StsParsingTest {

  @Test
  void accountIdIsDecodedFromForeignAccessKeyIds() {
    // Published example: ASIAY34FZKBOKMUTVV7A belongs to account 609629065308.
    assertThat(StsInfoOperations.accountEncodedIn("ASIAY34FZKBOKMUTVV7A"))
        .isEqualTo("609629065308");
    assertThat(StsInfoOperations.accountEncodedIn("AKIAY34FZKBOKMUTVV7A"))
        .isEqualTo("609629065308");
  }

  @Test
  void jwtClaimsAreRead() {
    String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String payload =
        b64(
            "{\"iss\":\"https://idp.example.com\",\"aud\":[\"app\",\"other\"],\"sub\":\"user-1\",\"exp\":1714567200,"
                + "\"amr\":[\"pwd\"],\"https://aws.amazon.com/tags\":{\"principal_tags\":{\"team\":[\"red\"]},\"transitive_tag_keys\":[\"team\"]},"
                + "\"https://aws.amazon.com/source_identity\":\"alice\"}");
    WebIdentityToken token = WebIdentityToken.parse(header + "." + payload + ".c2ln");
    assertThat(token.issuer()).isEqualTo("https://idp.example.com");
    assertThat(token.audiences()).containsExactly("app", "other");
    assertThat(token.subject()).isEqualTo("user-1");
    assertThat(token.expiration()).isEqualTo(Instant.ofEpochSecond(1714567200));
    assertThat(token.principalTags()).containsExactly(new Tags.Tag("team", "red"));
    assertThat(token.transitiveTagKeys()).containsExactly("team");
    assertThat(token.sourceIdentity()).isEqualTo("alice");
    assertThatThrownBy(() -> WebIdentityToken.parse("not-a-jwt"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage(WebIdentityToken.NOT_A_JWT);
  }

  @Test
  void samlResponsesAreReadWithoutDtds() throws Exception {
    String xml =
        """
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">
          <saml:Issuer>https://idp.example.com/saml</saml:Issuer>
          <saml:Assertion>
            <saml:Issuer>https://idp.example.com/saml</saml:Issuer>
            <saml:Subject>
              <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">alice@example.com</saml:NameID>
              <saml:SubjectConfirmation><saml:SubjectConfirmationData NotOnOrAfter="2030-01-01T00:00:00Z"
                  Recipient="https://signin.aws.amazon.com/saml"/></saml:SubjectConfirmation>
            </saml:Subject>
            <saml:AuthnStatement SessionNotOnOrAfter="2030-01-01T08:00:00Z"/>
            <saml:AttributeStatement>
              <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role">
                <saml:AttributeValue>arn:aws:iam::123456789012:role/r,arn:aws:iam::123456789012:saml-provider/p</saml:AttributeValue>
              </saml:Attribute>
              <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName">
                <saml:AttributeValue>alice</saml:AttributeValue>
              </saml:Attribute>
            </saml:AttributeStatement>
          </saml:Assertion>
        </samlp:Response>
        """;
    SamlResponse saml = SamlResponse.parse(b64std(xml));
    assertThat(saml.issuer()).isEqualTo("https://idp.example.com/saml");
    assertThat(saml.subject()).isEqualTo("alice@example.com");
    assertThat(saml.subjectType()).isEqualTo("persistent");
    assertThat(saml.recipient()).isEqualTo("https://signin.aws.amazon.com/saml");
    assertThat(saml.notOnOrAfter()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(saml.sessionNotOnOrAfter()).isEqualTo(Instant.parse("2030-01-01T08:00:00Z"));
    assertThat(saml.attribute("RoleSessionName")).isEqualTo("alice");
    String evil =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
    assertThatThrownBy(() -> SamlResponse.parse(b64std(evil)))
        .isInstanceOf(SamlResponse.InvalidSamlException.class);
  }

  @Test
  void nameQualifierFollowsTheDocumentedFormula() {
    assertThat(
            FederationOperations.nameQualifier(
                "https://example.com/saml", "123456789012", "MySAMLIdP"))
        .hasSize(28)
        .endsWith("=");
  }

  @Test
  void packedSizeIsAPercentageAndRefusesTooMuch() {
    SessionPolicies.Requested small =
        new SessionPolicies.Requested(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
            List.of());
    assertThat(SessionPolicies.packedSize(small, List.of())).isBetween(3, 10);
    java.util.Random r = new java.util.Random(1);
    List<Tags.Tag> manyTags = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      manyTags.add(
          new Tags.Tag(
              "key" + i + Long.toHexString(r.nextLong()),
              Long.toHexString(r.nextLong())
                  + Long.toHexString(r.nextLong())
                  + Long.toHexString(r.nextLong())));
    }
    assertThatThrownBy(
            () ->
                SessionPolicies.packedSize(
                    new SessionPolicies.Requested(null, List.of()), manyTags))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageMatching("Packed size of session tags consumes \\d+% of allotted space\\.");
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64std(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
