package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.expect;
import static io.iamlocal.it.StsTestSupport.notAuthorized;
import static io.iamlocal.it.StsTestSupport.session;
import static io.iamlocal.it.StsTestSupport.trust;
import static io.iamlocal.it.StsTestSupport.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * The rest of STS: GetCallerIdentity for every kind of credentials, GetAccessKeyInfo,
 * DecodeAuthorizationMessage, and the operations a standalone account mostly cannot use.
 */
class StsOperationsIT extends WireTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void callerIdentityOfEveryKindOfCredentials() {
    assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:root");
    AccessKey alice = userWithKey("alice");
    allow("alice", "sts:GetFederationToken");
    String aliceId = iam.getUser(r -> r.userName("alice")).user().userId();
    String roleId =
        iam.createRole(r -> r.roleName("viewer").assumeRolePolicyDocument(trust(userArn("alice"))))
            .role()
            .roleId();
    try (StsClient asAlice = Clients.sts(endpoint(), credentialsOf(alice))) {
      assertThat(asAlice.getCallerIdentity().userId()).isEqualTo(aliceId);
      Credentials sessionToken = asAlice.getSessionToken().credentials();
      Credentials role =
          asAlice
              .assumeRole(r -> r.roleArn(StsTestSupport.roleArn("viewer")).roleSessionName("look"))
              .credentials();
      Credentials federated = asAlice.getFederationToken(r -> r.name("fed-alice")).credentials();
      try (StsClient a = Clients.sts(endpoint(), session(sessionToken));
          StsClient b = Clients.sts(endpoint(), session(role));
          StsClient c = Clients.sts(endpoint(), session(federated))) {
        assertThat(a.getCallerIdentity().arn()).isEqualTo(userArn("alice"));
        assertThat(a.getCallerIdentity().userId()).isEqualTo(aliceId);
        assertThat(b.getCallerIdentity().arn())
            .isEqualTo("arn:aws:sts::123456789012:assumed-role/viewer/look");
        assertThat(b.getCallerIdentity().userId()).isEqualTo(roleId + ":look");
        assertThat(c.getCallerIdentity().arn())
            .isEqualTo("arn:aws:sts::123456789012:federated-user/fed-alice");
        assertThat(c.getCallerIdentity().userId()).isEqualTo("123456789012:fed-alice");
      }
    }
  }

  @Test
  void accessKeyInfoNamesTheAccountOfAnyKey() {
    AccessKey alice = userWithKey("alice");
    assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(alice.accessKeyId())).account())
        .isEqualTo("123456789012");
    Credentials temporary = sts.getSessionToken().credentials();
    assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(temporary.accessKeyId())).account())
        .isEqualTo("123456789012");
    // A key of another account: its account is encoded in the key ID itself.
    assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId("ASIAY34FZKBOKMUTVV7A")).account())
        .isEqualTo("609629065308");
    try (StsClient asAlice = Clients.sts(endpoint(), credentialsOf(alice))) {
      expect(
          () -> asAlice.getAccessKeyInfo(r -> r.accessKeyId(alice.accessKeyId())),
          "AccessDenied",
          403,
          notAuthorized(userArn("alice"), "sts:GetAccessKeyInfo", "*"));
    }
  }

  @Test
  void denialsCanBeDecodedByTheirEncodedMessage() throws Exception {
    AccessKey bob = userWithKey("bob");
    String requestId;
    try (IamClient asBob = Clients.iam(endpoint(), credentialsOf(bob))) {
      requestId =
          expect(
                  () -> asBob.createUser(r -> r.userName("mallory")),
                  "AccessDenied",
                  403,
                  "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:CreateUser on resource: "
                      + "arn:aws:iam::123456789012:user/mallory because no identity-based policy allows the iam:CreateUser action")
              .requestId();
    }
    HttpResponse<String> recent =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint().resolve("/_iamlocal/authorization-messages"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String encoded = null;
    for (JsonNode entry : json.readTree(recent.body())) {
      if (entry.get("requestId").asText().equals(requestId)) {
        encoded = entry.get("encodedMessage").asText();
      }
    }
    assertThat(encoded).as("encoded message of request %s", requestId).isNotNull();
    String messageOfBob = encoded;
    JsonNode decoded =
        json.readTree(
            sts.decodeAuthorizationMessage(r -> r.encodedMessage(messageOfBob)).decodedMessage());
    assertThat(decoded.get("allowed").asBoolean()).isFalse();
    assertThat(decoded.get("explicitDeny").asBoolean()).isFalse();
    assertThat(decoded.at("/context/action").asText()).isEqualTo("iam:CreateUser");
    assertThat(decoded.at("/context/resource").asText())
        .isEqualTo("arn:aws:iam::123456789012:user/mallory");
    assertThat(decoded.at("/context/principal/arn").asText()).isEqualTo(userArn("bob"));

    expect(
        () -> sts.decodeAuthorizationMessage(r -> r.encodedMessage("bm90LWEtbWVzc2FnZQ")),
        "InvalidAuthorizationMessageException",
        400,
        null);
    try (StsClient asBob = Clients.sts(endpoint(), credentialsOf(bob))) {
      expect(
          () -> asBob.decodeAuthorizationMessage(r -> r.encodedMessage(messageOfBob)),
          "AccessDenied",
          403,
          notAuthorized(userArn("bob"), "sts:DecodeAuthorizationMessage", "*"));
      allow("bob", "sts:DecodeAuthorizationMessage");
      assertThat(
              asBob
                  .decodeAuthorizationMessage(r -> r.encodedMessage(messageOfBob))
                  .decodedMessage())
          .contains("iam:CreateUser");
    }
  }

  @Test
  void assumeRootAndDelegatedAccessNeedAnOrganization() {
    PolicyDescriptorType task =
        PolicyDescriptorType.builder()
            .arn("arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials")
            .build();
    expect(
        () -> sts.assumeRoot(r -> r.targetPrincipal("111122223333").taskPolicyArn(task)),
        "AccessDenied",
        403,
        notAuthorized(
            "arn:aws:iam::123456789012:root", "sts:AssumeRoot", "arn:aws:iam::111122223333:root"));
    AccessKey carol = userWithKey("carol");
    try (StsClient asCarol = Clients.sts(endpoint(), credentialsOf(carol))) {
      expect(
          () -> asCarol.assumeRoot(r -> r.targetPrincipal("111122223333").taskPolicyArn(task)),
          "AccessDenied",
          403,
          notAuthorized(userArn("carol"), "sts:AssumeRoot", "arn:aws:iam::111122223333:root"));
    }
    // GetDelegatedAccessToken, GetWebIdentityToken and IAM's outbound federation are newer than the
    // SDK used here.
    HttpResponse<String> delegated =
        RawHttp.signedForm(
            endpoint(),
            Clients.root(),
            "sts",
            "Action=GetDelegatedAccessToken&Version=2011-06-15&TradeInToken=token-from-nowhere");
    assertThat(delegated.statusCode()).isEqualTo(400);
    assertThat(delegated.body()).contains("<Code>ExpiredTradeInTokenException</Code>");
  }

  @Test
  void webIdentityTokensOnceOutboundFederationIsEnabled() throws Exception {
    String request =
        "Action=GetWebIdentityToken&Version=2011-06-15&Audience.member.1=https%3A%2F%2Fapi.example.com"
            + "&SigningAlgorithm=ES384&DurationSeconds=120";
    HttpResponse<String> disabled = RawHttp.signedForm(endpoint(), Clients.root(), "sts", request);
    assertThat(disabled.statusCode()).isEqualTo(403);
    assertThat(disabled.body())
        .contains("<Code>OutboundWebIdentityFederationDisabledException</Code>");
    String issuer =
        element(
            RawHttp.signedForm(
                    endpoint(),
                    Clients.root(),
                    "iam",
                    "Action=EnableOutboundWebIdentityFederation&Version=2010-05-08")
                .body(),
            "IssuerIdentifier");
    HttpResponse<String> response = RawHttp.signedForm(endpoint(), Clients.root(), "sts", request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String[] parts = element(response.body(), "WebIdentityToken").split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims =
        json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    assertThat(header.get("alg").asText()).isEqualTo("ES384");
    assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(96);
    assertThat(claims.get("iss").asText()).isEqualTo(issuer);
    assertThat(claims.get("aud").asText()).isEqualTo("https://api.example.com");
    assertThat(claims.get("sub").asText()).isEqualTo("arn:aws:iam::123456789012:root");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(120);
    assertThat(element(response.body(), "Expiration"))
        .isEqualTo(java.time.Instant.ofEpochSecond(claims.get("exp").asLong()).toString());
    HttpResponse<String> rsa =
        RawHttp.signedForm(
            endpoint(),
            Clients.root(),
            "sts",
            "Action=GetWebIdentityToken&Version=2011-06-15&Audience.member.1=a&Audience.member.2=b&SigningAlgorithm=RS256");
    assertThat(rsa.statusCode()).isEqualTo(200);
  }

  private static String element(String xml, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    assertThat(m.find()).as("%s in %s", name, xml).isTrue();
    return m.group(1);
  }
}
