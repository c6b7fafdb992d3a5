package io.iamlocal.testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated tests against a Docker engine and the IAMLocal image named by the {@value
 * IamLocalImageCondition#IMAGE_ENV} environment variable, which {@code .ci/run} sets after building
 * the image from this checkout. Without it they are skipped, saying so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(IamLocalImageCondition.class)
@interface RequiresIamLocalImage {}
