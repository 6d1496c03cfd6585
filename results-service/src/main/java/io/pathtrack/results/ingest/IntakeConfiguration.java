package io.pathtrack.results.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pathtrack.contract.RecordSizes;
import io.pathtrack.results.ResultsProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import io.pathtrack.results.classification.OutcomeClassifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IntakeConfiguration {

  @Bean
  PayloadGuard payloadGuard(ResultsProperties properties) {
    return new PayloadGuard(properties.maxReportSize().toBytes());
  }

  @Bean
  PublishLimits publishLimits(org.springframework.core.env.Environment environment) {
    return PublishLimits.forProducerLimit(environment.getProperty(PublishLimits.PRODUCER_LIMIT_PROPERTY, Long.class,
        (long) RecordSizes.MAX_RECORD_BYTES));
  }

  @Bean
  ReportIntake reportIntake(PayloadGuard guard, ResultsProperties properties, MeterRegistry meters, PublishLimits limits,
      Clock clock) {
    RecentAssessments recent = new RecentAssessments(properties.recentAssessments(), Duration.ofMinutes(2), clock);
    FunctionCounter.builder("pathtrack.reports.assessments.reused", recent, RecentAssessments::reused)
        .description("Reports written by REST or MLLP whose assessment the pipeline reused instead of classifying again")
        .register(meters);
    FunctionCounter.builder("pathtrack.reports.assessments.repeated", recent, RecentAssessments::missed)
        .description("Reports written by REST or MLLP that the pipeline had to assess again (not kept here)")
        .register(meters);
    Timer classification = Timer.builder("pathtrack.reports.classification")
        .description("Time to classify one report")
        .register(meters);
    // The classifier compiles its rule tables once (a few hundred ms) and is then shared by every thread.
    return new ReportIntake(new ReportReader(guard), new ReportValidator(properties.accessionIdentifierSystems()),
        new OutcomeClassifier(), nanos -> classification.record(nanos, TimeUnit.NANOSECONDS),
        limits.eventBytes(), recent);
  }
}
