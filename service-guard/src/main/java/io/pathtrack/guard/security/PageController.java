package io.pathtrack.guard.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller that serves pages for people (signed in through {@link PageSignIn}): its refusals are answered as
 * pages too ({@link PageErrorAnswers}), with the service's {@code pages/problem} template.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PageController {}
