package io.pathtrack.results.api;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.validation.ReportRejectedException;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a transaction, batch, collection, message or document Bundle holding reports
 * with their Observations, Specimen, ServiceRequest and Patient. All the bundle's reports are accepted
 * or none. The answer is a transaction-response (or batch-response) Bundle: 201 and the report's
 * location for each DiagnosticReport entry, 200 for the entries that came with it.
 */
@Component
public class TransactionProvider {
  private final ReportSubmission submission;

  TransactionProvider(ReportSubmission submission) {
    this.submission = submission;
  }

  @Transaction
  public Bundle transaction(@TransactionParam Bundle bundle) {
    List<ClassifiedReport> classified;
    try {
      classified = submission.submit(bundle);
    } catch (ReportRejectedException rejection) {
      throw RestOutcomes.of(rejection);
    }
    Bundle response = new Bundle();
    response.setType(bundle.getType() == Bundle.BundleType.TRANSACTION
        ? Bundle.BundleType.TRANSACTIONRESPONSE : Bundle.BundleType.BATCHRESPONSE);
    int next = 0;
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse();
      if (entry.getResource() instanceof DiagnosticReport && next < classified.size()) {
        ClassifiedReport report = classified.get(next++);
        answer.setStatus("201 Created").setLocation("DiagnosticReport/" + report.reportId())
            .setOutcome(RestOutcomes.accepted(report));
      } else {
        answer.setStatus("200 OK");
      }
    }
    return response;
  }
}
