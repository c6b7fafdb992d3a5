package io.iamlocal.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessDeniedMessagesTest {

  private static final String USER = "arn:aws:iam::123456789012:user/alice";
  private static final String TARGET = "arn:aws:iam::123456789012:user/bob";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "IMPLICIT_DENY|IDENTITY_POLICY|because no identity-based policy allows the iam:CreateUser action",
        "IMPLICIT_DENY|PERMISSIONS_BOUNDARY|because no permissions boundary allows the iam:CreateUser action",
        "IMPLICIT_DENY|SESSION_POLICY|because no session policy allows the iam:CreateUser action",
        "IMPLICIT_DENY|RESOURCE_POLICY|because no resource-based policy allows the iam:CreateUser action",
        "EXPLICIT_DENY|IDENTITY_POLICY|with an explicit deny in an identity-based policy",
        "EXPLICIT_DENY|PERMISSIONS_BOUNDARY|with an explicit deny in a permissions boundary",
        "EXPLICIT_DENY|SESSION_POLICY|with an explicit deny in a session policy",
        "EXPLICIT_DENY|RESOURCE_POLICY|with an explicit deny in a resource-based policy"
      })
  void formatsAwsAccessDeniedText(Decision decision, DenyReason reason, String tail) {
    assertThat(AccessDeniedMessages.format(USER, "iam:CreateUser", TARGET, decision, reason))
        .isEqualTo(
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateUser"
                + " on resource: arn:aws:iam::123456789012:user/bob "
                + tail);
  }

  @Test
  void formatsFromAnEvaluationResult() {
    EvaluationResult r =
        PolicyEvaluator.evaluate(
            EvaluationInput.identityOnly(
                RequestContext.of("iam:CreateUser", TARGET, USER), List.of()));
    assertThat(AccessDeniedMessages.format(USER, "iam:CreateUser", TARGET, r))
        .isEqualTo(
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateUser on resource: "
                + "arn:aws:iam::123456789012:user/bob because no identity-based policy allows the iam:CreateUser action");
  }

  @Test
  void refusesAllowedResults() {
    assertThatThrownBy(
            () -> AccessDeniedMessages.format(USER, "iam:GetUser", TARGET, Decision.ALLOWED, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
