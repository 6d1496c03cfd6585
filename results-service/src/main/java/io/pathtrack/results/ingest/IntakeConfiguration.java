package io.pathtrack.results.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pathtrack.results.ResultsProperties;
import java.util.concurrent.TimeUnit;
import io.pathtrack.results.classification.OutcomeClassifier;
import io.pathtrack.results.validation.ReportValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IntakeConfiguration {

  @Bean
  PayloadGuard payloadGuard(ResultsProperties properties) {
    return new PayloadGuard(properties.maxReportSize().toBytes());
  }

  @Bean
  ReportIntake reportIntake(PayloadGuard guard, ResultsProperties properties, MeterRegistry meters) {
    Timer classification = Timer.builder("pathtrack.reports.classification")
        .description("Time to classify one report")
        .register(meters);
    // The classifier compiles its rule tables once (a few hundred ms) and is then shared by every thread.
    return new ReportIntake(new ReportReader(guard), new ReportValidator(properties.accessionIdentifierSystems()),
        new OutcomeClassifier(), nanos -> classification.record(nanos, TimeUnit.NANOSECONDS));
  }
}
