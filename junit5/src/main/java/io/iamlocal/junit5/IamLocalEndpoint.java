package io.iamlocal.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link java.net.URI} parameter that {@link IamLocalExtension} fills with the server's
 * endpoint, e.g. {@code @Test void t(@IamLocalEndpoint URI endpoint)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface IamLocalEndpoint {}
