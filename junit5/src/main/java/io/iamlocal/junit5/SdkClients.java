package io.iamlocal.junit5;

import io.iamlocal.server.IamLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AWS SDK v2 clients for a server. Each service is a separate class so that it loads only when its
 * SDK module is on the classpath; nothing here is touched without the SDK.
 */
final class SdkClients {
  private SdkClients() {}

  static StaticCredentialsProvider credentials(IamLocal server) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(server.accessKeyId(), server.secretAccessKey()));
  }

  /** A local server has nothing to retry: fail fast and show the real error. */
  @SuppressWarnings("deprecation")
  static ClientOverrideConfiguration noRetries() {
    return ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build();
  }

  /** IAM clients: global region, as for AWS. */
  static final class Iam {
    private Iam() {}

    /** Declared as AutoCloseable so callers never name SDK types (they may be absent). */
    static AutoCloseable create(IamLocal server) {
      return IamClient.builder()
          .endpointOverride(server.endpoint())
          .region(Region.AWS_GLOBAL)
          .credentialsProvider(credentials(server))
          .overrideConfiguration(noRetries())
          .build();
    }
  }

  /** STS clients: the server's region. */
  static final class Sts {
    private Sts() {}

    /** Declared as AutoCloseable so callers never name SDK types (they may be absent). */
    static AutoCloseable create(IamLocal server) {
      return StsClient.builder()
          .endpointOverride(server.endpoint())
          .region(Region.of(server.region()))
          .credentialsProvider(credentials(server))
          .overrideConfiguration(noRetries())
          .build();
    }
  }
}
