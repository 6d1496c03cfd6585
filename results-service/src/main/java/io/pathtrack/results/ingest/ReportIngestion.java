package io.pathtrack.results.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.results.ResultsProperties;
import io.pathtrack.results.classification.Classification;
import io.pathtrack.results.classification.OutcomeClassifier;
import io.pathtrack.results.classification.ReportFactsReader;
import io.pathtrack.results.publish.ClassifiedReportPublisher;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ReportValidator;
import io.pathtrack.results.validation.ValidationIssue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.stereotype.Service;

/** The one path every channel's reports take: validate, classify, publish. */
@Service
public class ReportIngestion {
  private final ReportValidator validator;
  private final OutcomeClassifier classifier = new OutcomeClassifier();
  private final ClassifiedReportPublisher publisher;
  private final MeterRegistry meters;
  private final Timer classificationTimer;

  public ReportIngestion(ResultsProperties properties, ClassifiedReportPublisher publisher, MeterRegistry meters) {
    this.validator = new ReportValidator(properties.accessionIdentifierSystems());
    this.publisher = publisher;
    this.meters = meters;
    this.classificationTimer = Timer.builder("pathtrack.reports.classification")
        .description("Time to classify one report")
        .register(meters);
  }

  /**
   * Accepts a report: checks it, classifies it and publishes the classified event, keyed by accession.
   *
   * @throws ReportRejectedException when the report lacks what the system needs; nothing is published
   */
  public ClassifiedReport ingest(DiagnosticReport report, Channel channel) {
    meters.counter("pathtrack.reports.received", "channel", channel.tag()).increment();
    List<ValidationIssue> issues = validator.check(report);
    if (!issues.isEmpty()) {
      ReportRejectedException rejection = new ReportRejectedException(issues, false);
      countRejection(channel, rejection);
      throw rejection;
    }
    String accession = validator.accession(report);
    Classification classification = classificationTimer.record(
        () -> classifier.classify(ReportFactsReader.read(report)));
    Optional<ProcedureType> procedure = procedureType(report);
    ClassifiedReport classified = new ClassifiedReport(
        accession, reportId(report, accession), version(report), report, classification,
        orderingPractitioner(report), procedure);
    publisher.publish(classified, channel);
    meters.counter("pathtrack.reports.classified",
        "outcome", classification.outcome().code(),
        "procedure", procedure.map(ProcedureType::code).orElse(ProcedureType.UNMAPPED.code())).increment();
    return classified;
  }

  /** Counts a record that could not even be read as a report: it was received, and it was rejected. */
  public void countUnreadable(Channel channel, ReportRejectedException rejection) {
    meters.counter("pathtrack.reports.received", "channel", channel.tag()).increment();
    countRejection(channel, rejection);
  }

  private void countRejection(Channel channel, ReportRejectedException rejection) {
    meters.counter("pathtrack.reports.rejected",
        "channel", channel.tag(),
        "reason", rejection.parseFailure() ? "parse" : rejection.primary().code(),
        "element", rejection.primary().expression()).increment();
  }

  /** The report's logical id; when the LIS sends none, a stable one from its accession and code. */
  static String reportId(DiagnosticReport report, String accession) {
    if (report.getIdElement().hasIdPart()) {
      return report.getIdElement().getIdPart();
    }
    String code = report.getCode().getCodingFirstRep().getCode();
    String seed = accession + "|" + (code == null ? report.getCode().getText() : code);
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The report version: meta.versionId when the LIS versions its reports, else status and issue time. */
  static String version(DiagnosticReport report) {
    if (report.getMeta().hasVersionId()) {
      return report.getMeta().getVersionId();
    }
    String status = report.getStatus().toCode();
    return report.hasIssued() ? status + "@" + report.getIssued().toInstant() : status;
  }

  static Optional<String> orderingPractitioner(DiagnosticReport report) {
    for (Reference basedOn : report.getBasedOn()) {
      if (basedOn.getResource() instanceof ServiceRequest order
          && order.hasRequester() && order.getRequester().hasReference()) {
        return Optional.of(order.getRequester().getReference());
      }
    }
    return Optional.empty();
  }

  static Optional<ProcedureType> procedureType(DiagnosticReport report) {
    for (Reference ref : report.getSpecimen()) {
      if (ref.getResource() instanceof Specimen specimen && specimen.getCollection().hasMethod()) {
        Optional<ProcedureType> type = specimen.getCollection().getMethod().getCoding().stream()
            .filter(c -> ProcedureType.SYSTEM.equals(c.getSystem()))
            .map(c -> ProcedureType.fromCode(c.getCode()))
            .flatMap(Optional::stream)
            .findFirst();
        if (type.isPresent()) {
          return type;
        }
      }
    }
    return Optional.empty();
  }
}
