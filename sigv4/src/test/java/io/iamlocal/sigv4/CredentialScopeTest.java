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

  @Test
  void aScopeSeenBeforeIsReusedOnlyForTheSameText() throws AuthParseException {
    CredentialScope.Credential first =
        CredentialScope.Credential.parse("AKIDONE/20150830/us-east-1/iam/aws4_request");
    CredentialScope.Credential again =
        CredentialScope.Credential.parse("AKIDTWO/20150830/us-east-1/iam/aws4_request");
    CredentialScope.Credential sts =
        CredentialScope.Credential.parse("AKIDTWO/20150830/us-east-1/sts/aws4_request");

    assertThat(again.accessKeyId()).isEqualTo("AKIDTWO");
    assertThat(again.scope()).isSameAs(first.scope());
    assertThat(sts.scope()).isEqualTo(new CredentialScope("20150830", "us-east-1", "sts"));
    assertThatThrownBy(() -> CredentialScope.parse("AKIDTWO/20150830/us-east-1/iam/aws4_request/"))
        .hasMessageStartingWith("Credential should be scoped to a valid region");
    assertThatThrownBy(() -> CredentialScope.parse("/20150830/us-east-1/iam/aws4_request"))
        .hasMessage("Credential should start with an access key id.");
  }

  @Test
  void aCredentialIsReadWhereItStandsInTheHeader() throws AuthParseException {
    String header = "Credential=AKIDTHREE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host";
    int from = header.indexOf('=') + 1;
    int to = header.indexOf(',');
    CredentialScope.Credential.parse("AKIDONE/20150830/us-east-1/iam/aws4_request");

    CredentialScope.Credential known = CredentialScope.Credential.parse(header, from, to);
    CredentialScope.Credential unknown =
        CredentialScope.Credential.parse("x AKIDFOUR/20150831/eu-west-1/sts/aws4_request y", 2, 46);

    assertThat(known.accessKeyId()).isEqualTo("AKIDTHREE");
    assertThat(known.scope()).isEqualTo(new CredentialScope("20150830", "us-east-1", "iam"));
    assertThat(unknown.accessKeyId()).isEqualTo("AKIDFOUR");
    assertThat(unknown.scope()).isEqualTo(new CredentialScope("20150831", "eu-west-1", "sts"));
    assertThatThrownBy(() -> CredentialScope.Credential.parse(header, from, to - 1))
        .hasMessageStartingWith("Credential should be scoped with a valid terminator");
  }
}
