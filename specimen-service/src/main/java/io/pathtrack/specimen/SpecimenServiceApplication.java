package io.pathtrack.specimen;

import io.pathtrack.guard.ServiceApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** specimen-service: tracks every specimen by accession from order to final report. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpecimenServiceApplication {

  /** The application with its own configuration file, {@code specimen-service.yaml}, so it can share a JVM. */
  public static SpringApplicationBuilder builder() {
    return ServiceApplications.builder(SpecimenServiceApplication.class, "specimen-service");
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
