package io.iamlocal.policy.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicySizeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"{}|2", "{ \"a\" : \"b c\" }|10", "''|0"})
  void countsNonWhitespaceCharacters(String json, int expected) {
    assertThat(PolicySize.nonWhitespaceLength(json)).isEqualTo(expected);
  }

  @Test
  void tabsAndNewlinesDoNotCount() {
    assertThat(PolicySize.nonWhitespaceLength("{\n\t\"Version\":\r\n \"2012-10-17\"\n}"))
        .isEqualTo(24);
  }

  @Test
  void exceedsComparesAgainstTheLimit() {
    String exactly = "x".repeat(PolicySize.MANAGED_POLICY_MAX) + "   \n";
    assertThat(PolicySize.exceeds(exactly, PolicySize.MANAGED_POLICY_MAX)).isFalse();
    assertThat(PolicySize.exceeds(exactly + "y", PolicySize.MANAGED_POLICY_MAX)).isTrue();
    assertThat(PolicySize.TRUST_POLICY_DEFAULT_MAX).isEqualTo(2048);
    assertThat(PolicySize.USER_INLINE_AGGREGATE_MAX).isEqualTo(2048);
    assertThat(PolicySize.GROUP_INLINE_AGGREGATE_MAX).isEqualTo(5120);
    assertThat(PolicySize.ROLE_INLINE_AGGREGATE_MAX).isEqualTo(10240);
  }
}
