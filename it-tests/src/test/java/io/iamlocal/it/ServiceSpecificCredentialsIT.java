package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredential;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredentialMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

class ServiceSpecificCredentialsIT extends WireTest {

  @Test
  void codeCommitCredentialsHaveAGeneratedUserNameAndPassword() {
    iam.createUser(r -> r.userName("sofia"));
    ServiceSpecificCredential first =
        iam.createServiceSpecificCredential(
                r -> r.userName("sofia").serviceName("codecommit.amazonaws.com"))
            .serviceSpecificCredential();
    assertThat(first.serviceUserName()).isEqualTo("sofia-at-123456789012");
    assertThat(first.servicePassword()).hasSize(60).endsWith("=");
    assertThat(first.serviceSpecificCredentialId()).startsWith("ACCA").hasSize(21);
    assertThat(first.serviceName()).isEqualTo("codecommit.amazonaws.com");
    assertThat(first.status()).isEqualTo(StatusType.ACTIVE);
    assertThat(first.userName()).isEqualTo("sofia");
    assertThat(first.createDate()).isNotNull();

    ServiceSpecificCredential second =
        iam.createServiceSpecificCredential(
                r -> r.userName("sofia").serviceName("codecommit.amazonaws.com"))
            .serviceSpecificCredential();
    assertThat(second.serviceUserName()).isEqualTo("sofia+1-at-123456789012");
    expect(
        () ->
            iam.createServiceSpecificCredential(
                r -> r.userName("sofia").serviceName("codecommit.amazonaws.com")),
        "LimitExceeded",
        409,
        "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2");
    // The limit is per service.
    iam.createServiceSpecificCredential(
        r -> r.userName("sofia").serviceName("cassandra.amazonaws.com"));
  }

  @Test
  void listUpdateResetAndDelete() {
    var key = userWithKey("li");
    allow("li", "iam:ListServiceSpecificCredentials", "iam:ResetServiceSpecificCredential");
    ServiceSpecificCredential created =
        iam.createServiceSpecificCredential(
                r -> r.userName("li").serviceName("cassandra.amazonaws.com"))
            .serviceSpecificCredential();
    String id = created.serviceSpecificCredentialId();
    iam.updateServiceSpecificCredential(
        r -> r.userName("li").serviceSpecificCredentialId(id).status(StatusType.INACTIVE));
    ServiceSpecificCredentialMetadata listed =
        iam.listServiceSpecificCredentials(r -> r.userName("li"))
            .serviceSpecificCredentials()
            .get(0);
    assertThat(listed.serviceSpecificCredentialId()).isEqualTo(id);
    assertThat(listed.status()).isEqualTo(StatusType.INACTIVE);
    assertThat(listed.serviceUserName()).isEqualTo("li-at-123456789012");
    assertThat(
            iam.listServiceSpecificCredentials(
                    r -> r.userName("li").serviceName("codecommit.amazonaws.com"))
                .serviceSpecificCredentials())
        .isEmpty();

    try (IamClient asLi = Clients.iam(endpoint(), credentialsOf(key))) {
      assertThat(asLi.listServiceSpecificCredentials().serviceSpecificCredentials()).hasSize(1);
      ServiceSpecificCredential reset =
          asLi.resetServiceSpecificCredential(r -> r.serviceSpecificCredentialId(id))
              .serviceSpecificCredential();
      assertThat(reset.servicePassword()).hasSize(60).isNotEqualTo(created.servicePassword());
      assertThat(reset.serviceUserName()).isEqualTo(created.serviceUserName());
    }
    iam.deleteServiceSpecificCredential(r -> r.userName("li").serviceSpecificCredentialId(id));
    assertThat(
            iam.listServiceSpecificCredentials(r -> r.userName("li")).serviceSpecificCredentials())
        .isEmpty();
    expect(
        () ->
            iam.deleteServiceSpecificCredential(
                r -> r.userName("li").serviceSpecificCredentialId(id)),
        "NoSuchEntity",
        404,
        "No such credential " + id + " exists");
  }

  @Test
  void unsupportedServicesAndUnknownUsers() {
    iam.createUser(r -> r.userName("max"));
    expect(
        () ->
            iam.createServiceSpecificCredential(
                r -> r.userName("max").serviceName("lambda.amazonaws.com")),
        "NoSuchEntity",
        404,
        "No such service lambda.amazonaws.com is supported for Service Specific Credentials");
    expect(
        () ->
            iam.createServiceSpecificCredential(
                r -> r.userName("ghost").serviceName("codecommit.amazonaws.com")),
        "NoSuchEntity",
        404,
        "The user with name ghost cannot be found.");
    expect(
        () ->
            iam.listServiceSpecificCredentials(
                r -> r.userName("max").serviceName("o3on3n3onosneo")),
        "NoSuchEntity",
        404,
        "No such service o3on3n3onosneo is supported for Service Specific Credentials");
  }

