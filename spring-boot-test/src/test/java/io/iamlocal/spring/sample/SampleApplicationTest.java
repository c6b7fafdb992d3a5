package io.iamlocal.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.IamLocal;
import io.iamlocal.spring.AutoConfigureIamLocal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A Spring Boot application's own AWS clients (its IAM client, Spring Cloud AWS's S3 client) reach
 * the test's server.
 */
@SpringBootTest
@AutoConfigureIamLocal
class SampleApplicationTest {
  @Autowired IamClient iam;
  @Autowired S3Client s3; // auto-configured by Spring Cloud AWS from spring.cloud.aws.*
  @Autowired IamLocal iamLocal;

  @Value("${iamlocal.endpoint}")
  String endpoint;

  @BeforeEach
  void reset() {
    iamLocal.reset();
  }

  @Test
  void theApplicationsIamClientTalksToIamLocal() {
    iam.createUser(r -> r.userName("alice"));
    assertThat(iam.listUsers().users()).extracting(u -> u.userName()).containsExactly("alice");
    assertThat(endpoint).isEqualTo(iamLocal.endpoint().toString()).startsWith("http://127.0.0.1:");
  }

  @Test
  void springCloudAwsS3ClientTalksToIamLocal() {
    s3.createBucket(r -> r.bucket("reports"));
    s3.putObject(r -> r.bucket("reports").key("a.txt"), RequestBody.fromString("hello"));
    assertThat(s3.getObjectAsBytes(r -> r.bucket("reports").key("a.txt")).asUtf8String())
        .isEqualTo("hello");
  }

  @Test
  void startsFromTheStateTheResetLeft() {
    assertThat(iam.listUsers().users()).isEmpty();
    assertThat(s3.listBuckets().buckets()).isEmpty();
  }
}
