package io.pathtrack.notify;

import io.pathtrack.guard.ServiceApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** notify-service: tells the ordering physician about every classified result. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotifyServiceApplication {

  /** The application with its own configuration file, {@code notify-service.yaml}, so it can share a JVM. */
  public static SpringApplicationBuilder builder() {
    return ServiceApplications.builder(NotifyServiceApplication.class, "notify-service");
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
