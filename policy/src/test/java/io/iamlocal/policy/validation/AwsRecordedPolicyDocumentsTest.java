package io.iamlocal.policy.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy document of the real-AWS recordings (test resource {@code
 * aws-recordings/policy-documents.json}, see the NOTICE beside it) is accepted or refused by the
 * validator exactly as IAM answered, message included. The wire test {@code
 * RecordedPolicyDocumentsIT} replays the same table through the server.
 */
class AwsRecordedPolicyDocumentsTest {

  /**
   * One recorded call: the operation, the document sent and AWS's answer (null message = accepted).
   */
  record RecordedCase(String name, String operation, String document, String awsMessage) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<RecordedCase> cases() throws IOException {
    try (InputStream in =
        AwsRecordedPolicyDocumentsTest.class.getResourceAsStream(
            "/aws-recordings/policy-documents.json")) {
      List<RecordedCase> cases = new ArrayList<>();
      for (JsonNode row : new ObjectMapper().readTree(in)) {
        JsonNode aws = row.get("aws");
        cases.add(
            new RecordedCase(
                row.get("case").asText(),
                row.get("operation").asText(),
                row.get("document").asText(),
                aws.has("message") ? aws.get("message").asText() : null));
      }
      return cases;
    }
  }

  /**
   * The validator's verdict as AWS words it: null when accepted, else the MalformedPolicyDocument
   * message.
   */
  static String verdict(RecordedCase c) {
    try {
      PolicyValidator.parseAndValidate(c.document(), kindOf(c.operation()));
      return null;
    } catch (PolicyValidationException e) {
      return e.getMessage();
    }
  }

  private static PolicyKind kindOf(String operation) {
    return switch (operation) {
      case "CreatePolicy", "CreatePolicyVersion" -> PolicyKind.MANAGED;
      case "CreateRole", "UpdateAssumeRolePolicy" -> PolicyKind.TRUST;
      default -> throw new IllegalArgumentException("no policy kind for " + operation);
    };
  }

  static Stream<RecordedCase> recorded() throws IOException {
    return cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void answersAsAwsDid(RecordedCase c) {
    assertThat(verdict(c)).as(c.document()).isEqualTo(c.awsMessage());
  }

  @Test
  void tableHoldsEveryRecordedDocument() throws IOException {
    List<RecordedCase> cases = cases();
    assertThat(cases).hasSize(132);
    long reproduced =
        cases.stream().filter(c -> java.util.Objects.equals(verdict(c), c.awsMessage())).count();
    System.out.println(
        reproduced + " of " + cases.size() + " recorded policy documents judged as AWS did");
  }
}
