package io.iamlocal.spring;

import io.iamlocal.server.IamLocal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Spring properties that point an application at an IAMLocal server. With a server you start
 * yourself, publish them from a {@code @DynamicPropertySource} method:
 *
 * <pre>{@code
 * static final IamLocal IAM_LOCAL = IamLocal.builder().port(0).start();
 *
 * @DynamicPropertySource
 * static void iamLocal(DynamicPropertyRegistry registry) {
 *   IamLocalProperties.register(registry, IAM_LOCAL);
 * }
 * }</pre>
 */
public final class IamLocalProperties {
  private IamLocalProperties() {}

  /**
   * The properties for a running server: Spring Cloud AWS's and IAMLocal's own.
   *
   * @param iamLocal a started server
   * @return property name to value, in a stable order
   */
  public static Map<String, Object> of(IamLocal iamLocal) {
    Map<String, Object> properties = new LinkedHashMap<>();
    String endpoint = iamLocal.endpoint().toString();
    properties.put("spring.cloud.aws.endpoint", endpoint);
    properties.put("spring.cloud.aws.region.static", iamLocal.region());
    properties.put("spring.cloud.aws.credentials.access-key", iamLocal.accessKeyId());
    properties.put("spring.cloud.aws.credentials.secret-key", iamLocal.secretAccessKey());
    // IAMLocal's S3 answers path-style requests (virtual hosts only under *.localhost).
    properties.put("spring.cloud.aws.s3.path-style-access-enabled", "true");
    properties.put("iamlocal.endpoint", endpoint);
    properties.put("iamlocal.accessKeyId", iamLocal.accessKeyId());
    properties.put("iamlocal.secretAccessKey", iamLocal.secretAccessKey());
    properties.put("iamlocal.region", iamLocal.region());
    properties.put("iamlocal.accountId", iamLocal.accountId());
    return properties;
  }

  /**
   * Adds {@link #of} to a {@code @DynamicPropertySource} registry.
   *
   * @param registry the registry Spring passes to the method
   * @param iamLocal a started server
   */
  public static void register(DynamicPropertyRegistry registry, IamLocal iamLocal) {
    of(iamLocal).forEach((name, value) -> registry.add(name, () -> value));
  }
}