  @Test
  void bedrockApiKeysHaveAnAliasASecretAndAnExpiry() {
    iam.createUser(r -> r.userName("bedrock-user"));
    String xml =
        body(
            RawHttp.signedForm(
                endpoint(),
                Clients.root(),
                "iam",
                "Action=CreateServiceSpecificCredential&Version=2010-05-08"
                    + "&UserName=bedrock-user&ServiceName=bedrock.amazonaws.com&CredentialAgeDays=30"));
    assertThat(element(xml, "ServiceCredentialAlias")).isEqualTo("bedrock-user-at-123456789012");
    String secret = element(xml, "ServiceCredentialSecret");
    assertThat(secret).startsWith("ABSK");
    assertThat(new String(Base64.getDecoder().decode(secret.substring(4)), StandardCharsets.UTF_8))
        .startsWith("bedrock-user-at-123456789012:");
    assertThat(xml).doesNotContain("<ServicePassword>").doesNotContain("<ServiceUserName>");
    Instant created = Instant.parse(element(xml, "CreateDate"));
    assertThat(Instant.parse(element(xml, "ExpirationDate")))
        .isEqualTo(created.plus(Duration.ofDays(30)));

    String listed =
        body(
            RawHttp.signedForm(
                endpoint(),
                Clients.root(),
                "iam",
                "Action=ListServiceSpecificCredentials&Version=2010-05-08&UserName=bedrock-user"));
    assertThat(element(listed, "ServiceCredentialAlias")).isEqualTo("bedrock-user-at-123456789012");
    assertThat(listed).doesNotContain("ServiceCredentialSecret");
  }

  @Test
  void credentialAgeDaysIsOnlyForApiKeys() {
    iam.createUser(r -> r.userName("git"));
    HttpResponse<String> r =
        RawHttp.signedForm(
            endpoint(),
            Clients.root(),
            "iam",
            "Action=CreateServiceSpecificCredential&Version=2010-05-08"
                + "&UserName=git&ServiceName=codecommit.amazonaws.com&CredentialAgeDays=30");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(element(r.body(), "Code")).isEqualTo("NotSupportedService");
  }

  @Test
  void allUsersListsEveryUsersCredentialsForAService() {
    iam.createUser(r -> r.userName("a"));
    iam.createUser(r -> r.userName("b"));
    iam.createServiceSpecificCredential(
        r -> r.userName("a").serviceName("codecommit.amazonaws.com"));
    iam.createServiceSpecificCredential(
        r -> r.userName("b").serviceName("codecommit.amazonaws.com"));
    iam.createServiceSpecificCredential(
        r -> r.userName("b").serviceName("cassandra.amazonaws.com"));
    String xml =
        body(
            RawHttp.signedForm(
                endpoint(),
                Clients.root(),
                "iam",
                "Action=ListServiceSpecificCredentials&Version=2010-05-08&AllUsers=true&ServiceName=codecommit.amazonaws.com"));
    assertThat(all(xml, "ServiceUserName"))
        .containsExactly("a-at-123456789012", "b-at-123456789012");
  }

  @Test
  void deleteUserIsRefusedWhileCredentialsRemain() {
    iam.createUser(r -> r.userName("zed"));
    String id =
        iam.createServiceSpecificCredential(
                r -> r.userName("zed").serviceName("codecommit.amazonaws.com"))
            .serviceSpecificCredential()
            .serviceSpecificCredentialId();
    expect(
        () -> iam.deleteUser(r -> r.userName("zed")),
        "DeleteConflict",
        409,
        "Cannot delete entity, must remove referenced objects first.");
    iam.deleteServiceSpecificCredential(r -> r.userName("zed").serviceSpecificCredentialId(id));
    iam.deleteUser(r -> r.userName("zed"));
  }

  private static String body(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    assertThat(m.find()).as(name + " in " + xml).isTrue();
    return m.group(1);
  }

  private static java.util.List<String> all(String xml, String name) {
    return Pattern.compile("<" + name + ">([^<]*)</" + name + ">")
        .matcher(xml)
        .results()
        .map(r -> r.group(1))
        .toList();
  }
}
