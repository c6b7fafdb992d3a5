package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;

class CredentialReportIT extends WireTest {
  private static final List<String> COLUMNS =
      List.of(
          "user",
          "arn",
          "user_creation_time",
          "password_enabled",
          "password_last_used",
          "password_last_changed",
          "password_next_rotation",
          "mfa_active",
          "access_key_1_active",
          "access_key_1_last_rotated",
          "access_key_1_last_used_date",
          "access_key_1_last_used_region",
          "access_key_1_last_used_service",
          "access_key_2_active",
          "access_key_2_last_rotated",
          "access_key_2_last_used_date",
          "access_key_2_last_used_region",
          "access_key_2_last_used_service",
          "cert_1_active",
          "cert_1_last_rotated",
          "cert_2_active",
          "cert_2_last_rotated");

  @Test
  void reportIsNotPresentUntilGenerated() {
    IamException e = catchThrowableOfType(() -> iam.getCredentialReport(), IamException.class);
    assertThat(e.statusCode()).isEqualTo(410);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent");
  }

  @Test
  void generateAnswersStartedThenComplete() {
    GenerateCredentialReportResponse first = iam.generateCredentialReport();
    assertThat(first.state()).isEqualTo(ReportStateType.STARTED);
    assertThat(first.description())
        .isEqualTo("No report exists. Starting a new report generation task");
    GenerateCredentialReportResponse second = iam.generateCredentialReport();
    assertThat(second.state()).isEqualTo(ReportStateType.COMPLETE);
    assertThat(second.description()).isNull();
  }

  @Test
  void reportIsACsvWithAwsColumns() {
    var key = userWithKey("alice");
    allow("alice", "iam:GetUser");
    iam.createLoginProfile(r -> r.userName("alice").password("Console-Pass-1"));
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).maxPasswordAge(90));
    iam.createUser(r -> r.userName("bob"));
    try (IamClient asAlice = Clients.iam(endpoint(), credentialsOf(key))) {
      asAlice.getUser();
    }
    iam.generateCredentialReport();
    GetCredentialReportResponse report = iam.getCredentialReport();
    assertThat(report.reportFormat()).isEqualTo(ReportFormatType.TEXT_CSV);
    assertThat(report.generatedTime()).isNotNull();

    String[] lines = report.content().asString(StandardCharsets.UTF_8).split("\n");
    assertThat(List.of(lines[0].split(","))).isEqualTo(COLUMNS);
    assertThat(lines).hasSize(4);
    Map<String, String> root = row(lines[1]);
    assertThat(root.get("user")).isEqualTo("<root_account>");
    assertThat(root.get("arn")).isEqualTo("arn:aws:iam::123456789012:root");
    assertThat(root.get("password_enabled")).isEqualTo("not_supported");
    assertThat(root.get("access_key_1_active"))
        .isEqualTo("true"); // the configured root key signed these calls
    assertThat(root.get("access_key_1_last_used_service")).isEqualTo("iam");

    Map<String, String> alice = row(lines[2]);
    assertThat(alice.get("user")).isEqualTo("alice");
    assertThat(alice.get("arn")).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(alice.get("user_creation_time"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    assertThat(alice.get("password_enabled")).isEqualTo("true");
    assertThat(alice.get("password_last_used")).isEqualTo("no_information");
    assertThat(alice.get("password_next_rotation")).isNotEqualTo("N/A");
    assertThat(alice.get("mfa_active")).isEqualTo("false");
    assertThat(alice.get("access_key_1_active")).isEqualTo("true");
    assertThat(alice.get("access_key_1_last_rotated")).isNotEqualTo("N/A");
    assertThat(alice.get("access_key_1_last_used_region"))
        .isEqualTo(
            iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()))
                .accessKeyLastUsed()
                .region());
    assertThat(alice.get("access_key_1_last_used_service")).isEqualTo("iam");
    assertThat(alice.get("access_key_2_active")).isEqualTo("false");
    assertThat(alice.get("access_key_2_last_rotated")).isEqualTo("N/A");
    assertThat(alice.get("cert_1_active")).isEqualTo("false");

    Map<String, String> bob = row(lines[3]);
    assertThat(bob.get("password_enabled")).isEqualTo("false");
    assertThat(bob.get("password_last_used")).isEqualTo("N/A");
    assertThat(bob.get("password_last_changed")).isEqualTo("N/A");
    assertThat(bob.get("access_key_1_active")).isEqualTo("false");
    assertThat(bob.get("access_key_1_last_used_date")).isEqualTo("N/A");
  }

  /**
   * The cert columns reflect the user's signing certificates: the first two in upload order, active
   * or not.
   */
  @Test
  void certColumnsReflectSigningCertificates() {
    iam.createUser(r -> r.userName("carol"));
    String first =
        TestCertificates.pem(
            TestCertificates.selfSigned(
                TestCertificates.rsa(2048), "carol-1", java.time.Duration.ofDays(30)));
    String second =
        TestCertificates.pem(
            TestCertificates.selfSigned(
                TestCertificates.rsa(2048), "carol-2", java.time.Duration.ofDays(30)));
    String firstId =
        iam.uploadSigningCertificate(r -> r.userName("carol").certificateBody(first))
            .certificate()
            .certificateId();
    iam.uploadSigningCertificate(r -> r.userName("carol").certificateBody(second));
    iam.updateSigningCertificate(
        r -> r.userName("carol").certificateId(firstId).status("Inactive"));
    iam.generateCredentialReport();
    String[] lines =
        iam.getCredentialReport().content().asString(StandardCharsets.UTF_8).split("\n");
    Map<String, String> carol = row(lines[2]);
    assertThat(carol.get("user")).isEqualTo("carol");
    assertThat(carol.get("cert_1_active")).isEqualTo("false");
    assertThat(carol.get("cert_1_last_rotated"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    assertThat(carol.get("cert_2_active")).isEqualTo("true");
    assertThat(carol.get("cert_2_last_rotated")).isNotEqualTo("N/A");
    assertThat(row(lines[1]).get("cert_1_active")).isEqualTo("false");
  }

  private static Map<String, String> row(String line) {
    String[] values = line.split(",", -1);
    assertThat(values).hasSize(COLUMNS.size());
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      out.put(COLUMNS.get(i), values[i]);
    }
    return out;
  }
}
