package io.pathtrack.results.ingest;

import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.RecordSizes;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.results.classification.Classification;
import io.pathtrack.results.classification.ReportFacts;
import io.pathtrack.results.microbiology.CultureReader;
import io.pathtrack.results.classification.Evidence;
import io.pathtrack.results.classification.OutcomeClassifier;
import io.pathtrack.results.ingest.ReportFactsReader;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/**
 * What every channel does with a report before it is published: read it, check it, classify it. No
 * Kafka and no HTTP here; the REST endpoint and the Kafka Streams pipeline both call it.
 */
public final class ReportIntake {
  private final ReportReader reader;
  private final ReportValidator validator;
  private final OutcomeClassifier classifier;
  private static final CultureReader CULTURES = new CultureReader();
  private final java.util.function.LongConsumer classificationNanos;
  private final int maxEventBytes;
  private final RecentAssessments recent;

  public ReportIntake(ReportReader reader, ReportValidator validator, OutcomeClassifier classifier) {
    this(reader, validator, classifier, nanos -> { }, RecordSizes.MAX_EVENT_BYTES, RecentAssessments.none());
  }

  /**
   * @param classificationNanos told how long each classification took, for the metrics
   * @param maxEventBytes the largest classified report (FHIR JSON) that may be published
   * @param recent what the channels assessed before writing to the inbound topic, reused when read back
   */
  public ReportIntake(ReportReader reader, ReportValidator validator, OutcomeClassifier classifier,
      java.util.function.LongConsumer classificationNanos, int maxEventBytes, RecentAssessments recent) {
    this.maxEventBytes = maxEventBytes;
    this.recent = recent;
    this.reader = reader;
    this.validator = validator;
    this.classifier = classifier;
    this.classificationNanos = classificationNanos;
  }

  public ReportReader reader() {
    return reader;
  }

  /** Reads, checks and classifies every report in a payload; all are accepted or none. */
  public List<ClassifiedReport> assess(byte[] payload, String contentType) {
    return assess(reader.read(payload, contentType));
  }

  /**
   * A channel's assessment of the bytes it is about to write to the inbound topic, kept so that the pipeline does
   * not assess them again ({@link #assessWritten}).
   */
  public void remember(byte[] written, String contentType, List<ClassifiedReport> reports) {
    recent.remember(written, contentType, reports);
  }

  /**
   * An inbound record a channel wrote: what that channel assessed it as when the same bytes were assessed by this
   * instance moments ago (the sender's answer and the published event are then one and the same), else read,
   * checked and classified like any other record.
   */
  public List<ClassifiedReport> assessWritten(byte[] payload, String contentType) {
    return recent.take(payload, contentType).orElseGet(() -> assess(payload, contentType));
  }

  public List<ClassifiedReport> assess(List<InboundReport> reports) {
    List<ValidationIssue> issues = new ArrayList<>();
    for (InboundReport inbound : reports) {
      issues.addAll(validator.check(inbound));
    }
    if (!issues.isEmpty()) {
      throw new ReportRejectedException(issues, false);
    }
    return reports.stream().map(this::classified).toList();
  }

  /** The classification alone, without the checks an accepted report must pass ({@code $classify}). */
  public Classification classify(InboundReport inbound) {
    return read(inbound.report(), ReportFactsReader.read(inbound.report(), inbound.bundleObservations())).classification();
  }

  /** What decides a report: a culture report is read as a culture, never by the histology classifier. */
  private record Read(Classification classification, Optional<String> culture) {}

  private Read read(DiagnosticReport report, ReportFacts facts) {
    if (ReportCuesAnnotator.microbiology(report)) {
      boolean isFinal = switch (report.getStatus() == null ? DiagnosticReport.DiagnosticReportStatus.NULL : report.getStatus()) {
        case FINAL, AMENDED, CORRECTED, APPENDED -> true;
        default -> false;
      };
      CultureReader.Reading culture = CULTURES.read(facts, isFinal);
      // A report that is a culture by its codes but names a malignancy the histology classifier places is read as
      // histology: a missed malignancy costs more than a culture read twice.
      Classification histology = classify(facts);
      if (histology.outcome() == Outcome.MALIGNANT) {
        return new Read(histology, Optional.empty());
      }
      return new Read(culture.classification(), Optional.of(culture.result().code()));
    }
    return new Read(classify(facts), Optional.empty());
  }

  private Classification classify(ReportFacts facts) {
    long start = System.nanoTime();
    Classification c = classifier.classify(facts);
    classificationNanos.accept(System.nanoTime() - start);
    return c;
  }

  /** A report's accession and logical id. */
  public record ReportKey(String accession, String reportId) {}

