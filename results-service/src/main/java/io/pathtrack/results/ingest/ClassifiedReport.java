package io.pathtrack.results.ingest;

import io.pathtrack.contract.ProcedureType;
import io.pathtrack.results.classification.Classification;
import java.util.Optional;
import org.hl7.fhir.r4.model.DiagnosticReport;

/**
 * An accepted report version and what the system decided about it.
 *
 * @param contentHash SHA-256 of the report as published (its FHIR JSON with the outcome): the same report
 *     sent twice, by any channel, classifies the same and has the same hash
 * @param report the report with the outcome extensions added
 * @param copiesTo practitioners who receive a copy (the copies-to extension of the report or its order)
 * @param json the annotated report as FHIR JSON, as it is published (at most {@link
 *     io.pathtrack.contract.RecordSizes#MAX_EVENT_BYTES})
 */
public record ClassifiedReport(
    String accession,
    String reportId,
    String version,
    String contentHash,
    DiagnosticReport report,
    Classification classification,
    Optional<String> orderingPractitioner,
    Optional<ProcedureType> procedureType,
    java.util.List<String> copiesTo,
    byte[] json) {}
