package io.pathtrack.guard;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * What every PathTrack service application shares: started with a configuration file of its own name (so that the
 * local stack can run all three in one JVM, each reading only its own), and one {@link Clock} — the system's, in UTC,
 * unless a test or a caller provides another — for everything that asks what time it is.
 */
@AutoConfiguration
public class ServiceApplications {

  /** The application {@code application}, configured by {@code <name>.yaml} (e.g. notify-service). */
  public static SpringApplicationBuilder builder(Class<?> application, String name) {
    return new SpringApplicationBuilder(application).properties("spring.config.name=" + name);
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