  /** The accession and report id a report would be published under, if it has an accession. */
  public Optional<ReportKey> key(InboundReport inbound) {
    return validator.accession(inbound).map(a -> new ReportKey(a, reportId(inbound.report(), a)));
  }

  private ClassifiedReport classified(InboundReport inbound) {
    DiagnosticReport report = inbound.report();
    String accession = validator.accession(inbound).orElseThrow();
    ReportFacts facts = ReportFactsReader.read(report, inbound.bundleObservations());
    Read read = read(report, facts);
    Classification classification = read.classification();
    annotate(report, classification);
    ReportCuesAnnotator.annotate(report, facts, read.culture());
    byte[] json = Fhir.json().encodeResourceToString(report).getBytes(StandardCharsets.UTF_8);
    if (json.length > maxEventBytes) {
      // Refused up front, on every channel, rather than accepted and then unpublishable (docs/architecture.md §10).
      throw new ReportRejectedException(List.of(new ValidationIssue("DiagnosticReport", "too-long",
          "the report as FHIR JSON with its outcome is " + json.length + " bytes, over the limit of " + maxEventBytes
              + " bytes for a published report; split it into several reports or send large attachments by reference")),
          false);
    }
    return new ClassifiedReport(accession, reportId(report, accession), version(report), contentHash(json), report,
        classification, orderingPractitioner(report), procedureType(report, inbound), copiesTo(report), json);
  }

  /** Adds the outcome, its evidence and the rule-set version to the report as extensions. */
  static void annotate(DiagnosticReport report, Classification c) {
    report.getExtension().removeIf(e -> Extensions.OUTCOME.equals(e.getUrl()) || Extensions.OUTCOME_EVIDENCE.equals(e.getUrl())
        || Extensions.NEEDS_REVIEW.equals(e.getUrl()) || Extensions.RULE_SET_VERSION.equals(e.getUrl()));
    Outcome outcome = c.outcome();
    report.addExtension(Extensions.OUTCOME, new Coding(Outcome.SYSTEM, outcome.code(), outcome.display()));
    report.addExtension(Extensions.NEEDS_REVIEW, new BooleanType(c.needsReview()));
    for (Evidence e : c.evidence()) {
      report.addExtension(Extensions.OUTCOME_EVIDENCE, new StringType(describe(e)));
    }
    report.addExtension(Extensions.RULE_SET_VERSION, new StringType(c.ruleSetVersion()));
  }

  /** One line a pathologist can read: what was found, where, and what it means. */
  public static String describe(Evidence e) {
    return e.outcome().code() + " <- " + e.source().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + (e.location() == null ? "" : " " + e.location()) + ": " + e.matched();
  }

  /**
   * SHA-256 of the report as it is published: the JSON encoded once for the event, with its outcome. The same report
   * sent again (a REST retry, a Kafka redelivery, the same content in another format) classifies the same and so has
   * the same hash.
   */
  static String contentHash(byte[] published) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(published));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The report's logical id; when the LIS sends none, a stable one from its accession and code. */
  static String reportId(DiagnosticReport report, String accession) {
    if (report.getIdElement().hasIdPart() && !report.getIdElement().getIdPart().startsWith("urn:")) {
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
    // issued may be present with only extensions (a data-absent-reason): then the status alone versions it
    return report.getIssuedElement().getValue() != null ? status + "@" + report.getIssued().toInstant() : status;
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

  /** Copies-to practitioners named on the report or on the order it is based on, each once. */
  static List<String> copiesTo(DiagnosticReport report) {
    java.util.LinkedHashSet<String> copies = new java.util.LinkedHashSet<>();
    java.util.function.Consumer<org.hl7.fhir.r4.model.DomainResource> read = resource -> resource
        .getExtensionsByUrl(Extensions.COPIES_TO).stream()
        .filter(e -> e.getValue() instanceof Reference r && r.hasReference())
        .forEach(e -> copies.add(((Reference) e.getValue()).getReference()));
    read.accept(report);
    for (Reference basedOn : report.getBasedOn()) {
      if (basedOn.getResource() instanceof ServiceRequest order) {
        read.accept(order);
      }
    }
    return List.copyOf(copies);
  }

  static Optional<ProcedureType> procedureType(DiagnosticReport report, InboundReport inbound) {
    for (Reference ref : report.getSpecimen()) {
      if (ref.getResource() instanceof Specimen specimen) {
        Optional<ProcedureType> type = SpecimenOrders.procedureType(specimen);
        if (type.isPresent()) {
          return type;
        }
      }
    }
    return inbound.bundleSpecimen().flatMap(SpecimenOrders::procedureType);
  }
}
