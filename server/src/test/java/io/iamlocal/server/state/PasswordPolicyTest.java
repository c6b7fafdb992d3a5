package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private static final PasswordPolicy STRICT =
      new PasswordPolicy(12, true, true, true, true, true, 90, 2, false);

  @Test
  void eachRuleIsEnforced() {
    assertThatCode(() -> STRICT.checkComposition("Abcdefgh1!xy")).doesNotThrowAnyException();
    for (String bad :
        List.of("Abcdefgh1!x", "abcdefgh1!xy", "ABCDEFGH1!XY", "Abcdefghi!xy", "Abcdefgh12xy")) {
      assertThatThrownBy(() -> STRICT.checkComposition(bad))
          .isInstanceOf(AwsServiceException.class)
          .hasMessage("Password does not conform to the account password policy.")
          .extracting(e -> ((AwsServiceException) e).errorCode())
          .isEqualTo(AwsErrorCode.PASSWORD_POLICY_VIOLATION);
    }
  }

  @Test
  void defaultRulesNeedEightCharactersOfThreeClasses() {
    assertThatCode(() -> PasswordPolicy.checkDefault("abcdEFG1")).doesNotThrowAnyException();
    assertThatThrownBy(() -> PasswordPolicy.checkDefault("abcdEF1"))
        .isInstanceOf(AwsServiceException.class);
    assertThatThrownBy(() -> PasswordPolicy.checkDefault("abcdefgh1"))
        .isInstanceOf(AwsServiceException.class);
  }

  @Test
  void reusePreventionLooksAtTheLastNPasswordsOnly() {
    List<PasswordHash> history =
        List.of(
            PasswordHash.of("Newest-Pass-1!"),
            PasswordHash.of("Older-Pass-2!"),
            PasswordHash.of("Oldest-Pass-3!"));
    assertThatThrownBy(() -> STRICT.checkReuse("Older-Pass-2!", history))
        .isInstanceOf(AwsServiceException.class);
    assertThatCode(() -> STRICT.checkReuse("Oldest-Pass-3!", history)).doesNotThrowAnyException();
  }
}
