package io.iamlocal.policy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.policy.validation.PolicyKind;
import io.iamlocal.policy.validation.PolicySize;
import io.iamlocal.policy.validation.PolicyValidationException;
import io.iamlocal.policy.validation.PolicyValidator;
import io.iamlocal.policy.validation.ValidationOptions;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the policy document parser and validator with arbitrary text, for every policy kind: the
 * only acceptable failure is a {@link PolicyValidationException} carrying AWS's message, and a
 * document that validates always compiles for evaluation.
 */
class PolicyValidatorFuzzTest {
  private static final ValidationOptions SOME_PRINCIPALS_EXIST =
      new ValidationOptions(arn -> arn.hashCode() % 3 != 0);

  @FuzzTest(maxDuration = "60s")
  void parseAndValidate(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    assertThat(PolicySize.nonWhitespaceLength(json)).isBetween(0, json.length());
    for (PolicyKind kind : PolicyKind.values()) {
      try {
        PolicyDocument doc = PolicyValidator.parseAndValidate(json, kind, SOME_PRINCIPALS_EXIST);
        assertThat(doc.text()).isEqualTo(json);
        CompiledPolicy.compile(
            doc,
            "fuzz",
            kind == PolicyKind.IDENTITY ? PolicySourceType.USER : PolicySourceType.RESOURCE);
      } catch (PolicyValidationException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }
}
