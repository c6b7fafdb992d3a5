package io.iamlocal.policy.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustActionsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sts:AssumeRole",
        "STS:assumerole",
        "sts:AssumeRoleWith*",
        "sts:Tag?ession",
        "sts:*",
        "*",
        "sts:SetSourceIdentity",
        "sts:SetContext",
        "sts:AssumeRoleWithWebIdentity"
      })
  void rolesAssumptionActionsAndWildcardsCoveringOne(String action) {
    assertThat(TrustActions.allowed(action)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sts:InvalidAction",
        "sts:GetCallerIdentity",
        "s3:*",
        "sts:AssumeRole?",
        "sts:Assume",
        ""
      })
  void anythingElse(String action) {
    assertThat(TrustActions.allowed(action)).isFalse();
  }

  @Test
  @Timeout(2)
  void manyStarsStayCheap() {
    assertThat(TrustActions.allowed("sts:" + "*x".repeat(1000))).isFalse();
  }
}
