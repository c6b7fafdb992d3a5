package io.iamlocal.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.policy.document.ConditionOperator.Base;
import io.iamlocal.policy.document.ConditionOperator.SetQualifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionOperatorTest {

  @ParameterizedTest
  @CsvSource({
    "StringEquals, STRING_EQUALS, NONE, false",
    "StringNotLikeIfExists, STRING_NOT_LIKE, NONE, true",
    "ForAllValues:StringLike, STRING_LIKE, FOR_ALL_VALUES, false",
    "ForAnyValue:StringEqualsIgnoreCaseIfExists, STRING_EQUALS_IGNORE_CASE, FOR_ANY_VALUE, true",
    "NumericGreaterThanEquals, NUMERIC_GREATER_THAN_EQUALS, NONE, false",
    "DateLessThanIfExists, DATE_LESS_THAN, NONE, true",
    "Bool, BOOL, NONE, false",
    "BoolIfExists, BOOL, NONE, true",
    "BinaryEquals, BINARY_EQUALS, NONE, false",
    "NotIpAddress, NOT_IP_ADDRESS, NONE, false",
    "ArnNotLikeIfExists, ARN_NOT_LIKE, NONE, true",
    "Null, NULL, NONE, false",
    "stringequals, STRING_EQUALS, NONE, false"
  })
  void parsesOperators(String text, Base base, SetQualifier qualifier, boolean ifExists) {
    ConditionOperator op = ConditionOperator.parse(text);
    assertThat(op).isEqualTo(new ConditionOperator(text, base, qualifier, ifExists));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"StringEqual", "NullIfExists", "ForAllValue:StringLike", "IfExists", "", "Equals"})
  void rejectsUnknownOperators(String text) {
    assertThat(ConditionOperator.parse(text)).isNull();
  }
}
