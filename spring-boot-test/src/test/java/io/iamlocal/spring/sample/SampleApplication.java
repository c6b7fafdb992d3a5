package io.iamlocal.spring.sample;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A Spring Boot application as users write it: Spring Cloud AWS auto-configures its S3 client from
 * {@code spring.cloud.aws.*}, and the application builds an IAM client (Spring Cloud AWS has none)
 * from the same endpoint and Spring Cloud AWS's credentials provider.
 */
@SpringBootApplication
public class SampleApplication {
  @Bean(destroyMethod = "close")
  IamClient iamClient(
      @Value("${spring.cloud.aws.endpoint}") URI endpoint, AwsCredentialsProvider credentials) {
    return IamClient.builder()
        .endpointOverride(endpoint)
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(credentials)
        .build();
  }
}
