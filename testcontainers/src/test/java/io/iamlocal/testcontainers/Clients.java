package io.iamlocal.testcontainers;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** AWS SDK clients for an IAMLocal endpoint; the caller closes them. */
final class Clients {
  private Clients() {}

  static IamClient iam(URI endpoint, String accessKeyId, String secretAccessKey) {
    return IamClient.builder()
        .endpointOverride(endpoint)
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(credentials(accessKeyId, secretAccessKey))
        .build();
  }

  static StsClient sts(URI endpoint, String accessKeyId, String secretAccessKey) {
    return StsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(accessKeyId, secretAccessKey))
        .build();
  }

  private static StaticCredentialsProvider credentials(String accessKeyId, String secretAccessKey) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(accessKeyId, secretAccessKey));
  }
}
