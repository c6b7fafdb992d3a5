package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.expect;
import static io.iamlocal.it.StsTestSupport.policy;
import static io.iamlocal.it.StsTestSupport.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Every S3 request is authorized by the policy engine: identity policies, bucket policies (resource
 * policies), explicit denies, boundaries, session policies and S3 condition keys; denials explain
 * themselves through DecodeAuthorizationMessage and {@code GET /_iamlocal/denials}.
 */
class S3PoliciesIT extends WireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private S3Client root;

  @BeforeEach
  void bucketWithObjects() {
    root = StsTestSupport.s3(endpoint(), Clients.root());
    root.createBucket(r -> r.bucket("team"));
    root.putObject(r -> r.bucket("team").key("shared/plan.txt"), RequestBody.fromString("plan"));
    root.putObject(
        r -> r.bucket("team").key("home/dave/notes.txt"), RequestBody.fromString("dave"));
    root.putObject(
        r -> r.bucket("team").key("home/erin/notes.txt"), RequestBody.fromString("erin"));
  }

  @Test
  void identityPoliciesAllowAndImplicitlyDeny() {
    AccessKey alice = userWithKey("alice");
    iam.putUserPolicy(
        r ->
            r.userName("alice")
                .policyName("read")
                .policyDocument(policy("s3:GetObject", "arn:aws:s3:::team/shared/*")));
    try (S3Client s3 = StsTestSupport.s3(endpoint(), credentialsOf(alice))) {
      assertThat(s3.getObjectAsBytes(r -> r.bucket("team").key("shared/plan.txt")).asUtf8String())
          .isEqualTo("plan");
      assertThat(s3.headObject(r -> r.bucket("team").key("shared/plan.txt")).contentLength())
          .isEqualTo(4L);
      expect(
          () -> s3.getObject(r -> r.bucket("team").key("home/dave/notes.txt")),
          "AccessDenied",
          403,
          "Access Denied");
      expect(
          () -> s3.putObject(r -> r.bucket("team").key("shared/x"), RequestBody.fromString("x")),
          "AccessDenied",
          403,
          "Access Denied");
      expect(() -> s3.listObjectsV2(r -> r.bucket("team")), "AccessDenied", 403, "Access Denied");
      expect(
          () -> s3.deleteObject(r -> r.bucket("team").key("shared/plan.txt")),
          "AccessDenied",
          403,
          "Access Denied");
      expect(
          () -> s3.getBucketLocation(r -> r.bucket("team")), "AccessDenied", 403, "Access Denied");
      // Authorization comes before existence, as in S3: no probing for keys or buckets.
      expect(
          () -> s3.getObject(r -> r.bucket("nobody-has-this").key("k")),
          "AccessDenied",
          403,
          "Access Denied");
    }
  }

  @Test
  void bucketPolicyGrantsExplicitDenyWinsAndPolicyOperationsWork() {
    AccessKey bob = userWithKey("bob");
    AccessKey alice = userWithKey("alice");
    iam.putUserPolicy(
        r -> r.userName("alice").policyName("all").policyDocument(policy("s3:*", "*")));
    expect(
        () -> root.getBucketPolicy(r -> r.bucket("team")),
        "NoSuchBucketPolicy",
        404,
        "The bucket policy does not exist");
    expect(
        () -> root.putBucketPolicy(r -> r.bucket("team").policy("[not json")),
        "MalformedPolicy",
        400,
        "Policies must be valid JSON and the first byte must be '{'");
    expect(
        () -> root.putBucketPolicy(r -> r.bucket("team").policy("{not json")),
        "MalformedPolicy",
        400,
        "This policy contains invalid Json");
    expect(
        () ->
            root.putBucketPolicy(
                r ->
                    r.bucket("team")
                        .policy(
                            bucketPolicy(
                                "Allow",
                                userArn("bob"),
                                "s3:GetObject",
                                "arn:aws:s3:::other-bucket/*",
                                null))),
        "MalformedPolicy",
        400,
        "Policy has invalid resource");
    expect(
        () ->
            root.putBucketPolicy(
                r ->
                    r.bucket("team")
                        .policy(
                            bucketPolicy(
                                "Allow",
                                userArn("ghost"),
                                "s3:GetObject",
                                "arn:aws:s3:::team/*",
                                null))),
        "MalformedPolicy",
        400,
        "Invalid principal in policy");
    String document =
        "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"BobReads\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + userArn("bob")
            + "\"},\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::team/shared/*\"},"
            + "{\"Sid\":\"NoDeletes\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::team/*\"}]}";
    root.putBucketPolicy(r -> r.bucket("team").policy(document));
    assertThat(root.getBucketPolicy(r -> r.bucket("team")).policy()).isEqualTo(document);
    try (S3Client asBob = StsTestSupport.s3(endpoint(), credentialsOf(bob));
        S3Client asAlice = StsTestSupport.s3(endpoint(), credentialsOf(alice))) {
      // Same account: a bucket policy naming the user grants without any identity policy.
      assertThat(
              asBob.getObjectAsBytes(r -> r.bucket("team").key("shared/plan.txt")).asUtf8String())
          .isEqualTo("plan");
      expect(
          () -> asBob.getObject(r -> r.bucket("team").key("home/dave/notes.txt")),
          "AccessDenied",
          403,
          "Access Denied");
      // Alice may do anything by her identity policy, but the bucket policy's Deny wins.
      asAlice.putObject(r -> r.bucket("team").key("shared/new.txt"), RequestBody.fromString("new"));
      S3Exception denied =
          (S3Exception)
              expect(
                  () -> asAlice.deleteObject(r -> r.bucket("team").key("shared/new.txt")),
                  "AccessDenied",
                  403,
                  "Access Denied");
      DeleteObjectsResponse batch =
          asAlice.deleteObjects(
              r ->
                  r.bucket("team")
                      .delete(
                          d ->
                              d.objects(ObjectIdentifier.builder().key("shared/new.txt").build())));
      assertThat(batch.errors())
          .singleElement()
          .satisfies(e -> assertThat(e.code()).isEqualTo("AccessDenied"));

      JsonNode decoded = decode(denied.requestId());
      assertThat(decoded.get("explicitDeny").asBoolean()).isTrue();
      assertThat(decoded.at("/matchedStatements/items/0/statementId").asText())
          .isEqualTo("NoDeletes");
      assertThat(decoded.at("/explanation/reason").asText())
          .isEqualTo(
              "explicitly denied by statement 'NoDeletes' of resource policy arn:aws:s3:::team");
      assertThat(decoded.at("/explanation/deniedBy/0/statementIndex").asInt()).isEqualTo(1);
      assertThat(decoded.at("/context/resource").asText())
          .isEqualTo("arn:aws:s3:::team/shared/new.txt");
      // Even root is refused by a bucket policy's explicit deny.
      expect(
          () -> root.deleteObject(r -> r.bucket("team").key("shared/new.txt")),
          "AccessDenied",
          403,
          "Access Denied");
    }
    root.deleteBucketPolicy(r -> r.bucket("team"));
    expect(
        () -> root.getBucketPolicy(r -> r.bucket("team")),
        "NoSuchBucketPolicy",
        404,
        "The bucket policy does not exist");
    root.deleteObject(r -> r.bucket("team").key("shared/new.txt"));
  }

  @Test
  void boundariesAndSessionPoliciesLimitS3() {
    AccessKey carol = userWithKey("carol");
    iam.putUserPolicy(
        r -> r.userName("carol").policyName("all").policyDocument(policy("s3:*", "*")));
    String boundaryArn =
        iam.createPolicy(
                r -> r.policyName("read-only-s3").policyDocument(policy("s3:GetObject", "*")))
            .policy()
            .arn();
    iam.putUserPermissionsBoundary(r -> r.userName("carol").permissionsBoundary(boundaryArn));
    try (S3Client asCarol = StsTestSupport.s3(endpoint(), credentialsOf(carol))) {
      asCarol.getObjectAsBytes(r -> r.bucket("team").key("shared/plan.txt"));
      S3Exception denied =
          (S3Exception)
              expect(
                  () ->
                      asCarol.putObject(
                          r -> r.bucket("team").key("shared/c"), RequestBody.fromString("c")),
                  "AccessDenied",
                  403,
                  "Access Denied");
      JsonNode decoded = decode(denied.requestId());
      assertThat(decoded.at("/explanation/reason").asText())
          .isEqualTo(
              "the permissions boundary does not allow s3:PutObject on arn:aws:s3:::team/shared/c");
      assertThat(decoded.at("/explanation/addTo").asText()).isEqualTo("permissions boundary");
    }

    AccessKey dave = userWithKey("dave");
    iam.createRole(
        r ->
            r.roleName("s3-admin").assumeRolePolicyDocument(StsTestSupport.trust(userArn("dave"))));
    iam.putRolePolicy(
        r -> r.roleName("s3-admin").policyName("all").policyDocument(policy("s3:*", "*")));
    try (var stsDave = Clients.sts(endpoint(), credentialsOf(dave))) {
      Credentials creds =
          stsDave
              .assumeRole(
                  r ->
                      r.roleArn(StsTestSupport.roleArn("s3-admin"))
                          .roleSessionName("listing")
                          .policy(policy("s3:ListBucket", "arn:aws:s3:::team")))
              .credentials();
      try (S3Client session = StsTestSupport.s3(endpoint(), StsTestSupport.session(creds))) {
        assertThat(session.listObjectsV2(r -> r.bucket("team")).keyCount()).isEqualTo(3);
        S3Exception denied =
            (S3Exception)
                expect(
                    () -> session.getObject(r -> r.bucket("team").key("shared/plan.txt")),
                    "AccessDenied",
                    403,
                    "Access Denied");
        assertThat(decode(denied.requestId()).at("/explanation/reason").asText())
            .isEqualTo(
                "no session policy allows s3:GetObject on arn:aws:s3:::team/shared/plan.txt");
      }
    }
  }

  @Test
  void listBucketLimitedToTheUsersHomePrefix() {
    AccessKey dave = userWithKey("dave");
    iam.putUserPolicy(
        r ->
            r.userName("dave")
                .policyName("home")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::team\","
                        + "\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"home/${aws:username}/*\",\"home/${aws:username}/\"]}}},"
                        + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::team/home/${aws:username}/*\"}]}"));
    try (S3Client s3 = StsTestSupport.s3(endpoint(), credentialsOf(dave))) {
      assertThat(s3.listObjectsV2(r -> r.bucket("team").prefix("home/dave/")).contents())
          .singleElement()
          .satisfies(o -> assertThat(o.key()).isEqualTo("home/dave/notes.txt"));
      assertThat(
              s3.listObjects(r -> r.bucket("team").prefix("home/dave/").delimiter("/")).contents())
          .hasSize(1);
      expect(() -> s3.listObjectsV2(r -> r.bucket("team")), "AccessDenied", 403, "Access Denied");
      expect(
          () -> s3.listObjectsV2(r -> r.bucket("team").prefix("home/erin/")),
          "AccessDenied",
          403,
          "Access Denied");
      s3.putObject(r -> r.bucket("team").key("home/dave/todo.txt"), RequestBody.fromString("todo"));
      expect(
          () ->
              s3.putObject(
                  r -> r.bucket("team").key("home/erin/todo.txt"), RequestBody.fromString("x")),
          "AccessDenied",
          403,
          "Access Denied");
      expect(
          () ->
              s3.copyObject(
                  r ->
                      r.sourceBucket("team")
                          .sourceKey("home/erin/notes.txt")
                          .destinationBucket("team")
                          .destinationKey("home/dave/stolen.txt")),
          "AccessDenied",
          403,
          "Access Denied");
    }
  }

  @Test
  void denialsEndpointGroupsByPrincipalAndActionForRootOnly() throws Exception {
    AccessKey erin = userWithKey("erin");
    try (S3Client s3 = StsTestSupport.s3(endpoint(), credentialsOf(erin))) {
      expect(
          () -> s3.getObject(r -> r.bucket("team").key("home/erin/notes.txt")),
          "AccessDenied",
          403,
          "Access Denied");
      expect(
          () -> s3.getObject(r -> r.bucket("team").key("shared/plan.txt")),
          "AccessDenied",
          403,
          "Access Denied");
    }
    HttpResponse<String> response = signedGet(endpoint(), "/_iamlocal/denials", Clients.root());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode principal = null;
    for (JsonNode p : JSON.readTree(response.body()).get("denials")) {
      if (p.get("principal").asText().equals(userArn("erin"))) {
        principal = p;
      }
    }
    assertThat(principal).isNotNull();
    JsonNode action = principal.at("/actions/0");
    assertThat(action.get("action").asText()).isEqualTo("s3:GetObject");
    assertThat(action.get("count").asInt()).isEqualTo(2);
    JsonNode first = action.at("/denials/0");
    assertThat(first.get("mode").asText()).isEqualTo("strict");
    assertThat(first.get("decision").asText()).isEqualTo("implicitDeny");
    assertThat(first.get("reason").asText())
        .isEqualTo(
            "no identity-based policy allows s3:GetObject on arn:aws:s3:::team/home/erin/notes.txt");
    assertThat(first.get("allowWith").toString())
        .isEqualTo(
            "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::team/home/erin/notes.txt\"}");

    assertThat(signedGet(endpoint(), "/_iamlocal/denials", credentialsOf(erin)).statusCode())
        .isEqualTo(403);
    assertThat(
            RawHttp.send(
                    HttpRequest.newBuilder(endpoint().resolve("/_iamlocal/denials")).GET().build())
                .statusCode())
        .isEqualTo(403);
  }

  private JsonNode decode(String requestId) {
    try {
      HttpResponse<String> recent =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(endpoint().resolve("/_iamlocal/authorization-messages"))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      for (JsonNode entry : JSON.readTree(recent.body())) {
        if (entry.get("requestId").asText().equals(requestId)) {
          return JSON.readTree(
              sts.decodeAuthorizationMessage(
                      r -> r.encodedMessage(entry.get("encodedMessage").asText()))
                  .decodedMessage());
        }
      }
      throw new AssertionError("no authorization message for request " + requestId);
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static String bucketPolicy(
      String effect, String principal, String action, String resource, String sid) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{"
        + (sid == null ? "" : "\"Sid\":\"" + sid + "\",")
        + "\"Effect\":\""
        + effect
        + "\",\"Principal\":{\"AWS\":\""
        + principal
        + "\"},\"Action\":\""
        + action
        + "\",\"Resource\":\""
        + resource
        + "\"}]}";
  }

  /** A GET signed for IAM with {@code credentials}, as the state export expects. */
  static HttpResponse<String> signedGet(URI endpoint, String path, AwsCredentials credentials) {
    URI uri = endpoint.resolve(path);
    SdkHttpFullRequest signed =
        Aws4Signer.create()
            .sign(
                SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(uri).build(),
                Aws4SignerParams.builder()
                    .awsCredentials(credentials)
                    .signingName("iam")
                    .signingRegion(Region.US_EAST_1)
                    .build());
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
      if (!h.getKey().equalsIgnoreCase("host")) {
        h.getValue().forEach(v -> request.header(h.getKey(), v));
      }
    }
    return RawHttp.send(request.build());
  }
}
