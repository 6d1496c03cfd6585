package io.pathtrack.results;

import io.pathtrack.guard.ServiceApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** results-service: ingests, validates and classifies pathology reports. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ResultsServiceApplication {

  /** The application with its own configuration file, {@code results-service.yaml}, so it can share a JVM. */
  public static SpringApplicationBuilder builder() {
    return ServiceApplications.builder(ResultsServiceApplication.class, "results-service");
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
