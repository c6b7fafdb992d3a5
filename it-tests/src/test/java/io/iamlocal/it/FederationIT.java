package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.expect;
import static io.iamlocal.it.StsTestSupport.policy;
import static io.iamlocal.it.StsTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML, sent unsigned by the SDK (as to AWS): the token
 * or assertion is checked against the identity provider registered in IAM, then the trust policy.
 */
class FederationIT extends WireTest {
  private static final String ISSUER = "https://idp.example.com";
  private static final String SAML_ISSUER = "https://saml.example.com/idp";
  private StsClient anonymous;

  @BeforeEach
  void anonymousClient() {
    anonymous = StsTestSupport.anonymousSts(endpoint());
  }

  @AfterEach
  void closeAnonymous() {
    anonymous.close();
  }

  private static String jwt(String iss, String aud, String sub, long exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"iss\":\""
                    + iss
                    + "\",\"aud\":\""
                    + aud
                    + "\",\"sub\":\""
                    + sub
                    + "\",\"iat\":"
                    + (exp - 3600)
                    + ",\"exp\":"
                    + exp
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    return header
        + "."
        + payload
        + "."
        + b64.encodeToString("not-checked".getBytes(StandardCharsets.UTF_8));
  }

  private String webIdentityRole(String providerArn) {
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
            + providerArn
            + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"idp.example.com:aud\":\"my-app\","
            + "\"idp.example.com:sub\":\"user-1\"}}}]}";
    String arn =
        iam.createRole(r -> r.roleName("web").assumeRolePolicyDocument(trust)).role().arn();
    iam.putRolePolicy(
        r -> r.roleName("web").policyName("s3").policyDocument(policy("s3:ListAllMyBuckets", "*")));
    return arn;
  }

