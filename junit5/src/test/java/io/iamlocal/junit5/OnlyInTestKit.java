package io.iamlocal.junit5;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Lets fixture classes run only when {@link ExtensionLifecycleTest} launches them. */
final class OnlyInTestKit implements ExecutionCondition {
  static final String PARAMETER = "iamlocal.fixtures";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
        ? ConditionEvaluationResult.enabled("launched by the test kit")
        : ConditionEvaluationResult.disabled("fixture: run through ExtensionLifecycleTest");
  }
}
