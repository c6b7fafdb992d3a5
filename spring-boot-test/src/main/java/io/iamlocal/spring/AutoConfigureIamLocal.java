package io.iamlocal.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test context (e.g. a {@code @SpringBootTest}) its own in-process IAMLocal server
 * on a free port, started with the context and stopped when the context closes. The context gets:
 *
 * <ul>
 *   <li>the properties Spring Cloud AWS reads ({@code spring.cloud.aws.endpoint}, {@code
 *       spring.cloud.aws.region.static}, {@code spring.cloud.aws.credentials.access-key} and {@code
 *       secret-key}, {@code spring.cloud.aws.s3.path-style-access-enabled}), so its auto-configured
 *       AWS SDK clients talk to the server;
 *   <li>{@code iamlocal.endpoint}, {@code iamlocal.accessKeyId}, {@code iamlocal.secretAccessKey},
 *       {@code iamlocal.region} and {@code iamlocal.accountId} for {@code @Value} and your own
 *       beans;
 *   <li>the {@link io.iamlocal.server.IamLocal} itself as a bean ({@code reset()} between tests).
 * </ul>
 *
 * <p>Contexts are cached as usual: test classes with the same configuration share one server.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AutoConfigureIamLocal {
  /**
   * The 12-digit account ID used in ARNs.
   *
   * @return {@code 123456789012} by default
   */
  String accountId() default "123456789012";

  /**
   * The root user's access key ID, which the published credentials are.
   *
   * @return {@code test} by default
   */
  String accessKeyId() default "test";

  /**
   * The root user's secret access key.
   *
   * @return {@code test} by default
   */
  String secretAccessKey() default "test";

  /**
   * The region the server reports and {@code spring.cloud.aws.region.static} names.
   *
   * @return {@code us-east-1} by default
   */
  String region() default "us-east-1";

  /**
   * Whether IAM policies are enforced for non-root callers.
   *
   * @return true by default
   */
  boolean enforce() default true;
}
