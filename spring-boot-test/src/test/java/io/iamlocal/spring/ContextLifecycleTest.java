package io.iamlocal.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.IamLocal;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One server per context: started with it, stopped when it closes; equal settings share a context.
 */
class ContextLifecycleTest {
  @AutoConfigureIamLocal(accountId = "444455556666", region = "eu-west-1")
  static class Custom {}

  @AutoConfigureIamLocal
  static class Defaults {}

  @AutoConfigureIamLocal
  static class AlsoDefaults {}

  @Configuration
  static class Empty {}

  private static IamLocalContextCustomizer customizerFor(Class<?> testClass) {
    return (IamLocalContextCustomizer)
        new IamLocalContextCustomizerFactory()
            .createContextCustomizer(testClass, java.util.List.of());
  }

  @Test
  void startsWithTheContextAndStopsWhenItCloses() {
    IamLocal iamLocal;
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      customizerFor(Custom.class).customizeContext(context, (MergedContextConfiguration) null);
      context.register(Empty.class);
      context.refresh();
      iamLocal = context.getBean(IamLocal.class);
      assertThat(iamLocal.isRunning()).isTrue();
      assertThat(iamLocal.accountId()).isEqualTo("444455556666");
      assertThat(context.getEnvironment().getProperty("spring.cloud.aws.region.static"))
          .isEqualTo("eu-west-1");
      assertThat(context.getEnvironment().getProperty("spring.cloud.aws.endpoint"))
          .isEqualTo("http://127.0.0.1:" + iamLocal.port());
    }
    assertThat(iamLocal.isRunning()).isFalse();
  }

  @Test
  void equalSettingsShareTheCachedContext() {
    assertThat(customizerFor(Defaults.class))
        .isEqualTo(customizerFor(AlsoDefaults.class))
        .hasSameHashCodeAs(customizerFor(AlsoDefaults.class))
        .isNotEqualTo(customizerFor(Custom.class));
  }

  @Test
  void ignoresClassesWithoutTheAnnotation() {
    assertThat(
            new IamLocalContextCustomizerFactory()
                .createContextCustomizer(Empty.class, java.util.List.of()))
        .isNull();
  }
}
