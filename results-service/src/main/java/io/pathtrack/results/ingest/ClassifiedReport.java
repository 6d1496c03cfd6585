package io.pathtrack.results.ingest;

import io.pathtrack.contract.ProcedureType;
import io.pathtrack.results.classification.Classification;
import java.util.Optional;
import org.hl7.fhir.r4.model.DiagnosticReport;

/**
 * An accepted report version and what the system decided about it.
 *
 * @param report the report as received, with the outcome extensions added
 */
public record ClassifiedReport(
    String accession,
    String reportId,
    String version,
    DiagnosticReport report,
    Classification classification,
    Optional<String> orderingPractitioner,
    Optional<ProcedureType> procedureType) {}
