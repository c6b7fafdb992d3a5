package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * CloudTrail events: the files {@code --cloudtrail-dir} writes are read back using only
 * CloudTrail's documented format (the S3 key layout and file name, gzipped {@code {"Records":[…]}},
 * the record fields), and LookupEvents answers the AWS SDK and the AWS CLI.
 */
class CloudTrailIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE16.json.gz
   */
  private static final Pattern FILE =
      Pattern.compile(
          "AWSLogs/(\\d{12})/CloudTrail/([a-z0-9-]+)/(\\d{4})/(\\d{2})/(\\d{2})/\\1_CloudTrail_\\2_(\\d{4})(\\d{2})(\\d{2})T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz");

  private static Path dir;
  private static IamLocalProcess server;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("iamlocal-cloudtrail");
    server = IamLocalProcess.start("--cloudtrail-dir", dir.toString(), "-q");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void filesFollowCloudTrailsDocumentedFormatAndLeaveSecretsOut() throws Exception {
    AccessKey key;
    String roleArn;
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
      iam.createUser(r -> r.userName("trail-user"));
      key = iam.createAccessKey(r -> r.userName("trail-user")).accessKey();
      iam.createLoginProfile(r -> r.userName("trail-user").password("Sup3r-Secret-Pa55word!"));
      roleArn =
          iam.createRole(
                  r ->
                      r.roleName("trail-role")
                          .assumeRolePolicyDocument(
                              "{\"Version\":\"2012-10-17\",\"Statement\":"
                                  + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/trail-user\"},\"Action\":\"sts:AssumeRole\"}]}"))
              .role()
              .arn();
      iam.putUserPolicy(
          r ->
              r.userName("trail-user")
                  .policyName("s3")
                  .policyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":"
                          + "[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"));
    }
    AwsBasicCredentials user = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    Credentials session;
    try (StsClient sts = Clients.sts(server.endpoint(), user);
        S3Client s3 = StsTestSupport.s3(server.endpoint(), user)) {
      session =
          sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("trail-session")).credentials();
      s3.createBucket(r -> r.bucket("trail-bucket"));
      s3.putObject(r -> r.bucket("trail-bucket").key("a/b.txt"), RequestBody.fromString("x"));
    }
    try (StsClient asRole =
        Clients.sts(
            server.endpoint(),
            AwsSessionCredentials.create(
                session.accessKeyId(), session.secretAccessKey(), session.sessionToken()))) {
      asRole.getCallerIdentity();
    }

    List<String> texts = new ArrayList<>();
    List<JsonNode> records =
        readRecords(
            texts,
            "CreateAccessKey",
            "CreateLoginProfile",
            "CreateRole",
            "AssumeRole",
            "PutObject",
            "GetCallerIdentity");
    for (String text : texts) {
      assertThat(text)
          .doesNotContain(
              key.secretAccessKey(),
              session.secretAccessKey(),
              session.sessionToken(),
              "Sup3r-Secret-Pa55word!");
    }
    for (JsonNode record : records) {
      assertThat(record.get("eventVersion").asText()).matches("1\\.\\d\\d");
      assertThat(Instant.parse(record.get("eventTime").asText()))
          .isBefore(Instant.now().plusSeconds(5));
      assertThat(record.get("eventType").asText()).isEqualTo("AwsApiCall");
      assertThat(record.get("recipientAccountId").asText()).isEqualTo("123456789012");
      assertThat(record.get("eventID").asText()).matches("[0-9a-f-]{36}");
      assertThat(record.has("requestID")).isTrue();
      assertThat(record.has("readOnly")).isTrue();
    }

    JsonNode createKey = only(records, "CreateAccessKey");
    assertThat(createKey.get("eventSource").asText()).isEqualTo("iam.amazonaws.com");
    assertThat(createKey.get("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(createKey.at("/userIdentity/type").asText()).isEqualTo("Root");
    assertThat(createKey.at("/userIdentity/arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:root");
    assertThat(createKey.at("/requestParameters/userName").asText()).isEqualTo("trail-user");
    assertThat(createKey.at("/responseElements/accessKey/accessKeyId").asText())
        .isEqualTo(key.accessKeyId());
    assertThat(createKey.at("/responseElements/accessKey").has("secretAccessKey")).isFalse();
    assertThat(createKey.get("managementEvent").asBoolean()).isTrue();
    assertThat(createKey.get("eventCategory").asText()).isEqualTo("Management");

    JsonNode assume = only(records, "AssumeRole");
    assertThat(assume.get("eventSource").asText()).isEqualTo("sts.amazonaws.com");
    assertThat(assume.at("/userIdentity/type").asText()).isEqualTo("IAMUser");
    assertThat(assume.at("/userIdentity/userName").asText()).isEqualTo("trail-user");
    assertThat(assume.at("/userIdentity/accessKeyId").asText()).isEqualTo(key.accessKeyId());
    assertThat(assume.at("/requestParameters/roleArn").asText()).isEqualTo(roleArn);
    assertThat(assume.at("/requestParameters/roleSessionName").asText()).isEqualTo("trail-session");
    assertThat(assume.at("/responseElements/credentials/accessKeyId").asText())
        .isEqualTo(session.accessKeyId());
    assertThat(assume.at("/responseElements/assumedRoleUser/arn").asText())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/trail-role/trail-session");

    JsonNode whoAmI = only(records, "GetCallerIdentity");
    assertThat(whoAmI.at("/userIdentity/type").asText()).isEqualTo("AssumedRole");
    assertThat(whoAmI.at("/userIdentity/arn").asText())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/trail-role/trail-session");
    assertThat(whoAmI.at("/userIdentity/sessionContext/sessionIssuer/type").asText())
        .isEqualTo("Role");
    assertThat(whoAmI.at("/userIdentity/sessionContext/sessionIssuer/arn").asText())
        .isEqualTo(roleArn);
    assertThat(whoAmI.at("/userIdentity/sessionContext/attributes/mfaAuthenticated").asText())
        .isEqualTo("false");
    assertThat(whoAmI.get("readOnly").asBoolean()).isTrue();
    assertThat(whoAmI.get("responseElements").isNull()).isTrue();

    JsonNode put = only(records, "PutObject");
    assertThat(put.get("eventSource").asText()).isEqualTo("s3.amazonaws.com");
    assertThat(put.get("eventCategory").asText()).isEqualTo("Data");
    assertThat(put.get("managementEvent").asBoolean()).isFalse();
    assertThat(put.at("/requestParameters/bucketName").asText()).isEqualTo("trail-bucket");
    assertThat(put.at("/requestParameters/key").asText()).isEqualTo("a/b.txt");
    assertThat(put.get("resources"))
        .extracting(r -> r.get("type").asText() + " " + r.get("ARN").asText())
        .containsExactly(
            "AWS::S3::Object arn:aws:s3:::trail-bucket/a/b.txt",
            "AWS::S3::Bucket arn:aws:s3:::trail-bucket");

    assertThat(only(records, "CreateLoginProfile").at("/requestParameters").has("password"))
        .isFalse();
  }

  @Test
  void lookupEventsAnswersTheSdkWithAttributesPagingAndTimeRange() throws Exception {
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root());
        CloudTrailClient trail = cloudTrail()) {
      for (int i = 0; i < 3; i++) {
        int n = i;
        iam.createUser(r -> r.userName("lookup-" + n));
      }
      LookupEventsResponse first =
          trail.lookupEvents(
              r ->
                  r.maxResults(2)
                      .lookupAttributes(
                          a ->
                              a.attributeKey(LookupAttributeKey.EVENT_NAME)
                                  .attributeValue("CreateUser")));
      assertThat(first.events()).hasSize(2);
      assertThat(first.nextToken()).isNotEmpty();
      assertThat(first.events().get(0).resources().get(0).resourceName())
          .isEqualTo("lookup-2"); // newest first
      List<Event> all = new ArrayList<>(first.events());
      all.addAll(
          trail
              .lookupEvents(
                  r ->
                      r.maxResults(50)
                          .nextToken(first.nextToken())
                          .lookupAttributes(
                              a ->
                                  a.attributeKey(LookupAttributeKey.EVENT_NAME)
                                      .attributeValue("CreateUser")))
              .events());
      assertThat(all)
          .extracting(e -> e.resources().get(0).resourceName())
          .contains("lookup-2", "lookup-1", "lookup-0");
      Event event = all.get(0);
      assertThat(event.eventSource()).isEqualTo("iam.amazonaws.com");
      assertThat(event.username()).isEqualTo("root");
      assertThat(event.readOnly()).isEqualTo("false");
      assertThat(event.resources().get(0).resourceType()).isEqualTo("AWS::IAM::User");
      assertThat(JSON.readTree(event.cloudTrailEvent()).get("eventID").asText())
          .isEqualTo(event.eventId());

      assertThat(trail.lookupEvents(r -> r.startTime(Instant.now().plusSeconds(3600))).events())
          .isEmpty();
      assertThat(
              trail
                  .lookupEvents(
                      r ->
                          r.lookupAttributes(
                              a ->
                                  a.attributeKey(LookupAttributeKey.EVENT_SOURCE)
                                      .attributeValue("s3.amazonaws.com")))
                  .events())
          .extracting(Event::eventName)
          .doesNotContain("PutObject", "GetObject"); // data events are not in event history
      assertThatThrownBy(
              () ->
                  trail.lookupEvents(
                      r ->
                          r.lookupAttributes(
                              a ->
                                  a.attributeKey(LookupAttributeKey.EVENT_NAME)
                                      .attributeValue("CreateUser"),
                              a ->
                                  a.attributeKey(LookupAttributeKey.USERNAME)
                                      .attributeValue("root"))))
          .isInstanceOf(InvalidLookupAttributesException.class);
    }
  }

  @Test
  void theAwsCliLooksUpEventsAndGeneratesPolicies() throws Exception {
    ExternalTool.assumeAvailable("aws", "--version");
    Map<String, String> root = ExternalTool.awsEnv("test", "test");
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
      iam.createUser(r -> r.userName("cli-user"));
    }
    JsonNode events =
        aws(
            root,
            "cloudtrail",
            "lookup-events",
            "--lookup-attributes",
            "AttributeKey=ResourceName,AttributeValue=cli-user");
    assertThat(events.at("/Events/0/EventName").asText()).isEqualTo("CreateUser");
    String jobId =
        aws(
                root,
                "accessanalyzer",
                "start-policy-generation",
                "--policy-generation-details",
                "principalArn=arn:aws:iam::123456789012:user/cli-user")
            .get("jobId")
            .asText();
    JsonNode result = aws(root, "accessanalyzer", "get-generated-policy", "--job-id", jobId);
    assertThat(result.at("/jobDetails/status").asText()).isEqualTo("SUCCEEDED");
    assertThat(result.at("/generatedPolicyResult/properties/principalArn").asText())
        .isEqualTo("arn:aws:iam::123456789012:user/cli-user");
    assertThat(aws(root, "accessanalyzer", "list-policy-generations").get("policyGenerations"))
        .isNotEmpty();
  }

  @Test
  void theConsolePageShowsThePolicyNextToTheCallsAndPinsConstantConditions() throws Exception {
    AccessKey key;
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
      iam.createUser(r -> r.userName("page-user"));
      key = iam.createAccessKey(r -> r.userName("page-user")).accessKey();
      iam.putUserPolicy(
          r ->
              r.userName("page-user")
                  .policyName("list")
                  .policyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":"
                          + "[{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:CreateBucket\"],\"Resource\":\"*\"}]}"));
    }
    try (S3Client s3 =
        StsTestSupport.s3(
            server.endpoint(),
            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
      s3.createBucket(r -> r.bucket("page-bucket"));
      s3.listObjectsV2(r -> r.bucket("page-bucket").prefix("reports/"));
      s3.listObjectsV2(r -> r.bucket("page-bucket").prefix("reports/"));
    }
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String principal = "arn:aws:iam::123456789012:user/page-user";
    JsonNode principals =
        JSON.readTree(
            http.send(
                    java.net.http.HttpRequest.newBuilder(
                            server.endpoint().resolve("/_iamlocal/api/trail/principals"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .body());
    assertThat(principals.get("principals"))
        .extracting(p -> p.get("arn").asText())
        .contains(principal);
    JsonNode page = generatedPolicy(principal, "s3:prefix");
    assertThat(page.at("/policy/Statement").toString())
        .isEqualTo(
            "[{\"Effect\":\"Allow\",\"Action\":\"s3:CreateBucket\","
                + "\"Resource\":\"arn:aws:s3:::page-bucket\"},{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                + "\"Resource\":\"arn:aws:s3:::page-bucket\",\"Condition\":{\"StringEquals\":{\"s3:prefix\":\"reports/\"}}}]");
    assertThat(page.at("/statements/1/calls"))
        .extracting(c -> c.get("eventName").asText())
        .containsExactly("ListObjectsV2", "ListObjectsV2");
  }

  @Test
  void iamConditionKeysArePinnedFromTheCallsContextKeptByTheTrail() throws Exception {
    AccessKey key;
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
      iam.createUser(r -> r.userName("pin-reader"));
      iam.createUser(r -> r.userName("pin-target").tags(t -> t.key("team").value("blue")));
      key = iam.createAccessKey(r -> r.userName("pin-reader")).accessKey();
      iam.putUserPolicy(
          r ->
              r.userName("pin-reader")
                  .policyName("read")
                  .policyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":"
                          + "[{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}"));
    }
    try (IamClient reader =
        Clients.iam(
            server.endpoint(),
            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
      reader.getUser(r -> r.userName("pin-target"));
      reader.getUser(r -> r.userName("pin-target"));
    }
    String principal = "arn:aws:iam::123456789012:user/pin-reader";
    JsonNode page = generatedPolicy(principal, "iam:ResourceTag/team");
    assertThat(page.at("/policy/Statement").toString())
        .isEqualTo(
            "[{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\","
                + "\"Resource\":\"arn:aws:iam::123456789012:user/pin-target\","
                + "\"Condition\":{\"StringEquals\":{\"iam:ResourceTag/team\":\"blue\"}}}]");
  }

  /** The console API's generated policy for {@code principal}, pinning {@code conditionKeys}. */
  private static JsonNode generatedPolicy(String principal, String conditionKeys) throws Exception {
    return JSON.readTree(
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        server
                            .endpoint()
                            .resolve(
                                "/_iamlocal/api/trail/generated-policy?principal="
                                    + principal
                                    + "&conditionKeys="
                                    + conditionKeys))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body());
  }

  @Test
  void callsAreSignedAndAuthorizedLikeAnyAwsCall() {
    AccessKey key;
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
      iam.createUser(r -> r.userName("no-trail-rights"));
      key = iam.createAccessKey(r -> r.userName("no-trail-rights")).accessKey();
    }
    try (CloudTrailClient wrongSecret = cloudTrail(AwsBasicCredentials.create("test", "wrong"))) {
      assertThatThrownBy(() -> wrongSecret.lookupEvents(r -> r.maxResults(1)))
          .isInstanceOfSatisfying(
              software.amazon.awssdk.awscore.exception.AwsServiceException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("InvalidSignatureException"));
    }
    try (CloudTrailClient user =
        cloudTrail(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
      assertThatThrownBy(() -> user.lookupEvents(r -> r.maxResults(1)))
          .isInstanceOfSatisfying(
              software.amazon.awssdk.awscore.exception.AwsServiceException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                assertThat(e.getMessage())
                    .contains(
                        "User: arn:aws:iam::123456789012:user/no-trail-rights is not authorized to perform: "
                            + "cloudtrail:LookupEvents");
              });
    }
    try (var analyzer =
        software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(Clients.root()))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      assertThatThrownBy(() -> analyzer.getGeneratedPolicy(r -> r.jobId("no-such-job")))
          .isInstanceOf(
              software.amazon.awssdk.services.accessanalyzer.model.ValidationException.class);
    }
  }

  private static JsonNode aws(Map<String, String> env, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of("aws", "--endpoint-url", server.endpoint().toString(), "--output", "json"));
    command.addAll(List.of(args));
    ExternalTool.Result r = ExternalTool.run(env, command);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return JSON.readTree(r.stdout());
  }

  private static CloudTrailClient cloudTrail() {
    return cloudTrail(Clients.root());
  }

  private static CloudTrailClient cloudTrail(
      software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
    return CloudTrailClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }

  /**
   * The one record of {@code eventName} about this test's trail-* user, role or bucket (other tests
   * share the server).
   */
  private static JsonNode only(List<JsonNode> records, String eventName) {
    List<JsonNode> found =
        records.stream()
            .filter(
                r ->
                    r.get("eventName").asText().equals(eventName)
                        && r.toString().contains("trail-"))
            .toList();
    assertThat(found).as(eventName).hasSize(1);
    return found.get(0);
  }

  /**
   * Every record of every delivered file, waiting (files come within about a second) until {@code
   * eventNames} are all there.
   */
  private static List<JsonNode> readRecords(List<String> texts, String... eventNames)
      throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      texts.clear();
      List<JsonNode> records = new ArrayList<>();
      try (Stream<Path> files = Files.walk(dir)) {
        // A dot-file is a delivery still being written (renamed into place when complete).
        for (Path file :
            files
                .filter(Files::isRegularFile)
                .filter(f -> !f.getFileName().toString().startsWith("."))
                .toList()) {
          String relative = dir.relativize(file).toString().replace('\\', '/');
          Matcher m = FILE.matcher(relative);
          assertThat(m.matches()).as(relative).isTrue();
          assertThat(m.group(3) + m.group(4) + m.group(5))
              .isEqualTo(m.group(6) + m.group(7) + m.group(8));
          try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            texts.add(text);
            JsonNode root = JSON.readTree(text);
            assertThat(root.fieldNames()).toIterable().containsExactly("Records");
            root.get("Records").forEach(records::add);
          }
        }
      }
      Set<String> seen = new HashSet<>();
      records.forEach(r -> seen.add(r.get("eventName").asText()));
      if (seen.containsAll(List.of(eventNames)) || System.currentTimeMillis() > deadline) {
        return records;
      }
      Thread.sleep(200);
    }
  }
}
