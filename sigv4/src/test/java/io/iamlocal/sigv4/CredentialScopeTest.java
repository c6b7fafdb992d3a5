package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialScopeTest {

  @Test
  void parsesAFullCredential() {
    CredentialScope scope =
        CredentialScope.parse("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request");

    assertThat(scope).isEqualTo(new CredentialScope("20150830", "us-east-1", "iam"));
    assertThat(scope.scopeString()).isEqualTo("20150830/us-east-1/iam/aws4_request");
  }

  @Test
  void rejectsMalformedCredentialsWithAwsStyleMessages() {
    assertThatThrownBy(
            () -> CredentialScope.parse("AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Credential should be scoped to a valid region, not 'us-east-1'.");
    assertThatThrownBy(() -> CredentialScope.parse("AKIDEXAMPLE/20150830/us-east-1/iam/aws4"))
        .hasMessage(
            "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4'.");
    assertThatThrownBy(() -> CredentialScope.parse("/20150830//iam/aws4_request"))
        .hasMessage(
            "Credential should start with an access key id. "
                + "Credential should be scoped to a valid region, not ''.");
  }
}
