package io.pathtrack.guard.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring MVC endpoint anyone may call without a token: it serves nothing about a patient (an error page, a
 * sign-in page). Each use says why in {@link #value()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OpenEndpoint {
  /** Why no token is needed. */
  String value();
}
