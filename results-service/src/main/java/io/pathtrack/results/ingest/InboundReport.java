package io.pathtrack.results.ingest;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Specimen;

/**
 * One DiagnosticReport as it arrived, alone or inside a Bundle, with what the bundle adds around it.
 *
 * @param bundleObservations Observations in the same single-report bundle that the report's
 *     {@code result} references do not reach (exports leave some out, or reference them in ways no
 *     resolver can follow); they are read as the report's results
 * @param bundleSpecimen the bundle's only Specimen, when the report itself references none
 */
public record InboundReport(
    DiagnosticReport report, List<Observation> bundleObservations, Optional<Specimen> bundleSpecimen) {

  public static InboundReport of(DiagnosticReport report) {
    return new InboundReport(report, List.of(), Optional.empty());
  }
}
