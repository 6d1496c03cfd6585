package io.pathtrack.results;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** results-service: ingests, validates and classifies pathology reports. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ResultsServiceApplication {

  /** The application with its own configuration file, {@code results-service.yaml}, so it can share a JVM. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(ResultsServiceApplication.class)
        .properties("spring.config.name=results-service");
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
