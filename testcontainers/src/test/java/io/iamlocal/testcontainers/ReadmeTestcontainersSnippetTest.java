package io.iamlocal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.sts.StsClient;

/** The README's Testcontainers snippet, as written, with the default image name. */
@RequiresIamLocalImage
@Testcontainers
class ReadmeTestcontainersSnippetTest {
  private static final String SNIPPET =
      """
      @Container
      static IamLocalContainer iamLocal = new IamLocalContainer().withAccountId("111122223333");
      // iamLocal.getEndpoint(), iamLocal.getAccessKeyId(), iamLocal.getSecretAccessKey()
      """;

  @Container
  static IamLocalContainer iamLocal = new IamLocalContainer().withAccountId("111122223333");

  @Test
  void theReadmeShowsThisSnippet() throws Exception {
    assertThat(Files.readString(Path.of(System.getProperty("iamlocal.readme", "../README.md"))))
        .contains(SNIPPET);
  }

  @Test
  void theSnippetsContainerAnswersForItsAccount() {
    try (StsClient sts =
        Clients.sts(
            iamLocal.getEndpoint(), iamLocal.getAccessKeyId(), iamLocal.getSecretAccessKey())) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:root");
    }
  }
}
