package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.GetGeneratedPolicyResponse;
import software.amazon.awssdk.services.accessanalyzer.model.JobStatus;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Proof that a generated policy is sufficient and minimal. A realistic workload (the awsdocs S3
 * "getting started" scenario: create a bucket, upload, download, copy into a folder, list, delete
 * the objects and the bucket; plus the IAM and STS calls an app makes about itself) runs as a user
 * without any policy under {@code --enforce soft}; Access Analyzer's GetGeneratedPolicy gives its
 * policy. Under strict enforcement that policy lets the whole workload through with zero denials;
 * and removing any one statement, or any one action or resource from a statement, makes the
 * workload fail with AccessDenied at a call that needs exactly what was removed.
 */
class LeastPrivilegeProofIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "123456789012";
  private static final String APP = "arn:aws:iam::" + ACCOUNT + ":user/app";
  private static final String BUCKET = "amzn-s3-demo-bucket-lp";
  private static IamLocalProcess soft;
  private static IamLocalProcess strict;

  @BeforeAll
  static void start() throws Exception {
    soft = IamLocalProcess.start("--enforce", "soft", "-q");
    strict = IamLocalProcess.start("--enforce", "strict", "-q");
  }

  @AfterAll
  static void stop() {
    soft.stop();
    strict.stop();
  }

  /**
   * One call of the workload and the permissions it needs (CopyObject reads the source and writes
   * the target).
   */
  private record Step(String name, Set<String> actions, Runnable call) {}

  private static List<Step> workload(
      URI endpoint, AwsCredentials app, List<AutoCloseable> clients) {
    S3Client s3 = StsTestSupport.s3(endpoint, app);
    IamClient iam = Clients.iam(endpoint, app);
    StsClient sts = Clients.sts(endpoint, app);
    clients.addAll(List.of(s3, iam, sts));
    return List.of(
        new Step("GetCallerIdentity", Set.of(), () -> sts.getCallerIdentity()),
        new Step("GetUser", Set.of("iam:GetUser"), () -> iam.getUser()),
        new Step("ListAccessKeys", Set.of("iam:ListAccessKeys"), () -> iam.listAccessKeys()),
        new Step(
            "CreateBucket",
            Set.of("s3:CreateBucket"),
            () -> s3.createBucket(r -> r.bucket(BUCKET))),
        new Step(
            "PutObject",
            Set.of("s3:PutObject"),
            () ->
                s3.putObject(
                    r -> r.bucket(BUCKET).key("docs/readme.txt"), RequestBody.fromString("hello"))),
        new Step(
            "GetObject",
            Set.of("s3:GetObject"),
            () -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("docs/readme.txt"))),
        new Step(
            "CopyObject",
            Set.of("s3:GetObject", "s3:PutObject"),
            () ->
                s3.copyObject(
                    r ->
                        r.sourceBucket(BUCKET)
                            .sourceKey("docs/readme.txt")
                            .destinationBucket(BUCKET)
                            .destinationKey("archive/readme.txt"))),
        new Step(
            "ListObjectsV2",
            Set.of("s3:ListBucket"),
            () -> s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("docs/"))),
        new Step(
            "DeleteObjects",
            Set.of("s3:DeleteObject"),
            () ->
                s3.deleteObjects(
                    r ->
                        r.bucket(BUCKET)
                            .delete(
                                d ->
                                    d.objects(
                                        ObjectIdentifier.builder().key("docs/readme.txt").build(),
                                        ObjectIdentifier.builder()
                                            .key("archive/readme.txt")
                                            .build())))),
        new Step(
            "DeleteBucket",
            Set.of("s3:DeleteBucket"),
            () -> s3.deleteBucket(r -> r.bucket(BUCKET))));
  }

  /**
   * Resets {@code server}, creates the app user with {@code policy} inline (null: none) and runs
   * the workload as it; returns the first step refused with AccessDenied, or null when all went
   * through. (DeleteObjects reports refusals per key, in its response, as S3 does.)
   */
  private static Step run(IamLocalProcess server, String policy) throws Exception {
    server.reset();
    AccessKey key;
    try (IamClient root = Clients.iam(server.endpoint(), Clients.root())) {
      root.createUser(r -> r.userName("app"));
      key = root.createAccessKey(r -> r.userName("app")).accessKey();
      if (policy != null) {
        root.putUserPolicy(r -> r.userName("app").policyName("generated").policyDocument(policy));
      }
    }
    List<AutoCloseable> clients = new ArrayList<>();
    try {
      for (Step step :
          workload(
              server.endpoint(),
              AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()),
              clients)) {
        try {
          step.call().run();
        } catch (AwsServiceException e) {
          assertThat(e.awsErrorDetails().errorCode()).as(step.name()).isEqualTo("AccessDenied");
          return step;
        }
        if (step.name().equals("DeleteObjects")) {
          // S3 answers per-key refusals inside a 200: check the objects are really gone.
          try (S3Client root = StsTestSupport.s3(server.endpoint(), Clients.root())) {
            if (root.listObjectsV2(r -> r.bucket(BUCKET)).keyCount() > 0) {
              return step;
            }
          }
        }
      }
      return null;
    } finally {
      for (AutoCloseable c : clients) {
        c.close();
      }
    }
  }

  @Test
  void theGeneratedPolicyIsSufficientAndEveryPartOfItIsNeeded() throws Exception {
    assertThat(run(soft, null)).as("soft mode lets every call through").isNull();
    JsonNode denials =
        JSON.readTree(
            S3PoliciesIT.signedGet(soft.endpoint(), "/_iamlocal/denials", Clients.root()).body());
    String policy = generatedPolicy(soft.endpoint(), APP);
    JsonNode statements = JSON.readTree(policy).get("Statement");

    // The policy is exactly the union of the allow-statements of the individual denials.
    Set<String> fromDenials = new TreeSet<>();
    for (JsonNode action : denials.at("/denials/0/actions")) {
      for (JsonNode denial : action.get("denials")) {
        fromDenials.add(
            denial.at("/allowWith/Action").asText()
                + " on "
                + denial.at("/allowWith/Resource").asText());
      }
    }
    assertThat(pairs(statements)).isEqualTo(fromDenials);
    assertThat(pairs(statements))
        .containsExactlyInAnyOrder(
            "iam:GetUser on arn:aws:iam::123456789012:user/app",
            "iam:ListAccessKeys on arn:aws:iam::123456789012:user/app",
            "s3:CreateBucket on arn:aws:s3:::" + BUCKET,
            "s3:ListBucket on arn:aws:s3:::" + BUCKET,
            "s3:DeleteBucket on arn:aws:s3:::" + BUCKET,
            "s3:PutObject on arn:aws:s3:::" + BUCKET + "/docs/readme.txt",
            "s3:PutObject on arn:aws:s3:::" + BUCKET + "/archive/readme.txt",
            "s3:GetObject on arn:aws:s3:::" + BUCKET + "/docs/readme.txt",
            "s3:DeleteObject on arn:aws:s3:::" + BUCKET + "/docs/readme.txt",
            "s3:DeleteObject on arn:aws:s3:::" + BUCKET + "/archive/readme.txt");
    assertThat(policy).doesNotContain("sts:GetCallerIdentity"); // needs no permission
    // The policy the README shows: actions on the same resources share a statement.
    String bucket = "arn:aws:s3:::" + BUCKET;
    assertThat(policy)
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"iam:GetUser\",\"iam:ListAccessKeys\"],\"Resource\":\"arn:aws:iam::123456789012:user/app\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:CreateBucket\",\"s3:DeleteBucket\",\"s3:ListBucket\"],\"Resource\":\""
                + bucket
                + "\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:DeleteObject\",\"s3:PutObject\"],\"Resource\":[\""
                + bucket
                + "/archive/readme.txt\",\""
                + bucket
                + "/docs/readme.txt\"]},"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\""
                + bucket
                + "/docs/readme.txt\"}]}");

    // Sufficient: strict enforcement with the generated policy refuses nothing.
    assertThat(run(strict, policy)).isNull();
    JsonNode strictDenials =
        JSON.readTree(
            S3PoliciesIT.signedGet(strict.endpoint(), "/_iamlocal/denials", Clients.root()).body());
    assertThat(strictDenials.get("denials")).isEmpty();

    // Minimal: without any one statement, action or resource, the call that needed it fails.
    for (int i = 0; i < statements.size(); i++) {
      ArrayNode without = statements.deepCopy();
      without.remove(i);
      Step failed = run(strict, document(without));
      assertThat(failed).as("without statement %s", statements.get(i)).isNotNull();
      assertThat(failed.actions())
          .as("without statement %s", statements.get(i))
          .containsAnyElementsOf(strings(statements.get(i), "Action"));
      for (String action : strings(statements.get(i), "Action")) {
        for (String resource : strings(statements.get(i), "Resource")) {
          failed = run(strict, document(withoutPair(statements, i, action, resource)));
          assertThat(failed).as("without %s on %s", action, resource).isNotNull();
          assertThat(failed.actions()).as("without %s on %s", action, resource).contains(action);
        }
      }
    }
  }

  /**
   * Starts a generation job for {@code principal} and returns its policy once the job has
   * succeeded.
   */
  static String generatedPolicy(URI endpoint, String principal) throws InterruptedException {
    try (AccessAnalyzerClient analyzer =
        AccessAnalyzerClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(Clients.root()))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
            .build()) {
      String jobId =
          analyzer
              .startPolicyGeneration(r -> r.policyGenerationDetails(d -> d.principalArn(principal)))
              .jobId();
      GetGeneratedPolicyResponse response;
      do {
        response = analyzer.getGeneratedPolicy(r -> r.jobId(jobId));
        Thread.sleep(response.jobDetails().status() == JobStatus.IN_PROGRESS ? 100 : 0);
      } while (response.jobDetails().status() == JobStatus.IN_PROGRESS);
      assertThat(response.jobDetails().status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(response.generatedPolicyResult().properties().principalArn()).isEqualTo(principal);
      assertThat(response.generatedPolicyResult().properties().isComplete()).isTrue();
      assertThat(analyzer.listPolicyGenerations(r -> r.principalArn(principal)).policyGenerations())
          .extracting(g -> g.jobId())
          .contains(jobId);
      return response.generatedPolicyResult().generatedPolicies().get(0).policy();
    }
  }

  private static Set<String> pairs(JsonNode statements) {
    Set<String> out = new TreeSet<>();
    for (JsonNode statement : statements) {
      assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
      for (String action : strings(statement, "Action")) {
        for (String resource : strings(statement, "Resource")) {
          out.add(action + " on " + resource);
        }
      }
    }
    return out;
  }

  /**
   * The statements with one (action, resource) pair taken out of statement {@code index}, the rest
   * of it kept.
   */
  private static ArrayNode withoutPair(
      JsonNode statements, int index, String action, String resource) {
    ArrayNode out = ((ArrayNode) statements).deepCopy();
    JsonNode statement = out.remove(index);
    Set<String> actions = new LinkedHashSet<>(strings(statement, "Action"));
    Set<String> resources = new LinkedHashSet<>(strings(statement, "Resource"));
    Set<String> otherResources = new LinkedHashSet<>(resources);
    otherResources.remove(resource);
    Set<String> otherActions = new LinkedHashSet<>(actions);
    otherActions.remove(action);
    if (!otherResources.isEmpty()) {
      out.add(statement(actions, otherResources)); // every action on the other resources
    }
    if (!otherActions.isEmpty()) {
      out.add(statement(otherActions, Set.of(resource))); // the other actions on this resource
    }
    return out;
  }

  private static ObjectNode statement(Set<String> actions, Set<String> resources) {
    ObjectNode statement = JSON.createObjectNode().put("Effect", "Allow");
    actions.forEach(statement.withArray("Action")::add);
    resources.forEach(statement.withArray("Resource")::add);
    return statement;
  }

  private static String document(ArrayNode statements) {
    ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
    document.set("Statement", statements);
    return document.toString();
  }

  private static List<String> strings(JsonNode statement, String field) {
    JsonNode value = statement.get(field);
    List<String> out = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(v -> out.add(v.asText()));
    } else {
      out.add(value.asText());
    }
    return out;
  }
}
