package io.iamlocal.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.IamLocal;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code @IamLocalTest} with its settings, and every parameter type it injects. */
@IamLocalTest(
    accountId = "111122223333",
    accessKeyId = "AKIDJUNIT",
    secretAccessKey = "junit-secret",
    region = "eu-west-1")
class AnnotationInjectionTest {
  private static IamLocal seenInBeforeAll;

  @BeforeAll
  static void seed(IamLocal iamLocal, IamClient iam) {
    seenInBeforeAll = iamLocal;
    iam.createUser(r -> r.userName("seeded"));
  }

  @Test
  void injectsTheServerItsEndpointAndCredentials(
      IamLocal iamLocal, @IamLocalEndpoint URI endpoint, IamLocal.Credentials credentials) {
    assertThat(iamLocal).isSameAs(seenInBeforeAll);
    assertThat(iamLocal.isRunning()).isTrue();
    assertThat(endpoint).isEqualTo(iamLocal.endpoint());
    assertThat(endpoint.getPort()).isEqualTo(iamLocal.port()).isNotEqualTo(4566);
    assertThat(credentials).isEqualTo(new IamLocal.Credentials("AKIDJUNIT", "junit-secret"));
    assertThat(iamLocal.accountId()).isEqualTo("111122223333");
    assertThat(iamLocal.region()).isEqualTo("eu-west-1");
  }

  @Test
  void injectsSdkClientsSignedAsRoot(IamClient iam, StsClient sts) {
    assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:root");
    assertThat(sts.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
    assertThat(iam.getUser(r -> r.userName("seeded")).user().arn())
        .isEqualTo("arn:aws:iam::111122223333:user/seeded");
  }

  @Test
  void oneClientPerTestAndType(IamClient first, IamClient second, StsClient sts) {
    assertThat(first).isSameAs(second);
    assertThat((Object) sts).isNotSameAs(first);
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheOuterServer(IamLocal iamLocal, IamClient iam) {
      assertThat(iamLocal).isSameAs(seenInBeforeAll);
      assertThat(iam.getUser(r -> r.userName("seeded")).user().userName()).isEqualTo("seeded");
    }
  }
}
