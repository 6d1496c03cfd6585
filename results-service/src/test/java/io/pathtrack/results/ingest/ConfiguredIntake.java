package io.pathtrack.results.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pathtrack.results.ResultsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The ReportIntake results-service builds, from its own configuration file, for tests that need no Spring context. */
public final class ConfiguredIntake {
  private ConfiguredIntake() {}

  public static ReportIntake asConfigured() {
    ResultsProperties properties = properties();
    IntakeConfiguration configuration = new IntakeConfiguration();
    return configuration.reportIntake(configuration.payloadGuard(properties), properties, new SimpleMeterRegistry(),
        PublishLimits.forProducerLimit(io.pathtrack.contract.RecordSizes.MAX_RECORD_BYTES), java.time.Clock.systemUTC());
  }

  /** {@code pathtrack.results.*} as {@code results-service.yaml} sets it. */
  public static ResultsProperties properties() {
    try {
      var sources = new YamlPropertySourceLoader().load("results-service", new ClassPathResource("results-service.yaml"));
      return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("pathtrack.results", ResultsProperties.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
