package io.pathtrack.results.publish;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.results.ResultsProperties;
import io.pathtrack.results.classification.Classification;
import io.pathtrack.results.classification.Evidence;
import io.pathtrack.results.ingest.Channel;
import io.pathtrack.results.ingest.ClassifiedReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes one classified DiagnosticReport event per accepted report version on
 * {@code pathology.reports.classified}, keyed by accession, with the routing facts as CloudEvents headers.
 */
@Component
public class ClassifiedReportPublisher {
  /** The output binding; its destination is set in results-service.yaml. */
  public static final String BINDING = "classified-out";

  private final StreamBridge bridge;
  private final Clock clock;
  private final String source;

  public ClassifiedReportPublisher(StreamBridge bridge, Clock clock, ResultsProperties properties) {
    this.bridge = bridge;
    this.clock = clock;
    this.source = properties.source().toString();
  }

  public void publish(ClassifiedReport classified, Channel channel) {
    DiagnosticReport report = classified.report();
    annotate(report, classified.classification());
    String json = Fhir.json().encodeResourceToString(report);
    Classification c = classified.classification();
    String eventId = UUID.nameUUIDFromBytes(
        (classified.reportId() + "|" + classified.version()).getBytes(StandardCharsets.UTF_8)).toString();
    MessageBuilder<byte[]> message = MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8))
        .setHeader(KafkaHeaders.KEY, bytes(classified.accession()))
        .setHeader(EventHeaders.ID, bytes(eventId))
        .setHeader(EventHeaders.TYPE, bytes(EventTypes.REPORT_CLASSIFIED))
        .setHeader(EventHeaders.SOURCE, bytes(source + "/" + channel.tag()))
        .setHeader(EventHeaders.SPEC_VERSION, bytes(EventHeaders.SPEC_VERSION_1_0))
        .setHeader(EventHeaders.TIME, bytes(clock.instant().toString()))
        .setHeader(EventHeaders.SUBJECT, bytes(classified.accession()))
        .setHeader(EventHeaders.CONTENT_TYPE, bytes(EventHeaders.FHIR_JSON))
        .setHeader(EventHeaders.OUTCOME, bytes(c.outcome().code()))
        .setHeader(EventHeaders.NEEDS_REVIEW, bytes(String.valueOf(c.needsReview())))
        .setHeader(EventHeaders.RULE_SET_VERSION, bytes(c.ruleSetVersion()))
        .setHeader(EventHeaders.REPORT_ID, bytes(classified.reportId()))
        .setHeader(EventHeaders.REPORT_VERSION, bytes(classified.version()))
        .setHeader(EventHeaders.REPORT_STATUS, bytes(report.getStatus().toCode()));
    if (report.hasIssued()) {
      message.setHeader(EventHeaders.REPORT_ISSUED, bytes(report.getIssued().toInstant().toString()));
    }
    classified.orderingPractitioner().ifPresent(p -> message.setHeader(EventHeaders.ORDERING_PRACTITIONER, bytes(p)));
    classified.procedureType().map(ProcedureType::code)
        .ifPresent(p -> message.setHeader(EventHeaders.PROCEDURE_TYPE, bytes(p)));
    Message<byte[]> built = message.build();
    if (!bridge.send(BINDING, built)) {
      throw new IllegalStateException("classified report for " + classified.accession() + " was not sent");
    }
  }

  /** Adds the outcome, its evidence and the rule-set version to the report as extensions. */
  static void annotate(DiagnosticReport report, Classification c) {
    report.getExtension().removeIf(e -> e.getUrl().startsWith(Extensions.OUTCOME)
        || e.getUrl().equals(Extensions.NEEDS_REVIEW) || e.getUrl().equals(Extensions.RULE_SET_VERSION));
    Outcome outcome = c.outcome();
    report.addExtension(Extensions.OUTCOME, new Coding(Outcome.SYSTEM, outcome.code(), outcome.display()));
    report.addExtension(Extensions.NEEDS_REVIEW, new BooleanType(c.needsReview()));
    for (Evidence e : c.evidence()) {
      report.addExtension(Extensions.OUTCOME_EVIDENCE, new StringType(
          e.outcome().code() + " ← " + e.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + (e.location() == null ? "" : " " + e.location()) + ": " + e.matched()));
    }
    report.addExtension(Extensions.RULE_SET_VERSION, new StringType(c.ruleSetVersion()));
  }
}
