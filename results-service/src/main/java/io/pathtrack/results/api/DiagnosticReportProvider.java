package io.pathtrack.results.api;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import io.pathtrack.results.classification.Classification;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.InboundReport;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.validation.ProfileValidation;
import io.pathtrack.results.validation.ReportRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/DiagnosticReport}: create (optionally conditional on the report identifier),
 * {@code $validate} (full profile validation) and {@code $classify} (the classification of a posted
 * report or bundle, published nowhere).
 */
@Component
public class DiagnosticReportProvider implements IResourceProvider {
  private final ReportSubmission submission;
  private final ReportIntake intake;
  private final ProfileValidation profiles;
  private final ReportIdentifiers identifiers;

  DiagnosticReportProvider(ReportSubmission submission, ReportIntake intake, ProfileValidation profiles,
      ReportIdentifiers identifiers) {
    this.submission = submission;
    this.intake = intake;
    this.profiles = profiles;
    this.identifiers = identifiers;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return DiagnosticReport.class;
  }

  /**
   * 201 with the classified report; with {@code If-None-Exist: identifier=system|value}, 200 and
   * nothing published when that report was accepted before.
   */
  @Create
  public MethodOutcome create(@ResourceParam DiagnosticReport report, @ConditionalUrlParam String condition) {
    if (condition != null) {
      var existing = identifiers.existing(report, condition);
      if (existing.isPresent()) {
        MethodOutcome outcome = new MethodOutcome(new IdType("DiagnosticReport", existing.get()), false);
        return outcome;
      }
    }
    ClassifiedReport classified;
    try {
      classified = submission.submit(report).get(0);
    } catch (ReportRejectedException rejection) {
      throw RestOutcomes.of(rejection);
    }
    MethodOutcome outcome = new MethodOutcome(new IdType("DiagnosticReport", classified.reportId()), true);
    classified.report().setId(new IdType("DiagnosticReport", classified.reportId()));
    outcome.setResource(classified.report());
    outcome.setOperationOutcome(RestOutcomes.accepted(classified));
    return outcome;
  }

  @Validate
  public MethodOutcome validate(@ResourceParam DiagnosticReport report) {
    MethodOutcome outcome = new MethodOutcome();
    outcome.setOperationOutcome(profiles.validate(report));
    return outcome;
  }

  /** {@code POST /fhir/DiagnosticReport/$classify} with a DiagnosticReport or a Bundle, JSON or XML. */
  @Operation(name = "$classify", idempotent = false, manualRequest = true)
  public Parameters classify(HttpServletRequest request) throws IOException {
    List<InboundReport> reports;
    try {
      reports = intake.reader().read(request.getInputStream().readAllBytes(), request.getContentType());
    } catch (ReportRejectedException rejection) {
      throw RestOutcomes.of(rejection);
    }
    Parameters result = new Parameters();
    for (InboundReport inbound : reports) {
      Classification c = intake.classify(inbound);
      var part = result.addParameter().setName("classification");
      part.addPart().setName("outcome").setValue(new CodeType(c.outcome().code()));
      part.addPart().setName("needsReview").setValue(new BooleanType(c.needsReview()));
      c.evidence().forEach(e -> part.addPart().setName("evidence").setValue(new StringType(ReportIntake.describe(e))));
      part.addPart().setName("ruleSetVersion").setValue(new StringType(c.ruleSetVersion()));
      if (inbound.report().getIdElement().hasIdPart()) {
        part.addPart().setName("report").setValue(new StringType(inbound.report().getIdElement().getIdPart()));
      }
    }
    return result;
  }
}
