package io.pathtrack.guard.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of a Spring MVC endpoint: the SMART interaction it is, {@code Communication.s} (search),
 * {@code Communication.r} (read), {@code Communication.u} (update)… A caller needs a {@code user/} or
 * {@code system/} scope that covers it. An endpoint with no rule is refused to everyone (403), and a test
 * generated from the handler mappings fails the build.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
  /** {@code Resource.x}, x one of c r u d s. */
  String value();

  /**
   * Only a {@code system/} scope will do: the endpoint serves another instance of the same service (its share of
   * the Kafka Streams state, before any per-practitioner filter), never a person, whatever their scopes.
   */
  boolean systemOnly() default false;
}
