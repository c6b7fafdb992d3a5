package io.iamlocal.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnSyntaxChecksTest {

  /** The malformed ARNs AWS refused in AssumeRole (recorded), and well-formed ones it accepted. */
  @Test
  void anArnNeedsPartitionServiceAndResource() {
    assertThat(ArnSyntaxChecks.isArn("nothing-valid-in-here")).isFalse();
    assertThat(ArnSyntaxChecks.isArn("arn::b:::something/test-role")).isFalse();
    assertThat(ArnSyntaxChecks.isArn("arn:a::::something/test-role")).isFalse();
    assertThat(ArnSyntaxChecks.isArn("arn:a:::something/test-role")).isFalse();
    assertThat(ArnSyntaxChecks.isArn("arn:a:a::aaaaaaaaaa:")).isFalse();
    assertThat(ArnSyntaxChecks.isArn("longpolicynamebutnoarn")).isFalse();
    assertThat(ArnSyntaxChecks.isArn("arn:a:b:::something/test-role")).isTrue();
    assertThat(ArnSyntaxChecks.isArn("arn:aws:iam::123456789012:role/r")).isTrue();
    assertThat(
            ArnSyntaxChecks.isArn(
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
        .isTrue();
  }
}
