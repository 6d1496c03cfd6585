package io.pathtrack.notify;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** notify-service: tells the ordering physician about every classified result. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotifyServiceApplication {

  /** The application with its own configuration file, {@code notify-service.yaml}, so it can share a JVM. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(NotifyServiceApplication.class)
        .properties("spring.config.name=notify-service");
  }

  public static void main(String[] args) {
    builder().run(args);
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
