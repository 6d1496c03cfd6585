package io.pathtrack.results.api;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.pathtrack.contract.Fhir;
import io.pathtrack.results.ingest.Channel;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.ReportIngestion;
import io.pathtrack.results.validation.OperationOutcomes;
import io.pathtrack.results.validation.ReportRejectedException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/DiagnosticReport}: the FHIR REST channel. HAPI answers unreadable bodies with 400;
 * a report that is read but lacks what the system needs gets 422 with an OperationOutcome whose
 * {@code issue.expression} names the element.
 */
@Component
public class DiagnosticReportProvider implements IResourceProvider {
  private final ReportIngestion ingestion;

  public DiagnosticReportProvider(ReportIngestion ingestion) {
    this.ingestion = ingestion;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return DiagnosticReport.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam DiagnosticReport report) {
    ClassifiedReport classified;
    try {
      classified = ingestion.ingest(report, Channel.REST);
    } catch (ReportRejectedException rejection) {
      throw new UnprocessableEntityException(Fhir.context(), OperationOutcomes.of(rejection.issues()));
    }
    MethodOutcome outcome = new MethodOutcome(
        new IdType("DiagnosticReport", classified.reportId(), null), true);
    classified.report().setId(new IdType("DiagnosticReport", classified.reportId()));
    outcome.setResource(classified.report());
    OperationOutcome info = new OperationOutcome();
    info.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
        .setCode(OperationOutcome.IssueType.INFORMATIONAL)
        .setDiagnostics("accession " + classified.accession() + " classified "
            + classified.classification().outcome().code()
            + (classified.classification().needsReview() ? " (needs review)" : ""));
    outcome.setOperationOutcome(info);
    return outcome;
  }
}
