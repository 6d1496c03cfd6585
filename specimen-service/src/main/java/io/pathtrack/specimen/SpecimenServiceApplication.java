package io.pathtrack.specimen;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** specimen-service: tracks every specimen by accession from order to final report. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpecimenServiceApplication {

  /** The application with its own configuration file, {@code specimen-service.yaml}, so it can share a JVM. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(SpecimenServiceApplication.class)
        .properties("spring.config.name=specimen-service");
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
