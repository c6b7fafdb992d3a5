package io.iamlocal.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The README's "Use it from Java tests" example, verbatim, so it keeps compiling and passing. */
@IamLocalTest(resetBetweenTests = true)            // one server for the class, wiped before each test
class ReadmeExampleTest {
  @Test
  void createsUsers(IamClient iam, StsClient sts) {  // AWS SDK v2 clients signed as the root user
    iam.createUser(r -> r.userName("alice"));
    assertThat(iam.listUsers().users()).hasSize(1);
    assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
  }

  @Test
  void startsFromAnEmptyAccount(IamClient iam) {
    iam.createUser(r -> r.userName("alice"));
    assertThat(iam.listUsers().users()).hasSize(1);
  }
}
