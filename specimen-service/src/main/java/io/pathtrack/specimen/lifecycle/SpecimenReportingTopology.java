package io.pathtrack.specimen.lifecycle;

import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.contract.streams.ClassifiedEventReader;
import io.pathtrack.contract.streams.EventWriter;
import io.pathtrack.specimen.SpecimenProperties;
import java.time.Clock;
import java.util.function.BiFunction;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kafka Streams: a final classified report marks its specimen reported. Input 0 is
 * {@code pathology.reports.classified}, input 1 the specimen table ({@code pathology.specimens},
 * materialized as {@value #STORE}); the output, a specimen.reported event, goes back to
 * {@code pathology.specimens}, so the table always holds each specimen's latest state.
 */
@Configuration
public class SpecimenReportingTopology {
  /** The state store of the specimen table, queried by the REST API. */
  public static final String STORE = "specimen-store";

  @Bean
  public BiFunction<KStream<String, String>, KTable<String, String>, KStream<String, String>> specimenReports(
      Clock clock, SpecimenProperties properties) {
    String source = properties.source().toString();
    return (classified, specimens) -> classified
        .processValues(ClassifiedEventReader::new)
        .filter((accession, event) -> event != null && event.isFinal())
        .join(specimens, (event, specimenJson) -> SpecimenLifecycle
            .reported(SpecimenOrders.parse(specimenJson), event)
            .orElse(null))
        .filter((accession, specimen) -> specimen != null)
        .processValues(() -> new EventWriter<Specimen>(
            (accession, specimen) -> SpecimenEvents.headers(EventTypes.SPECIMEN_REPORTED, source, accession, specimen, clock.instant()),
            specimen -> Fhir.json().encodeResourceToString(specimen)));
  }
}
