package io.iamlocal.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.IamLocal;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;

/** {@code @IamLocalTest(enforce = false)} lets a user without policies call anything. */
@IamLocalTest(enforce = false)
class EnforceSettingTest {

  private static IamClient clientOf(URI endpoint, AccessKey key) {
    return IamClient.builder()
        .endpointOverride(endpoint)
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
        .build();
  }

  private static AccessKey userWithoutPolicies(IamClient root) {
    root.createUser(r -> r.userName("nopolicies"));
    return root.createAccessKey(r -> r.userName("nopolicies")).accessKey();
  }

  @Test
  void userWithoutPoliciesIsAllowed(@IamLocalEndpoint URI endpoint, IamClient iam) {
    try (IamClient user = clientOf(endpoint, userWithoutPolicies(iam))) {
      assertThat(user.listUsers().users())
          .extracting(u -> u.userName())
          .containsExactly("nopolicies");
    }
  }

  @Test
  void enforcedByDefault() {
    try (IamLocal enforced = IamLocal.builder().port(0).start();
        IamClient root =
            clientOf(
                enforced.endpoint(),
                AccessKey.builder().accessKeyId("test").secretAccessKey("test").build());
        IamClient user = clientOf(enforced.endpoint(), userWithoutPolicies(root))) {
      assertThatThrownBy(user::listUsers)
          .isInstanceOf(IamException.class)
          .satisfies(
              e ->
                  assertThat(((IamException) e).awsErrorDetails().errorCode())
                      .isEqualTo("AccessDenied"));
    }
  }
}
