package io.iamlocal.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.query.QueryInputDecoder;
import io.iamlocal.server.IamLocalServer;
import io.iamlocal.server.ServerConfig;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Sessions;
import io.iamlocal.server.state.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console handler without a network or a browser: static files (types, caching, no traversal),
 * the JSON read API (what it shows, and that it never shows a secret) and the simulator endpoint.
 */
class ConsoleHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT_SECRET = "rootSecretNeverShown";
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
          + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"*\"}]}";
  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  private IamLocalServer server;
  private ConsoleHandler console;
  private AccountState account;
  private final List<String> secrets = new ArrayList<>();

  @BeforeEach
  void seed() {
    server =
        new IamLocalServer(ServerConfig.defaults().withRootCredentials("ROOTKEY", ROOT_SECRET));
    console = new ConsoleHandler(server.state(), server.registry(), "ROOTKEY", "us-east-1", true);
    account = server.state().account();
    secrets.add(ROOT_SECRET);
    iam(
        "CreateUser",
        "UserName",
        "alice",
        "Tags.member.1.Key",
        "team",
        "Tags.member.1.Value",
        "red");
    iam("CreateUser", "UserName", "bob");
    iam("CreateAccessKey", "UserName", "alice");
    iam("CreateAccessKey", "UserName", "alice");
    iam("CreateGroup", "GroupName", "developers");
    iam("AddUserToGroup", "GroupName", "developers", "UserName", "alice");
    iam(
        "CreatePolicy",
        "PolicyName",
        "s3-reader",
        "PolicyDocument",
        POLICY,
        "Description",
        "Read S3");
    iam(
        "AttachUserPolicy",
        "UserName",
        "alice",
        "PolicyArn",
        "arn:aws:iam::123456789012:policy/s3-reader");
    iam(
        "AttachGroupPolicy",
        "GroupName",
        "developers",
        "PolicyArn",
        "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
    iam(
        "PutUserPolicy",
        "UserName",
        "alice",
        "PolicyName",
        "no-deletes",
        "PolicyDocument",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:Delete*\",\"Resource\":\"*\"}]}");
    iam(
        "CreateRole",
        "RoleName",
        "app",
        "AssumeRolePolicyDocument",
        TRUST,
        "Description",
        "The app");
    iam(
        "AttachRolePolicy",
        "RoleName",
        "app",
        "PolicyArn",
        "arn:aws:iam::123456789012:policy/s3-reader");
    iam("CreateLoginProfile", "UserName", "alice", "Password", "Sup3r-secret-pass!");
    secrets.add("Sup3r-secret-pass!");
    account.accessKeys().values().forEach(k -> secrets.add(k.secretAccessKey()));
    Instant now = account.now();
    Session session =
        Session.builder(Session.Kind.ASSUMED_ROLE, account.partition(), account.accountId())
            .credentials("ASIATESTSESSION00001", "sessionSecretNeverShown", new byte[32])
            .validity(now, now.plus(Duration.ofHours(1)))
            .role(account.roles().get("app"), "build-42")
            .tags(List.of(new Tags.Tag("project", "x")), Set.of())
            .build();
    Sessions.of(account).add(session);
    secrets.add("sessionSecretNeverShown");
    secrets.add(session.sessionToken());
  }

  @Test
  void servesThePageWithItsTypesCachingAndSecurityHeaders() {
    HttpResponseData index = get("/_iamlocal/");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(body(index)).contains("<script src=\"console.js\"");
    assertThat(index.headers())
        .containsEntry("Cache-Control", "no-cache")
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsKey("ETag")
        .containsKey("Content-Security-Policy");
    assertThat(index.headers().get("Content-Security-Policy"))
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(get("/_iamlocal/index.html").headers().get("ETag"))
        .isEqualTo(index.headers().get("ETag"));
    assertThat(get("/_iamlocal/console.js").contentType())
        .isEqualTo("text/javascript; charset=utf-8");
    assertThat(get("/_iamlocal/console.css").contentType()).isEqualTo("text/css; charset=utf-8");
    assertThat(get("/_iamlocal/favicon.svg").contentType()).isEqualTo("image/svg+xml");

    HttpResponseData revalidated =
        request(
            "GET",
            "/_iamlocal/console.js",
            "",
            Map.of("if-none-match", get("/_iamlocal/console.js").headers().get("ETag")),
            "");
    assertThat(revalidated.status()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();
    HttpResponseData head = request("HEAD", "/_iamlocal/", "", Map.of(), "");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void theRootWithoutSlashRedirectsToThePage() {
    HttpResponseData redirect = get("/_iamlocal");
    assertThat(redirect.status()).isEqualTo(308);
    assertThat(redirect.headers()).containsEntry("Location", "/_iamlocal/");
  }

  @Test
  void onlyTheListedFilesAreServedSoNoPathTraversalReachesAnythingElse() {
    for (String path :
        List.of(
            "/_iamlocal/../pom.xml",
            "/_iamlocal/..%2F..%2Fetc%2Fpasswd",
            "/_iamlocal/%2e%2e/index.html",
            "/_iamlocal/console/../index.html",
            "/_iamlocal/io/iamlocal/server/console/index.html",
            "/_iamlocal/ConsoleHandler.class",
            "/_iamlocal/index.html/",
            "/_iamlocal//index.html",
            "/_iamlocal/INDEX.HTML",
            "/_iamlocal/nope.js",
            "/_iamlocal/aws-managed-policies/aws-managed-policies.json.gz")) {
      HttpResponseData response = get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(body(response)).as(path).doesNotContain("<html");
    }
  }

  @Test
  void writesToFilesAreRefused() {
    HttpResponseData post = request("POST", "/_iamlocal/index.html", "", Map.of(), "x");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.headers()).containsEntry("Allow", "GET, HEAD");
    assertThat(request("DELETE", "/_iamlocal/api/users/alice", "", Map.of(), "").status())
        .isEqualTo(405);
  }

  @Test
  void listsUsersWithTheirGroupsKeyCountsAndTags() {
    JsonNode users = api("users");
    assertThat(users).hasSize(2);
    JsonNode alice = users.get(0);
    assertThat(alice.get("userName").asText()).isEqualTo("alice");
    assertThat(alice.get("arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(alice.get("groups").get(0).asText()).isEqualTo("developers");
    assertThat(alice.get("accessKeyCount").asInt()).isEqualTo(2);
    assertThat(alice.get("tags").get(0).get("key").asText()).isEqualTo("team");
    assertThat(users.get(1).get("userName").asText()).isEqualTo("bob");
  }

  @Test
  void showsAUserWithGroupsPoliciesKeyIdsAndNoSecret() {
    JsonNode alice = api("users/alice");
    assertThat(alice.get("groups").get(0).get("groupName").asText()).isEqualTo("developers");
    assertThat(alice.get("attachedPolicies").get(0).get("arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:policy/s3-reader");
    assertThat(alice.get("inlinePolicies").get(0).get("policyName").asText())
        .isEqualTo("no-deletes");
    assertThat(alice.get("inlinePolicies").get(0).get("document").asText())
        .startsWith("{\n  \"Version\": \"2012-10-17\",\n");
    assertThat(alice.get("accessKeys")).hasSize(2);
    JsonNode key = alice.get("accessKeys").get(0);
    assertThat(key.get("accessKeyId").asText()).startsWith("AKIA");
    assertThat(key.get("status").asText()).isEqualTo("Active");
    assertThat(key.has("secretAccessKey")).isFalse();
    assertThat(alice.get("loginProfile").get("passwordResetRequired").asBoolean()).isFalse();
    assertThat(api("users/ALICE").get("userName").asText())
        .as("names are case-insensitive, as in IAM")
        .isEqualTo("alice");
  }

  @Test
  void anUnknownUserIsANotFoundWithAMessage() {
    HttpResponseData response = get("/_iamlocal/api/users/carol");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(body(response))
        .contains("\"error\":\"NotFound\"")
        .contains("The user with name carol cannot be found.");
    assertThat(get("/_iamlocal/api/nothing").status()).isEqualTo(404);
    assertThat(get("/_iamlocal/api/users/alice/keys").status()).isEqualTo(404);
  }

  @Test
  void showsGroupsAndRolesWithTheirPoliciesAndTheTrustPolicy() {
    JsonNode group = api("groups/developers");
    assertThat(group.get("members").get(0).get("userName").asText()).isEqualTo("alice");
    assertThat(group.get("attachedPolicies").get(0).get("policyName").asText())
        .isEqualTo("IAMReadOnlyAccess");
    assertThat(group.get("attachedPolicies").get(0).get("awsManaged").asBoolean()).isTrue();
    JsonNode role = api("roles/app");
    assertThat(role.get("description").asText()).isEqualTo("The app");
    assertThat(role.get("assumeRolePolicyDocument").asText())
        .contains("\"Service\": \"ec2.amazonaws.com\"")
        .contains("\n");
    assertThat(role.get("attachedPolicies").get(0).get("policyName").asText())
        .isEqualTo("s3-reader");
    assertThat(role.get("sessions").get(0).get("arn").asText())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/app/build-42");
  }

  @Test
  void showsAPolicyWithItsPrettyDocumentVersionsAndAttachments() {
    iam(
        "CreatePolicyVersion",
        "PolicyArn",
        "arn:aws:iam::123456789012:policy/s3-reader",
        "PolicyDocument",
        POLICY.replace("Read", "Read2"),
        "SetAsDefault",
        "true");
    JsonNode policy = api("policies/" + "arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fs3-reader");
    assertThat(policy.get("description").asText()).isEqualTo("Read S3");
    assertThat(policy.get("defaultVersionId").asText()).isEqualTo("v2");
    assertThat(policy.get("versions")).hasSize(2);
    assertThat(policy.get("versions").get(0).get("versionId").asText()).isEqualTo("v2");
    assertThat(policy.get("versions").get(0).get("isDefault").asBoolean()).isTrue();
    assertThat(policy.get("versions").get(1).get("document").asText())
        .isEqualTo(
            """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Read",
              "Effect": "Allow",
              "Action": [
                "s3:GetObject",
                "s3:ListBucket"
              ],
              "Resource": "*"
            }
          ]
        }""");
    assertThat(policy.get("attachments").get("users").get(0).asText()).isEqualTo("alice");
    assertThat(policy.get("attachments").get("roles").get(0).asText()).isEqualTo("app");
    JsonNode aws = api("policies/" + "arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FIAMReadOnlyAccess");
    assertThat(aws.get("awsManaged").asBoolean()).isTrue();
    assertThat(aws.get("attachments").get("groups").get(0).asText()).isEqualTo("developers");
    assertThat(
            get("/_iamlocal/api/policies/arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fnope")
                .status())
        .isEqualTo(404);
  }

  @Test
  void listsPoliciesByScope() {
    assertThat(api("policies"))
        .extracting(p -> p.get("policyName").asText())
        .containsExactly("s3-reader");
    assertThat(api("policies?scope=AWS&onlyAttached=true"))
        .extracting(p -> p.get("policyName").asText())
        .containsExactly("IAMReadOnlyAccess");
    assertThat(api("policies?scope=AWS").size()).isGreaterThan(1000);
    assertThat(api("policies?scope=All&onlyAttached=true")).hasSize(2);
    assertThat(get("/_iamlocal/api/policies?scope=Mine").status()).isEqualTo(400);
  }

  @Test
  void listsAccessKeysAndSessionsWithoutSecrets() {
    JsonNode keys = api("access-keys");
    assertThat(keys).hasSize(3);
    assertThat(keys.get(0).get("accessKeyId").asText()).isEqualTo("ROOTKEY");
    assertThat(keys.get(0).get("root").asBoolean()).isTrue();
    assertThat(keys.get(1).get("userName").asText()).isEqualTo("alice");
    JsonNode sessions = api("sessions");
    assertThat(sessions).hasSize(1);
    JsonNode session = sessions.get(0);
    assertThat(session.get("accessKeyId").asText()).isEqualTo("ASIATESTSESSION00001");
    assertThat(session.get("kind").asText()).isEqualTo("AssumedRole");
    assertThat(session.get("roleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/app");
    assertThat(session.get("expired").asBoolean()).isFalse();
    assertThat(session.get("tags").get(0).get("value").asText()).isEqualTo("x");
    JsonNode summary = api("account");
    assertThat(summary.get("counts").get("users").asInt()).isEqualTo(2);
    assertThat(summary.get("counts").get("sessions").asInt()).isEqualTo(1);
  }

  @Test
  void showsTheOtherEntitiesWithoutTheirSecrets() {
    iam("CreateInstanceProfile", "InstanceProfileName", "web");
    iam("AddRoleToInstanceProfile", "InstanceProfileName", "web", "RoleName", "app");
    iam(
        "CreateOpenIDConnectProvider",
        "Url",
        "https://issuer.example.com",
        "ClientIDList.member.1",
        "my-app",
        "ThumbprintList.member.1",
        "6938fd4d98bab03faadb97b34396831e3780aea1");
    iam("CreateVirtualMFADevice", "VirtualMFADeviceName", "phone");
    String seed = io.iamlocal.server.state.MfaDevices.of(account).all().get(0).base32Seed();
    iam(
        "UpdateAccountPasswordPolicy",
        "MinimumPasswordLength",
        "12",
        "RequireNumbers",
        "true",
        "PasswordReusePrevention",
        "5");

    JsonNode profiles = api("instance-profiles");
    assertThat(profiles).hasSize(1);
    assertThat(profiles.get(0).get("instanceProfileName").asText()).isEqualTo("web");
    assertThat(profiles.get(0).get("roles").get(0).asText()).isEqualTo("app");
    JsonNode oidc = api("oidc-providers").get(0);
    assertThat(oidc.get("arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:oidc-provider/issuer.example.com");
    assertThat(oidc.get("clientIds").get(0).asText()).isEqualTo("my-app");
    JsonNode mfa = api("mfa-devices").get(0);
    assertThat(mfa.get("serialNumber").asText()).isEqualTo("arn:aws:iam::123456789012:mfa/phone");
    assertThat(mfa.get("assigned").asBoolean()).isFalse();
    assertThat(api("saml-providers")).isEmpty();
    assertThat(api("server-certificates")).isEmpty();
    assertThat(api("signing-certificates")).isEmpty();
    JsonNode policy = api("password-policy");
    assertThat(policy.get("custom").asBoolean()).isTrue();
    assertThat(policy.get("policy").get("minimumPasswordLength").asInt()).isEqualTo(12);
    assertThat(policy.get("policy").get("passwordReusePrevention").asInt()).isEqualTo(5);
    assertThat(policy.get("policy").get("requireSymbols").asBoolean()).isFalse();
    JsonNode counts = api("account").get("counts");
    assertThat(counts.get("instanceProfiles").asInt()).isEqualTo(1);
    assertThat(counts.get("oidcProviders").asInt()).isEqualTo(1);
    assertThat(counts.get("mfaDevices").asInt()).isEqualTo(1);

    secrets.add(seed);
    StringBuilder all = new StringBuilder();
    for (String path :
        List.of(
            "instance-profiles",
            "oidc-providers",
            "saml-providers",
            "mfa-devices",
            "server-certificates",
            "signing-certificates",
            "password-policy",
            "search?q=a")) {
      all.append(api(path));
    }
    secrets.forEach(secret -> assertThat(all.toString()).doesNotContain(secret));
  }

  @Test
  void searchFindsUsersRolesAndPoliciesByNameOrArn() {
    JsonNode found = api("search?q=READ");
    assertThat(found.get("users")).isEmpty();
    assertThat(found.get("roles")).isEmpty();
    List<String> policies = new ArrayList<>();
    found.get("policies").forEach(p -> policies.add(p.get("policyName").asText()));
    // Customer policies come first; AWS managed ones fill the rest, up to the limit.
    assertThat(policies)
        .startsWith("s3-reader")
        .contains("AIOpsReadOnlyAccess")
        .hasSize(ConsoleInventoryApi.SEARCH_LIMIT);
    assertThat(found.get("policies").get(0).get("awsManaged").asBoolean()).isFalse();
    JsonNode aws = api("search?q=iamreadonly").get("policies");
    assertThat(aws).hasSize(1);
    assertThat(aws.get(0).get("arn").asText())
        .isEqualTo("arn:aws:iam::aws:policy/IAMReadOnlyAccess");
    assertThat(aws.get(0).get("awsManaged").asBoolean()).isTrue();
    JsonNode byArn = api("search?q=" + "user%2Fali");
    assertThat(byArn.get("users").get(0).get("userName").asText()).isEqualTo("alice");
    assertThat(api("search?q=app").get("roles").get(0).get("arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/app");
    assertThat(get("/_iamlocal/api/search").status()).isEqualTo(400);
    assertThat(get("/_iamlocal/api/search?q=%20").status()).isEqualTo(400);
  }

  @Test
  void noApiAnswerEverContainsASecretKeyTokenOrPassword() {
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(6);
    StringBuilder all = new StringBuilder();
    for (String path :
        List.of(
            "account",
            "users",
            "users/alice",
            "users/bob",
            "groups",
            "groups/developers",
            "roles",
            "roles/app",
            "policies?scope=All&onlyAttached=true",
            "policies/arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fs3-reader",
            "access-keys",
            "sessions")) {
      HttpResponseData response = get("/_iamlocal/api/" + path);
      assertThat(response.status()).as(path).isEqualTo(200);
      all.append(body(response));
    }
    for (String secret : secrets) {
      assertThat(all.toString()).doesNotContain(secret);
    }
    assertThat(all.toString())
        .doesNotContainIgnoringCase("secret")
        .doesNotContainIgnoringCase("sessionToken")
        .doesNotContainIgnoringCase("passwordHash");
  }

  @Test
  void simulatesAPrincipalsPoliciesWithoutChangingState() {
    String before = body(get("/_iamlocal/api/account"));
    HttpResponseData response =
        simulate(
            "{\"policySourceArn\":\"arn:aws:iam::123456789012:user/alice\","
                + "\"actionNames\":[\"s3:GetObject\",\"iam:DeleteUser\",\"ec2:RunInstances\",\"iam:ListUsers\"]}");
    assertThat(response.status()).isEqualTo(200);
    JsonNode answer = read(response);
    assertThat(answer.get("operation").asText()).isEqualTo("SimulatePrincipalPolicy");
    Map<String, String> decisions = new HashMap<>();
    answer
        .get("evaluationResults")
        .forEach(
            r -> decisions.put(r.get("EvalActionName").asText(), r.get("EvalDecision").asText()));
    assertThat(decisions)
        .containsEntry("s3:GetObject", "allowed")
        .containsEntry("iam:DeleteUser", "explicitDeny")
        .containsEntry("ec2:RunInstances", "implicitDeny")
        .containsEntry("iam:ListUsers", "allowed");
    JsonNode matched = answer.get("evaluationResults").get(0).get("MatchedStatements").get(0);
    assertThat(matched.get("SourcePolicyId").asText()).isEqualTo("s3-reader");
    assertThat(body(get("/_iamlocal/api/account"))).isEqualTo(before);
  }

  @Test
  void simulatesACustomPolicyWithResourcesAndContextKeys() {
    String policy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::bucket/*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}";
    JsonNode inside = read(simulate(customRequest(policy, "10.1.2.3")));
    assertThat(inside.get("operation").asText()).isEqualTo("SimulateCustomPolicy");
    assertThat(inside.get("evaluationResults").get(0).get("EvalDecision").asText())
        .isEqualTo("allowed");
    JsonNode outside = read(simulate(customRequest(policy, "192.0.2.1")));
    assertThat(outside.get("evaluationResults").get(0).get("EvalDecision").asText())
        .isEqualTo("implicitDeny");
  }

  @Test
  void simulationErrorsAreAwsErrorsAsJson() {
    HttpResponseData unknown =
        simulate(
            "{\"policySourceArn\":\"arn:aws:iam::123456789012:user/carol\",\"actionNames\":[\"s3:GetObject\"]}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(read(unknown).get("error").asText()).isEqualTo("NoSuchEntity");
    HttpResponseData noActions =
        simulate("{\"policySourceArn\":\"arn:aws:iam::123456789012:user/alice\"}");
    assertThat(noActions.status()).isEqualTo(400);
    assertThat(read(noActions).get("message").asText()).contains("validation error");
    HttpResponseData badPolicy =
        simulate("{\"policyDocuments\":[\"{not json\"],\"actionNames\":[\"s3:GetObject\"]}");
    assertThat(badPolicy.status()).isEqualTo(400);
    assertThat(simulate("not json").status()).isEqualTo(400);
    assertThat(simulate("{\"actionNames\":7}").status()).isEqualTo(400);
    assertThat(
            request(
                    "POST",
                    "/_iamlocal/api/simulate",
                    "",
                    Map.of("content-type", "application/x-www-form-urlencoded"),
                    "a=b")
                .status())
        .isEqualTo(415);
    assertThat(get("/_iamlocal/api/simulate").status()).isEqualTo(405);
  }

  @Test
  void crossSiteRequestsToTheApiAreRefused() {
    HttpResponseData response =
        request("GET", "/_iamlocal/api/users", "", Map.of("sec-fetch-site", "cross-site"), "");
    assertThat(response.status()).isEqualTo(403);
    assertThat(
            request("GET", "/_iamlocal/api/users", "", Map.of("sec-fetch-site", "same-origin"), "")
                .status())
        .isEqualTo(200);
  }

  @Test
  void aBadlyEncodedQueryStringIsA400NotAFailure() {
    HttpResponseData response = get("/_iamlocal/api/users?x=%ZZ");
    assertThat(response.status()).isEqualTo(400);
    assertThat(read(response).get("error").asText()).isEqualTo("InvalidInput");
    assertThat(body(response)).doesNotContain("Exception").doesNotContain("at io.");
  }

  @Test
  void apiAnswersAreNeverCached() {
    assertThat(get("/_iamlocal/api/users").headers()).containsEntry("Cache-Control", "no-store");
    assertThat(get("/_iamlocal/api/users/nobody").headers())
        .containsEntry("Cache-Control", "no-store");
  }

  // ---- helpers ----

  /**
   * A SimulateCustomPolicy form: one policy, s3:GetObject on one object, from {@code sourceIp}
   * (type inferred).
   */
  private static String customRequest(String policy, String sourceIp) {
    com.fasterxml.jackson.databind.node.ObjectNode request = JSON.createObjectNode();
    request.putArray("policyDocuments").add(policy);
    request.putArray("actionNames").add("s3:GetObject");
    request.putArray("resourceArns").add("arn:aws:s3:::bucket/a");
    request
        .putArray("contextEntries")
        .addObject()
        .put("key", "aws:SourceIp")
        .putArray("values")
        .add(sourceIp);
    return request.toString();
  }

  /** Runs an IAM operation in-process as the root user, as the dispatcher would. */
  private void iam(String operation, String... nameValues) {
    iam(account, operation, nameValues);
  }

  private void iam(AccountState account, String operation, String... nameValues) {
    Map<String, String> params = new TreeMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      params.put(nameValues[i], nameValues[i + 1]);
    }
    OperationRegistry registry = server.registry();
    OperationModel model = registry.operation("iam", operation);
    OperationCall call =
        new OperationCall(
            operation,
            QueryInputDecoder.decode(model.input(), params),
            Caller.root(account.partition(), account.accountId(), "ROOTKEY"),
            account,
            "test",
            "us-east-1",
            new OperationCall.RequestFacts("127.0.0.1", false, "test"));
    account.lock().writeLock().lock();
    try {
      registry.handler("iam", operation).handler().handle(call);
    } finally {
      account.lock().writeLock().unlock();
    }
  }

  @Test
  void theAccountPickerListsAccountsAndEveryApiCallShowsThePickedOne() {
    AccountState dev =
        server.state().account(io.iamlocal.server.state.Partition.AWS, "111111111111");
    iam(dev, "CreateUser", "UserName", "dev-only");
    JsonNode accounts = api("accounts").get("accounts");
    assertThat(accounts).hasSize(2);
    assertThat(accounts.get(0).get("accountId").asText()).isEqualTo("111111111111");
    assertThat(accounts.get(1).get("default").asBoolean()).isTrue();
    assertThat(api("users?account=111111111111").toString())
        .contains("dev-only")
        .doesNotContain("alice");
    assertThat(api("users").toString()).contains("alice").doesNotContain("dev-only");
    assertThat(get("/_iamlocal/api/users?account=222222222222").status()).isEqualTo(404);
  }

  private HttpResponseData get(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return request(
        "GET",
        q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
        q < 0 ? "" : pathAndQuery.substring(q + 1),
        Map.of(),
        "");
  }

  private JsonNode api(String pathAndQuery) {
    HttpResponseData response = get("/_iamlocal/api/" + pathAndQuery);
    assertThat(response.status()).as(pathAndQuery + ": " + body(response)).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    return read(response);
  }

  private HttpResponseData simulate(String json) {
    return request(
        "POST", "/_iamlocal/api/simulate", "", Map.of("content-type", "application/json"), json);
  }

  private HttpResponseData request(
      String method, String path, String query, Map<String, String> headers, String body) {
    Map<String, List<String>> h = new HashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    assertThat(ConsoleHandler.handles(path)).as(path).isTrue();
    return console.handle(
        new HttpRequestData(
            method, path, query, h, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", false));
  }

  private static String body(HttpResponseData response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode read(HttpResponseData response) {
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
