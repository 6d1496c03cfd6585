package io.pathtrack.specimen.lifecycle;

import io.pathtrack.contract.ProcedureTypes;
import io.pathtrack.contract.Topics;
import io.pathtrack.contract.serde.Deferred;
import io.pathtrack.contract.serde.FhirSerde;
import io.pathtrack.contract.streams.RoutedRecord;
import io.pathtrack.contract.streams.StateStores;
import io.pathtrack.specimen.SpecimenProperties;
import io.pathtrack.specimen.concordance.ConcordancePolicy;
import io.pathtrack.specimen.concordance.ConcordanceProperties;
import io.pathtrack.specimen.domain.SlaClock;
import io.pathtrack.specimen.domain.SpecimenRecord;
import io.pathtrack.specimen.sla.SlaMetrics;
import io.pathtrack.specimen.sla.FollowUpProperties;
import io.pathtrack.specimen.sla.SlaProperties;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kafka Streams, exactly once: input 0 is {@link io.pathtrack.contract.Topics#REPORTS_CLASSIFIED}, input 1
 * {@link io.pathtrack.contract.Topics#SPECIMENS}; output 0 goes back to {@link io.pathtrack.contract.Topics#SPECIMENS}, output 1 to
 * {@link io.pathtrack.contract.Topics#SLA_EVENTS}. See {@link SpecimenLifecycleProcessor}.
 */
@Configuration
public class SpecimenTopology {
  /** Accession → the specimen's record (latest Specimen, lifecycle, SLA plan and state, timeline). */
  public static final String RECORDS = "specimen-store";
  /** Due-time index: {@code <due millis>|<W|B>|<accession>} → accession. */
  public static final String TIMERS = "sla-timers";

  @Bean
  StoreBuilder<KeyValueStore<String, SpecimenRecord>> specimenRecordStore() {
    return StateStores.persistent(RECORDS, SpecimenRecords.SERDE);
  }

  @Bean
  StoreBuilder<KeyValueStore<String, String>> slaTimerStore() {
    return StateStores.dueIndex(TIMERS);
  }

  /** How classified reports are read: their body only when asked for (the binder picks a serde by the value type). */
  @Bean
  Serde<Deferred<DiagnosticReport>> classifiedReportSerde() {
    return FhirSerde.deferred(DiagnosticReport.class);
  }

  /** How specimen events are read. */
  @Bean
  Serde<Specimen> specimenSerde() {
    return Topics.SPECIMENS.serde();
  }

  @Bean
  SlaClock slaClock(SlaProperties sla) {
    return new SlaClock(sla.toPolicy(), sla.calendar().toCalendar());
  }

  @Bean
  ConcordancePolicy concordancePolicy(ConcordanceProperties concordance) {
    return concordance.toPolicy();
  }

  @Bean
  SpecimenRecords specimenRecords(SlaProperties sla) {
    return new SpecimenRecords(new ProcedureTypes(sla.snomedMap()));
  }

  @Bean
  @SuppressWarnings("unchecked")
  public BiFunction<KStream<String, Deferred<DiagnosticReport>>, KStream<String, Specimen>, KStream<String, String>[]>
      specimenLifecycle(
      SlaClock slaClock, SpecimenRecords records, SlaMetrics metrics, Clock clock, SlaProperties sla,
      SpecimenProperties properties, ConcordancePolicy concordance, FollowUpProperties followUps) {
    String source = properties.source().toString();
    return (classified, specimens) -> {
      KStream<String, LifecycleInput> inputs = classified
          .<LifecycleInput>mapValues(LifecycleInput.Report::new, Named.as("lifecycle-reports"))
          .merge(specimens.<LifecycleInput>mapValues(LifecycleInput.SpecimenEvent::new, Named.as("lifecycle-specimens")),
              Named.as("specimen-inputs"));
      Map<String, KStream<String, RoutedRecord<String>>> out = inputs
          .process(() -> new SpecimenLifecycleProcessor(slaClock, records, metrics, clock, sla.sweepInterval(), source,
              concordance, followUps.toFollowUps()),
              Named.as("specimen-lifecycle"), RECORDS, TIMERS)
          .split(Named.as("specimen-"))
          .branch((k, r) -> r.output() == SpecimenLifecycleProcessor.SPECIMENS, Branched.as("events"))
          .defaultBranch(Branched.as("sla"));
      return new KStream[] {
          out.get("specimen-events").processValues(RoutedRecord.Unwrap::new),
          out.get("specimen-sla").processValues(RoutedRecord.Unwrap::new)};
    };
  }
}
