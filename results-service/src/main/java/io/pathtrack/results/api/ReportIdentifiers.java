package io.pathtrack.results.api;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import io.pathtrack.results.amendment.ReportHistory;
import io.pathtrack.results.ingest.InboundReport;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.pipeline.ReportPipelineTopology;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Answers conditional creates ({@code If-None-Exist: identifier=system|value}): was a report with this
 * identifier accepted before? Looks in the pipeline's report history for the report's accession.
 */
@Component
class ReportIdentifiers {
  private final InteractiveQueryService queries;
  private final ReportIntake intake;

  ReportIdentifiers(InteractiveQueryService queries, ReportIntake intake) {
    this.queries = queries;
    this.intake = intake;
  }

  /** The id of the report already accepted, if there is one. */
  Optional<String> existing(DiagnosticReport report, String condition) {
    String query = URLDecoder.decode(condition.substring(condition.indexOf('?') + 1), StandardCharsets.UTF_8);
    if (!query.startsWith("identifier=")) {
      throw new InvalidRequestException("If-None-Exist supports identifier=system|value only, not: " + query);
    }
    String wanted = query.substring("identifier=".length());
    boolean named = report.getIdentifier().stream().anyMatch(id ->
        wanted.equals(id.getSystem() + "|" + id.getValue()) || wanted.equals(id.getValue()));
    if (!named) {
      throw new InvalidRequestException("If-None-Exist names identifier " + wanted + " but the report does not carry it");
    }
    return intake.key(InboundReport.of(report)).flatMap(key -> {
      ReadOnlyKeyValueStore<String, ReportHistory> store = queries.getQueryableStore(
          ReportPipelineTopology.HISTORY_STORE, QueryableStoreTypes.keyValueStore());
      return Optional.ofNullable(store.get(key.accession()))
          .flatMap(history -> history.latest(key.reportId())).map(v -> key.reportId());
    });
  }
}
