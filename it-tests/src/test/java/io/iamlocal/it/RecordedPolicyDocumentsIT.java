package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays over the wire every policy document of the real-AWS recordings (the policy module's test
 * table {@code aws-recordings/policy-documents.json}, Apache-2.0, NOTICE beside it) with the
 * operation AWS was called with, and asserts AWS's answer: accepted, or {@code
 * MalformedPolicyDocument} 400 with AWS's message.
 */
class RecordedPolicyDocumentsIT extends WireTest {

  private static final String TRUST_POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
          + "\"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}";

  /** One recorded call; {@code code} is null when AWS accepted the document. */
  record Recorded(
      String name, String operation, String document, String code, int status, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Recorded> recorded() throws IOException {
    Path table =
        Path.of(
            System.getProperty(
                "iamlocal.recordedPolicyDocuments",
                "../policy/src/test/resources/aws-recordings/policy-documents.json"));
    List<Recorded> cases = new ArrayList<>();
    for (JsonNode row : new ObjectMapper().readTree(table.toFile())) {
      JsonNode aws = row.get("aws");
      cases.add(
          new Recorded(
              row.get("case").asText(),
              row.get("operation").asText(),
              row.get("document").asText(),
              aws.has("code") ? aws.get("code").asText() : null,
              aws.get("status").asInt(),
              aws.has("message") ? aws.get("message").asText() : null));
    }
    assertThat(cases).hasSize(132);
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void answersAsAwsDid(Recorded c) throws Throwable {
    ThrowingCallable call =
        switch (c.operation()) {
          case "CreatePolicy" ->
              () -> iam.createPolicy(r -> r.policyName("test-policy").policyDocument(c.document()));
          case "UpdateAssumeRolePolicy" -> {
            iam.createRole(r -> r.roleName("role").assumeRolePolicyDocument(TRUST_POLICY));
            yield () ->
                iam.updateAssumeRolePolicy(r -> r.roleName("role").policyDocument(c.document()));
          }
          default -> throw new IllegalArgumentException("not replayed: " + c.operation());
        };
    if (c.code() == null) {
      call.call();
    } else {
      expect(call, c.code(), c.status(), c.message());
    }
  }
}
