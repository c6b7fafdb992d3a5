package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.policy;
import static io.iamlocal.it.StsTestSupport.trust;
import static io.iamlocal.it.StsTestSupport.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The web console's files and JSON API, over the wire from the real jar, seeded with the AWS SDK.
 */
class ConsoleApiIT extends WireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String READ_S3 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"*\"}]}";

  @Test
  void servesThePageAndItsFilesWithTypesAndCaching() {
    HttpResponse<String> page = get("/_iamlocal/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");
    assertThat(page.headers().firstValue("content-security-policy"))
        .get()
        .asString()
        .contains("default-src 'none'");
    assertThat(page.body()).contains("<title>IAMLocal console</title>");
    HttpResponse<String> script = get("/_iamlocal/console.js");
    assertThat(script.headers().firstValue("content-type"))
        .hasValue("text/javascript; charset=utf-8");
    String etag = script.headers().firstValue("etag").orElseThrow();
    HttpResponse<String> again =
        RawHttp.send(
            HttpRequest.newBuilder(endpoint().resolve("/_iamlocal/console.js"))
                .header("If-None-Match", etag)
                .GET()
                .build());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(get("/_iamlocal/console.css").headers().firstValue("content-type"))
        .hasValue("text/css; charset=utf-8");
    HttpResponse<String> redirect = get("/_iamlocal");
    assertThat(redirect.statusCode()).isEqualTo(308);
    assertThat(redirect.headers().firstValue("location")).hasValue("/_iamlocal/");
  }

  @Test
  void unknownAndTraversingPathsAre404() throws IOException {
    for (String path :
        List.of(
            "/_iamlocal/nope.html",
            "/_iamlocal/..%2F..%2Fetc%2Fpasswd",
            "/_iamlocal/%2e%2e/%2e%2e/etc/passwd",
            "/_iamlocal/io/iamlocal/server/console/console.js",
            "/_iamlocal/../../etc/passwd")) {
      // A raw socket, so that no client normalizes the dots away before they reach the server.
      String response = rawGet(path);
      assertThat(response).as(path).startsWith("HTTP/1.1 404");
      assertThat(response).as(path).doesNotContain("root:");
    }
    // IAMLocal's own paths are still theirs.
    assertThat(get("/_iamlocal/health").body()).contains("\"status\":\"running\"");
  }

  @Test
  void showsWhatTheSdkCreatedWithoutAnySecret() throws IOException {
    iam.createUser(r -> r.userName("alice").tags(t -> t.key("team").value("red")));
    AccessKey key = iam.createAccessKey(r -> r.userName("alice")).accessKey();
    iam.createGroup(r -> r.groupName("developers"));
    iam.addUserToGroup(r -> r.groupName("developers").userName("alice"));
    String policyArn =
        iam.createPolicy(r -> r.policyName("s3-reader").policyDocument(READ_S3)).policy().arn();
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(policyArn));
    iam.putUserPolicy(
        r ->
            r.userName("alice").policyName("assume").policyDocument(policy("sts:AssumeRole", "*")));
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trust(userArn("alice"))));
    Credentials session;
    try (StsClient stsAsAlice = Clients.sts(endpoint(), credentialsOf(key))) {
      session =
          stsAsAlice
              .assumeRole(
                  r -> r.roleArn("arn:aws:iam::123456789012:role/app").roleSessionName("ci"))
              .credentials();
    }

    JsonNode users = api("users");
    assertThat(users).hasSize(1);
    JsonNode alice = api("users/alice");
    assertThat(alice.get("groups").get(0).get("groupName").asText()).isEqualTo("developers");
    assertThat(alice.get("attachedPolicies").get(0).get("arn").asText()).isEqualTo(policyArn);
    assertThat(alice.get("accessKeys").get(0).get("accessKeyId").asText())
        .isEqualTo(key.accessKeyId());
    assertThat(alice.get("tags").get(0).get("value").asText()).isEqualTo("red");
    JsonNode policy = api("policies/" + URLEncoder.encode(policyArn, StandardCharsets.UTF_8));
    assertThat(policy.get("versions").get(0).get("document").asText())
        .contains("\n  \"Statement\": [\n")
        .contains("\"s3:ListBucket\"");
    JsonNode sessions = api("sessions");
    assertThat(sessions.get(0).get("accessKeyId").asText()).isEqualTo(session.accessKeyId());
    assertThat(sessions.get(0).get("arn").asText())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/app/ci");

    StringBuilder everything = new StringBuilder();
    for (String path :
        List.of(
            "account",
            "users",
            "users/alice",
            "groups",
            "groups/developers",
            "roles",
            "roles/app",
            "policies",
            "policies/" + URLEncoder.encode(policyArn, StandardCharsets.UTF_8),
            "access-keys",
            "sessions")) {
      everything.append(get("/_iamlocal/api/" + path).body());
    }
    assertThat(everything.toString())
        .doesNotContain(key.secretAccessKey())
        .doesNotContain(session.secretAccessKey())
        .doesNotContain(session.sessionToken())
        .contains(key.accessKeyId());
  }

  @Test
  void simulatorEndpointRunsThePolicyEngine() throws IOException {
    iam.createUser(r -> r.userName("alice"));
    iam.putUserPolicy(r -> r.userName("alice").policyName("read").policyDocument(READ_S3));
    HttpResponse<String> response =
        RawHttp.send(
            HttpRequest.newBuilder(endpoint().resolve("/_iamlocal/api/simulate"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"policySourceArn\":\"arn:aws:iam::123456789012:user/alice\","
                            + "\"actionNames\":[\"s3:GetObject\",\"s3:PutObject\"]}"))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode results = JSON.readTree(response.body()).get("evaluationResults");
    assertThat(results.get(0).get("EvalDecision").asText()).isEqualTo("allowed");
    assertThat(results.get(1).get("EvalDecision").asText()).isEqualTo("implicitDeny");
    assertThat(iam.listUsers().users()).hasSize(1);
  }

  @Test
  void noConsoleFlagTurnsThePathsOff() throws IOException {
    IamLocalProcess quiet = IamLocalProcess.start("--no-console", "-q");
    try {
      HttpResponse<String> page =
          RawHttp.send(
              HttpRequest.newBuilder(quiet.endpoint().resolve("/_iamlocal/")).GET().build());
      assertThat(page.statusCode()).isNotEqualTo(200);
      assertThat(page.body()).doesNotContain("<html");
      HttpResponse<String> users =
          RawHttp.send(
              HttpRequest.newBuilder(quiet.endpoint().resolve("/_iamlocal/api/users"))
                  .GET()
                  .build());
      assertThat(users.statusCode()).isNotEqualTo(200);
      assertThat(
              RawHttp.send(
                      HttpRequest.newBuilder(quiet.endpoint().resolve("/_iamlocal/health"))
                          .GET()
                          .build())
                  .statusCode())
          .isEqualTo(200);
    } finally {
      quiet.stop();
    }
  }

  private HttpResponse<String> get(String path) {
    return RawHttp.send(HttpRequest.newBuilder(endpoint().resolve(path)).GET().build());
  }

  private JsonNode api(String path) throws IOException {
    HttpResponse<String> response = get("/_iamlocal/api/" + path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    return JSON.readTree(response.body());
  }

  private String rawGet(String path) throws IOException {
    URI uri = endpoint();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
