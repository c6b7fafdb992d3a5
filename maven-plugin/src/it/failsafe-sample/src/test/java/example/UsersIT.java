package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

class UsersIT {
  @Test
  void reachesTheServerThroughTheIamlocalProperties() {
    String endpoint = System.getProperty("iamlocal.endpoint");
    assertTrue(endpoint.matches("http://127\\.0\\.0\\.1:\\d+"), endpoint);
    assertTrue(Integer.parseInt(System.getProperty("iamlocal.port")) > 0);
    try (IamClient iam =
        IamClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.AWS_GLOBAL)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        System.getProperty("iamlocal.accessKeyId"),
                        System.getProperty("iamlocal.secretAccessKey"))))
            .build()) {
      iam.createUser(r -> r.userName("alice"));
      assertEquals("alice", iam.getUser(r -> r.userName("alice")).user().userName());
    }
  }

  @Test
  void aDefaultSdkClientNeedsNoConfiguration() {
    // aws.endpointUrl, aws.accessKeyId, aws.secretAccessKey and aws.region come from
    // iamlocal:start.
    try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL).build()) {
      iam.createUser(r -> r.userName("bob"));
      assertTrue(iam.listUsers().users().stream().anyMatch(u -> u.userName().equals("bob")));
    }
    assertEquals(System.getProperty("iamlocal.endpoint"), System.getenv("AWS_ENDPOINT_URL"));
  }
}
