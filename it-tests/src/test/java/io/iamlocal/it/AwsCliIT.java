package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's walk-through, run with the real aws-cli when the machine has it. */
class AwsCliIT extends WireTest {
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void needsAwsCli() {
    ExternalTool.assumeAvailable("aws", "--version");
  }

  private JsonNode aws(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("aws", "--endpoint-url", endpoint().toString(), "--output", "json"));
    command.addAll(List.of(args));
    ExternalTool.Result r = ExternalTool.run(env, command);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return r.stdout().isBlank() ? json.nullNode() : json.readTree(r.stdout());
  }

  @Test
  void readmeWalkThrough() throws Exception {
    Map<String, String> root = ExternalTool.awsEnv("test", "test");
    JsonNode user =
        aws(root, "iam", "create-user", "--user-name", "alice", "--tags", "Key=team,Value=red");
    assertThat(user.at("/User/Arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    JsonNode key = aws(root, "iam", "create-access-key", "--user-name", "alice");
    aws(
        root,
        "iam",
        "attach-user-policy",
        "--user-name",
        "alice",
        "--policy-arn",
        "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
    Map<String, String> alice =
        ExternalTool.awsEnv(
            key.at("/AccessKey/AccessKeyId").asText(),
            key.at("/AccessKey/SecretAccessKey").asText());
    assertThat(aws(alice, "sts", "get-caller-identity").at("/Arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(aws(alice, "iam", "get-user").at("/User/UserName").asText()).isEqualTo("alice");
    aws(root, "iam", "create-user", "--user-name", "bob");
    JsonNode page = aws(root, "iam", "list-users", "--max-items", "1");
    assertThat(page.at("/Users").size()).isEqualTo(1);
    assertThat(page.at("/NextToken").asText()).isNotEmpty();
  }

  @Test
  void errorsReachTheCliWithAwsCodes() {
    ExternalTool.Result r =
        ExternalTool.run(
            ExternalTool.awsEnv("test", "test"),
            List.of(
                "aws",
                "--endpoint-url",
                endpoint().toString(),
                "iam",
                "get-user",
                "--user-name",
                "nobody"));
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr())
        .contains("(NoSuchEntity)")
        .contains("The user with name nobody cannot be found.");
  }
}