  @Test
  void webIdentityTokensOfARegisteredProviderGetRoleCredentials() {
    String providerArn =
        iam.createOpenIDConnectProvider(
                r ->
                    r.url(ISSUER)
                        .clientIDList("my-app")
                        .thumbprintList("0123456789abcdef0123456789abcdef01234567"))
            .openIDConnectProviderArn();
    String roleArn = webIdentityRole(providerArn);
    long inAnHour = Instant.now().getEpochSecond() + 3600;

    AssumeRoleWithWebIdentityResponse r =
        anonymous.assumeRoleWithWebIdentity(
            b ->
                b.roleArn(roleArn)
                    .roleSessionName("web-user")
                    .webIdentityToken(jwt(ISSUER, "my-app", "user-1", inAnHour)));
    assertThat(r.assumedRoleUser().arn())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/web/web-user");
    assertThat(r.subjectFromWebIdentityToken()).isEqualTo("user-1");
    assertThat(r.audience()).isEqualTo("my-app");
    assertThat(r.provider()).isEqualTo(ISSUER);
    try (S3Client s3 = StsTestSupport.s3(endpoint(), session(r.credentials()))) {
      assertThat(s3.listBuckets().buckets()).isEmpty();
    }

    expect(
        () ->
            anonymous.assumeRoleWithWebIdentity(
                b ->
                    b.roleArn(roleArn)
                        .roleSessionName("s1")
                        .webIdentityToken(
                            jwt("https://unknown.example.org", "my-app", "user-1", inAnHour))),
        "InvalidIdentityToken",
        400,
        "No OpenIDConnect provider found in your account for https://unknown.example.org");
    expect(
        () ->
            anonymous.assumeRoleWithWebIdentity(
                b ->
                    b.roleArn(roleArn)
                        .roleSessionName("s1")
                        .webIdentityToken(jwt(ISSUER, "other-app", "user-1", inAnHour))),
        "InvalidIdentityToken",
        400,
        "Incorrect token audience");
    expect(
        () ->
            anonymous.assumeRoleWithWebIdentity(
                b ->
                    b.roleArn(roleArn)
                        .roleSessionName("s1")
                        .webIdentityToken(
                            jwt(ISSUER, "my-app", "user-1", Instant.now().getEpochSecond() - 60))),
        "ExpiredTokenException",
        400,
        null);
    expect(
        () ->
            anonymous.assumeRoleWithWebIdentity(
                b ->
                    b.roleArn(roleArn)
                        .roleSessionName("s1")
                        .webIdentityToken(jwt(ISSUER, "my-app", "someone-else", inAnHour))),
        "AccessDenied",
        403,
        "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    expect(
        () ->
            anonymous.assumeRoleWithWebIdentity(
                b ->
                    b.roleArn(roleArn)
                        .roleSessionName("s1")
                        .webIdentityToken("opaque-access-token")),
        "InvalidIdentityToken",
        400,
        "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
    expect(
        () ->
            anonymous.assumeRoleWithWebIdentity(
                b ->
                    b.roleArn(roleArn)
                        .roleSessionName("s1")
                        .durationSeconds(7200)
                        .webIdentityToken(jwt(ISSUER, "my-app", "user-1", inAnHour))),
        "ValidationError",
        400,
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }

  private String assertion(
      String issuer, String roleArn, String providerArn, String sessionName, Instant notOnOrAfter) {
    String xml =
        "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""
            + " ID=\"_r1\" Version=\"2.0\" IssueInstant=\""
            + Instant.now()
            + "\">"
            + "<saml:Issuer>"
            + issuer
            + "</saml:Issuer>"
            + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
            + "<saml:Assertion ID=\"_a1\" Version=\"2.0\" IssueInstant=\""
            + Instant.now()
            + "\"><saml:Issuer>"
            + issuer
            + "</saml:Issuer>"
            + "<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">alice@example.com</saml:NameID>"
            + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\"><saml:SubjectConfirmationData NotOnOrAfter=\""
            + notOnOrAfter
            + "\" Recipient=\"https://signin.aws.amazon.com/saml\"/></saml:SubjectConfirmation></saml:Subject>"
            + "<saml:Conditions NotOnOrAfter=\""
            + notOnOrAfter
            + "\"><saml:AudienceRestriction><saml:Audience>urn:amazon:webservices</saml:Audience>"
            + "</saml:AudienceRestriction></saml:Conditions>"
            + "<saml:AttributeStatement>"
            + "<saml:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/Role\"><saml:AttributeValue>"
            + roleArn
            + ","
            + providerArn
            + "</saml:AttributeValue></saml:Attribute>"
            + (sessionName == null
                ? ""
                : "<saml:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/RoleSessionName\"><saml:AttributeValue>"
                    + sessionName
                    + "</saml:AttributeValue></saml:Attribute>")
            + "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
    return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void samlAssertionsOfARegisteredProviderGetRoleCredentials() throws Exception {
    String providerArn =
        iam.createSAMLProvider(
                r ->
                    r.name("corp-idp")
                        .samlMetadataDocument(SamlProvidersIT.metadata(SAML_ISSUER, null)))
            .samlProviderArn();
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
            + providerArn
            + "\"},\"Action\":\"sts:AssumeRoleWithSAML\",\"Condition\":{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}}]}";
    String roleArn =
        iam.createRole(r -> r.roleName("saml-role").assumeRolePolicyDocument(trust)).role().arn();
    Instant later = Instant.now().plusSeconds(300);

    AssumeRoleWithSamlResponse r =
        anonymous.assumeRoleWithSAML(
            b ->
                b.roleArn(roleArn)
                    .principalArn(providerArn)
                    .samlAssertion(assertion(SAML_ISSUER, roleArn, providerArn, "alice", later)));
    assertThat(r.assumedRoleUser().arn())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/saml-role/alice");
    assertThat(r.subject()).isEqualTo("alice@example.com");
    assertThat(r.subjectType()).isEqualTo("persistent");
    assertThat(r.issuer()).isEqualTo(SAML_ISSUER);
    assertThat(r.audience()).isEqualTo("https://signin.aws.amazon.com/saml");
    byte[] sha1 =
        MessageDigest.getInstance("SHA-1")
            .digest((SAML_ISSUER + "123456789012/corp-idp").getBytes(StandardCharsets.UTF_8));
    assertThat(r.nameQualifier()).isEqualTo(Base64.getEncoder().encodeToString(sha1));
    try (StsClient asRole = Clients.sts(endpoint(), session(r.credentials()))) {
      assertThat(asRole.getCallerIdentity().arn()).isEqualTo(r.assumedRoleUser().arn());
    }

    expect(
        () ->
            anonymous.assumeRoleWithSAML(
                b ->
                    b.roleArn(roleArn)
                        .principalArn(providerArn)
                        .samlAssertion(
                            assertion(
                                "https://evil.example.com", roleArn, providerArn, "alice", later))),
        "InvalidIdentityToken",
        400,
        "Issuer not present in specified provider");
    expect(
        () ->
            anonymous.assumeRoleWithSAML(
                b ->
                    b.roleArn(roleArn)
                        .principalArn(providerArn)
                        .samlAssertion(assertion(SAML_ISSUER, roleArn, providerArn, null, later))),
        "InvalidIdentityToken",
        400,
        "RoleSessionName is required in AuthnResponse");
    expect(
        () ->
            anonymous.assumeRoleWithSAML(
                b ->
                    b.roleArn(roleArn)
                        .principalArn(providerArn)
                        .samlAssertion(
                            assertion(SAML_ISSUER, roleArn, providerArn, "alice smith", later))),
        "InvalidIdentityToken",
        400,
        "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
    expect(
        () ->
            anonymous.assumeRoleWithSAML(
                b ->
                    b.roleArn(roleArn)
                        .principalArn(providerArn)
                        .samlAssertion(
                            assertion(
                                SAML_ISSUER,
                                roleArn,
                                providerArn,
                                "alice",
                                Instant.now().minusSeconds(60)))),
        "ExpiredTokenException",
        400,
        null);
    String otherRole = StsTestSupport.roleArn("other");
    expect(
        () ->
            anonymous.assumeRoleWithSAML(
                b ->
                    b.roleArn(otherRole)
                        .principalArn(providerArn)
                        .samlAssertion(
                            assertion(SAML_ISSUER, roleArn, providerArn, "alice", later))),
        "AccessDenied",
        403,
        "Not authorized to perform sts:AssumeRoleWithSAML");
  }
}
