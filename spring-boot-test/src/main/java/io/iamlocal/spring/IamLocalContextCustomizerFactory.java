package io.iamlocal.spring;

import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Registered in {@code META-INF/spring.factories}: acts on test classes with {@link
 * AutoConfigureIamLocal}.
 */
public final class IamLocalContextCustomizerFactory implements ContextCustomizerFactory {
  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    AutoConfigureIamLocal settings =
        AnnotatedElementUtils.findMergedAnnotation(testClass, AutoConfigureIamLocal.class);
    return settings == null ? null : new IamLocalContextCustomizer(settings);
  }
}
