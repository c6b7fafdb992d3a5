package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code --enforce soft}: every IAM, STS and S3 call is evaluated, each denial is logged as one
 * structured line (with why and the statement that would allow it) and kept for {@code
 * /_iamlocal/denials}, but the call goes through.
 */
class S3SoftEnforcementIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static IamLocalProcess soft;

  @BeforeAll
  static void start() throws Exception {
    soft = IamLocalProcess.startCapturing("--enforce", "soft");
  }

  @AfterAll
  static void stop() {
    soft.stop();
  }

  @Test
  void wouldBeDenialsAreLoggedButLetThrough() throws Exception {
    AccessKey key;
    try (IamClient iam = Clients.iam(soft.endpoint(), Clients.root())) {
      iam.createUser(r -> r.userName("sam"));
      key = iam.createAccessKey(r -> r.userName("sam")).accessKey();
      iam.putUserPolicy(
          r ->
              r.userName("sam")
                  .policyName("no-deletes")
                  .policyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":["
                          + "{\"Sid\":\"NoDeletes\",\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}"));
    }
    AwsBasicCredentials sam = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    try (S3Client root = StsTestSupport.s3(soft.endpoint(), Clients.root());
        S3Client s3 = StsTestSupport.s3(soft.endpoint(), sam);
        IamClient iamAsSam = Clients.iam(soft.endpoint(), sam)) {
      root.createBucket(r -> r.bucket("soft-bucket"));
      s3.putObject(r -> r.bucket("soft-bucket").key("k"), RequestBody.fromString("v"));
      assertThat(s3.getObjectAsBytes(r -> r.bucket("soft-bucket").key("k")).asUtf8String())
          .isEqualTo("v");
      s3.deleteObject(r -> r.bucket("soft-bucket").key("k"));
      assertThat(iamAsSam.listUsers().users()).isNotEmpty();
    }

    List<JsonNode> lines = denialLines(4);
    assertThat(lines)
        .extracting(l -> l.get("action").asText())
        .containsExactly("s3:PutObject", "s3:GetObject", "s3:DeleteObject", "iam:ListUsers");
    JsonNode put = without(lines.get(0), "requestId");
    assertThat(put.toString())
        .isEqualTo(
            "{\"mode\":\"soft\",\"outcome\":\"allowed anyway\","
                + "\"principal\":\"arn:aws:iam::123456789012:user/sam\",\"action\":\"s3:PutObject\",\"resource\":\"arn:aws:s3:::soft-bucket/k\","
                + "\"decision\":\"implicitDeny\",\"reason\":\"no identity-based policy allows s3:PutObject on arn:aws:s3:::soft-bucket/k\","
                + "\"allowWith\":{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::soft-bucket/k\"},"
                + "\"addTo\":\"identity-based policy\"}");
    JsonNode delete = without(lines.get(2), "requestId");
    assertThat(delete.toString())
        .isEqualTo(
            "{\"mode\":\"soft\",\"outcome\":\"allowed anyway\","
                + "\"principal\":\"arn:aws:iam::123456789012:user/sam\",\"action\":\"s3:DeleteObject\",\"resource\":\"arn:aws:s3:::soft-bucket/k\","
                + "\"decision\":\"explicitDeny\",\"reason\":\"explicitly denied by statement 'NoDeletes' of user policy no-deletes\","
                + "\"deniedBy\":[{\"policyId\":\"no-deletes\",\"policyType\":\"user\",\"sid\":\"NoDeletes\",\"statementIndex\":0}],"
                + "\"allowWith\":{\"Effect\":\"Allow\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::soft-bucket/k\"},"
                + "\"addTo\":\"nowhere: an explicit deny overrides every Allow; remove or narrow the Deny statement\"}");
    assertThat(lines.get(3).get("resource").asText()).isEqualTo("arn:aws:iam::123456789012:user/");

    HttpResponse<String> denials =
        S3PoliciesIT.signedGet(soft.endpoint(), "/_iamlocal/denials", Clients.root());
    JsonNode samDenials = JSON.readTree(denials.body()).at("/denials/0");
    assertThat(samDenials.get("principal").asText())
        .isEqualTo("arn:aws:iam::123456789012:user/sam");
    assertThat(samDenials.get("count").asInt()).isEqualTo(4);
    assertThat(samDenials.get("actions"))
        .extracting(a -> a.get("action").asText())
        .containsExactly("s3:PutObject", "s3:GetObject", "s3:DeleteObject", "iam:ListUsers");
  }

  /** The JSON of the process's {@code denial {…}} lines, waiting for {@code count} of them. */
  private static List<JsonNode> denialLines(int count) throws Exception {
    long deadline = System.currentTimeMillis() + 5_000;
    while (true) {
      List<JsonNode> out = new java.util.ArrayList<>();
      for (String line : soft.output()) {
        int at = line.indexOf("denial {");
        if (at >= 0) {
          out.add(JSON.readTree(line.substring(at + "denial ".length())));
        }
      }
      if (out.size() >= count || System.currentTimeMillis() > deadline) {
        return out;
      }
      Thread.sleep(50);
    }
  }

  private static JsonNode without(JsonNode node, String field) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
    copy.remove(field);
    return copy;
  }
}
