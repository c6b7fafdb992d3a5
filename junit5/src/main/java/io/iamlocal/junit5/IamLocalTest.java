package io.iamlocal.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against an in-process IAMLocal server started on a free port. Test
 * and lifecycle methods receive it as parameters:
 *
 * <ul>
 *   <li>{@link io.iamlocal.server.IamLocal} — the server (endpoint, root credentials, reset);
 *   <li>{@code @}{@link IamLocalEndpoint} {@link java.net.URI} — its endpoint;
 *   <li>{@link io.iamlocal.server.IamLocal.Credentials} — the root user's keys;
 *   <li>{@code software.amazon.awssdk.services.iam.IamClient} and {@code ...sts.StsClient} — when
 *       the AWS SDK for Java v2 is on the classpath: clients signed with the root credentials,
 *       without retries, closed after the test.
 * </ul>
 *
 * <pre>{@code
 * @IamLocalTest(resetBetweenTests = true)
 * class UserServiceTest {
 *   @Test
 *   void createsUsers(IamClient iam) {
 *     iam.createUser(r -> r.userName("alice"));
 *     assertThat(iam.listUsers().users()).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * <p>For programmatic configuration (clock, request log…) register an {@link IamLocalExtension}
 * built with {@link IamLocalExtension#builder()} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(IamLocalExtension.class)
public @interface IamLocalTest {

  /**
   * Whether the class shares one server or each test gets its own.
   *
   * @return {@link ServerLifecycle#PER_CLASS} by default
   */
  ServerLifecycle lifecycle() default ServerLifecycle.PER_CLASS;

  /**
   * Whether to wipe the server's state before each test (with a per-class server). Not allowed with
   * tests of the class running concurrently: use {@link ServerLifecycle#PER_METHOD} there.
   *
   * @return false by default
   */
  boolean resetBetweenTests() default false;

  /**
   * The 12-digit account ID used in ARNs.
   *
   * @return {@code 123456789012} by default
   */
  String accountId() default "123456789012";

  /**
   * The root user's access key ID.
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
   * The region the server reports, and that injected STS clients use.
   *
   * @return {@code us-east-1} by default
   */
  String region() default "us-east-1";

  /**
   * Whether IAM policies are enforced for non-root callers; false allows every authenticated call
   * (the CLI's {@code --no-enforce}).
   *
   * @return true by default
   */
  boolean enforce() default true;
}
