package io.iamlocal.server.trail;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.authz.EnforcementMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallChecksTest {
  private static void check(String action, boolean allowed) {
    CallChecks.record(EnforcementMode.STRICT, action, "*", allowed, true, Map.of());
  }

  @Test
  void aCallsChecksComeBackInOrderWhateverTheirNumber() {
    CallChecks.begin();
    assertThat(CallChecks.end()).isEmpty();

    CallChecks.begin();
    check("iam:GetUser", true);
    assertThat(CallChecks.end())
        .extracting(AuthorizationCheck::action)
        .containsExactly("iam:GetUser");

    CallChecks.begin();
    check("iam:CreateUser", true);
    check("iam:TagUser", false);
    check("iam:PassRole", true);
    assertThat(CallChecks.end())
        .extracting(AuthorizationCheck::action)
        .containsExactly("iam:CreateUser", "iam:TagUser", "iam:PassRole");

    CallChecks.begin();
    assertThat(CallChecks.end()).as("nothing left from the call before").isEmpty();
  }

  @Test
  void outsideACallNothingIsCollected() {
    check("iam:GetUser", true);
    CallChecks.begin();
    assertThat(CallChecks.end()).isEmpty();
  }
}
