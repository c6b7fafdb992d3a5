package io.iamlocal.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.policy.document.PolicyVariables.Escaped;
import io.iamlocal.policy.document.PolicyVariables.Text;
import io.iamlocal.policy.document.PolicyVariables.Variable;
import org.junit.jupiter.api.Test;

class PolicyVariablesTest {

  @Test
  void splitsTextVariablesAndSpecialCharacters() {
    assertThat(PolicyVariables.parse("arn:aws:s3:::b/${aws:username}/${*}x${?}${$}"))
        .containsExactly(
            new Text("arn:aws:s3:::b/"),
            new Variable("aws:username", null),
            new Text("/"),
            new Escaped('*'),
            new Text("x"),
            new Escaped('?'),
            new Escaped('$'));
  }

  @Test
  void readsDefaultValues() {
    assertThat(PolicyVariables.parse("${aws:PrincipalTag/team, 'none'}"))
        .containsExactly(new Variable("aws:PrincipalTag/team", "none"));
    assertThat(PolicyVariables.parse("${aws:userid,'anonymous'}"))
        .containsExactly(new Variable("aws:userid", "anonymous"));
    assertThat(PolicyVariables.parse("${aws:userid, ''}"))
        .containsExactly(new Variable("aws:userid", ""));
  }

  @Test
  void malformedVariablesStayText() {
    assertThat(PolicyVariables.parse("a${}b")).containsExactly(new Text("a${}b"));
    assertThat(PolicyVariables.parse("a${x y}b")).containsExactly(new Text("a${x y}b"));
    assertThat(PolicyVariables.parse("a${unclosed")).containsExactly(new Text("a${unclosed"));
    assertThat(PolicyVariables.parse("")).isEmpty();
  }

  @Test
  void findsVariableKeys() {
    assertThat(PolicyVariables.variableKeys("${aws:username}-${ec2:SourceInstanceARN}-${*}"))
        .containsExactly("aws:username", "ec2:SourceInstanceARN");
    assertThat(PolicyVariables.containsVariable("x${*}")).isFalse();
    assertThat(PolicyVariables.containsVariable("x${aws:userid}")).isTrue();
    assertThat(PolicyVariables.containsVariable("plain")).isFalse();
  }
}
