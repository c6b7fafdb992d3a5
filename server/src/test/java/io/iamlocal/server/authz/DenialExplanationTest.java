package io.iamlocal.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.policy.evaluation.Decision;
import io.iamlocal.policy.evaluation.DenyReason;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.RequestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Denial explanations say when a request crossed accounts, and what AWS then requires. */
class DenialExplanationTest {
  private static final EvaluationResult NO_TRUST =
      new EvaluationResult(
          Decision.IMPLICIT_DENY, List.of(), List.of(), null, DenyReason.RESOURCE_POLICY);

  @Test
  void aCrossAccountDenialNamesBothAccounts() {
    RequestContext request =
        new RequestContext(
            "sts:AssumeRole",
            "arn:aws:iam::999999999999:role/UpdateApp",
            "arn:aws:iam::111111111111:user/David",
            null,
            Map.of("aws:ResourceAccount", List.of("999999999999")));
    assertThat(DenialExplanation.of(request, NO_TRUST, List.of()).reason())
        .isEqualTo(
            "no resource-based policy allows sts:AssumeRole on arn:aws:iam::999999999999:role/UpdateApp (cross-account: account "
                + "111111111111's identity-based policies and account 999999999999's resource-based policy must both allow it)");
  }

  @Test
  void aSameAccountDenialSaysNothingMore() {
    RequestContext request =
        new RequestContext(
            "sts:AssumeRole",
            "arn:aws:iam::111111111111:role/r",
            "arn:aws:iam::111111111111:user/David",
            null,
            Map.of("aws:ResourceAccount", List.of("111111111111")));
    assertThat(DenialExplanation.of(request, NO_TRUST, List.of()).reason())
        .isEqualTo(
            "no resource-based policy allows sts:AssumeRole on arn:aws:iam::111111111111:role/r");
  }
}
