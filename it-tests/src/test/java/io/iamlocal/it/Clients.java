package io.iamlocal.it;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** AWS SDK v2 clients pointed at IAMLocal, as a user would configure them. */
public final class Clients {
  private Clients() {}

  public static AwsCredentials root() {
    return AwsBasicCredentials.create("test", "test");
  }

  public static IamClient iam(URI endpoint, AwsCredentials credentials) {
    return iam(endpoint, credentials, Region.AWS_GLOBAL);
  }

  /**
   * An IAM client signing for {@code region}: its partition is the account's ({@code cn-north-1}:
   * aws-cn).
   */
  public static IamClient iam(URI endpoint, AwsCredentials credentials, Region region) {
    return IamClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }

  public static StsClient sts(URI endpoint, AwsCredentials credentials) {
    return sts(endpoint, credentials, Region.US_EAST_1);
  }

  /** An STS client signing for {@code region}. */
  public static StsClient sts(URI endpoint, AwsCredentials credentials, Region region) {
    return StsClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }
}
