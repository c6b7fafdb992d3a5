package io.iamlocal.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.IamLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A server the test starts itself, published with {@code @DynamicPropertySource}. */
@SpringJUnitConfig(DynamicPropertySourceTest.Empty.class)
class DynamicPropertySourceTest {
  static final IamLocal IAM_LOCAL = IamLocal.builder().port(0).accountId("111122223333").start();

  @Configuration
  static class Empty {}

  @DynamicPropertySource
  static void iamLocal(DynamicPropertyRegistry registry) {
    IamLocalProperties.register(registry, IAM_LOCAL);
  }

  @AfterAll
  static void stop() {
    IAM_LOCAL.close();
  }

  @Autowired Environment environment;

  @Test
  void publishesSpringCloudAwsAndIamLocalProperties() {
    String endpoint = IAM_LOCAL.endpoint().toString();
    assertThat(environment.getProperty("spring.cloud.aws.endpoint")).isEqualTo(endpoint);
    assertThat(environment.getProperty("spring.cloud.aws.region.static")).isEqualTo("us-east-1");
    assertThat(environment.getProperty("spring.cloud.aws.credentials.access-key"))
        .isEqualTo("test");
    assertThat(environment.getProperty("spring.cloud.aws.credentials.secret-key"))
        .isEqualTo("test");
    assertThat(environment.getProperty("iamlocal.accountId")).isEqualTo("111122223333");
    assertThat(environment.getProperty("iamlocal.endpoint")).isEqualTo(endpoint);
  }
}
