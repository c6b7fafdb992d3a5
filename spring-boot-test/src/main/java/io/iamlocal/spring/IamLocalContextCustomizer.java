package io.iamlocal.spring;

import io.iamlocal.server.IamLocal;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts one server for one test context and publishes it. Equal settings make equal customizers,
 * so Spring's context cache reuses the context, and with it the server.
 */
final class IamLocalContextCustomizer implements ContextCustomizer {
  static final String PROPERTY_SOURCE = "iamlocal";
  private final AutoConfigureIamLocal settings;

  IamLocalContextCustomizer(AutoConfigureIamLocal settings) {
    this.settings = settings;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration config) {
    IamLocal iamLocal =
        IamLocal.builder()
            .port(0)
            .accountId(settings.accountId())
            .rootCredentials(settings.accessKeyId(), settings.secretAccessKey())
            .region(settings.region())
            .enforce(settings.enforce())
            .start();
    // First, so the server wins over application.properties, as @DynamicPropertySource values do.
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource(PROPERTY_SOURCE, IamLocalProperties.of(iamLocal)));
    context.getBeanFactory().registerSingleton("iamLocal", iamLocal);
    context.addApplicationListener(
        (ApplicationListener<ContextClosedEvent>)
            event -> {
              if (event.getApplicationContext() == context) {
                iamLocal.close();
              }
            });
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IamLocalContextCustomizer that && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }
}
