package io.pathtrack.contract;

import io.pathtrack.contract.serde.FhirSerde;
import io.pathtrack.contract.serde.JsonSerde;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.Task;

/**
 * Every Kafka topic of the system, in one place. All records are keyed by the specimen's accession number, so all
 * events of one specimen are ordered and co-partitioned (docs/architecture.md, "Topics"); every topic therefore has
 * the same number of partitions on a cluster ({@link #PARTITIONS} by default).
 */
public final class Topics {
  private static final String RESULTS = "results-service";
  private static final String SPECIMEN = "specimen-service";
  private static final String NOTIFY = "notify-service";
  private static final String OPERATORS = "operators";

  /** Reports as the LIS sent them; value: FHIR DiagnosticReport or Bundle, JSON or XML, or HL7 v2 ER7. */
  public static final Topic<byte[]> REPORTS_INBOUND = new Topic<>(
      "pathology.reports.inbound", Topic.ACCESSION_KEY,
      "the report as received: FHIR DiagnosticReport or Bundle (JSON or XML) or HL7 v2 ER7", "as received",
      List.of("the LIS", RESULTS), List.of(RESULTS), Topic.Cleanup.DELETE,
      Serdes.ByteArray());

  /** Inbound records that were rejected; value: the original bytes; headers: the reason and an OperationOutcome. */
  public static final Topic<byte[]> REPORTS_INBOUND_DLQ = new Topic<>(
      "pathology.reports.inbound.dlq", "the original key",
      "the original bytes, with the reason and an OperationOutcome in headers", "as received",
      List.of(RESULTS), List.of("people fixing feeds"), Topic.Cleanup.DELETE,
      Serdes.ByteArray());

  /**
   * One event per accepted report version; value: FHIR DiagnosticReport JSON with its outcome. The event is in the
   * headers ({@link ClassifiedReportEvent}); the body is read leniently, so an alert never depends on it.
   */
  public static final Topic<DiagnosticReport> REPORTS_CLASSIFIED = new Topic<>(
      "pathology.reports.classified", Topic.ACCESSION_KEY,
      "FHIR DiagnosticReport with the outcome extensions", EventHeaders.FHIR_JSON,
      List.of(RESULTS), List.of(SPECIMEN, NOTIFY), Topic.Cleanup.DELETE,
      FhirSerde.lenient(DiagnosticReport.class));

  /** Specimen lifecycle events; value: FHIR Specimen JSON (with its order contained). */
  public static final Topic<Specimen> SPECIMENS = new Topic<>(
      "pathology.specimens", Topic.ACCESSION_KEY,
      "FHIR Specimen, its order (ServiceRequest) contained", EventHeaders.FHIR_JSON,
      List.of(SPECIMEN), List.of(SPECIMEN, NOTIFY), Topic.Cleanup.DELETE,
      FhirSerde.strict(Specimen.class));

  /** Turnaround SLA events (warning, breach, met, late); value: FHIR Task JSON whose focus is the specimen. */
  public static final Topic<Task> SLA_EVENTS = new Topic<>(
      "pathology.sla.events", Topic.ACCESSION_KEY,
      "FHIR Task whose focus is the Specimen (warning, breach, met, late)", EventHeaders.FHIR_JSON,
      List.of(SPECIMEN), List.of(NOTIFY), Topic.Cleanup.DELETE,
      FhirSerde.strict(Task.class));

  /**
   * Records specimen-service's stream could not process (a failure the lifecycle did not expect); value: the
   * record as read, headers: why ({@link EventTypes#RECORD_FAILED}).
   */
  public static final Topic<byte[]> SPECIMENS_DLQ = new Topic<>(
      "pathology.specimens.dlq", Topic.ACCESSION_KEY,
      "the record as read, with the reason in headers", "as received",
      List.of(SPECIMEN), List.of(OPERATORS), Topic.Cleanup.DELETE,
      Serdes.ByteArray());

  /** Notifications and every change of their state; value: FHIR Communication JSON. */
  public static final Topic<Communication> NOTIFICATIONS = new Topic<>(
      "pathology.notifications", Topic.ACCESSION_KEY,
      "FHIR Communication, one per state change", EventHeaders.FHIR_JSON,
      List.of(NOTIFY), List.of(NOTIFY), Topic.Cleanup.DELETE,
      FhirSerde.strict(Communication.class));

  /**
   * Requests to acknowledge or decline a notification, applied in order by the engine; value: JSON
   * {@code {notificationId, by}} ({@link EventTypes}: acknowledgement or decline requested).
   */
  public static final Topic<NotificationRequest> NOTIFICATION_ACKS = new Topic<>(
      "pathology.notifications.acks", Topic.ACCESSION_KEY,
      "acknowledgement and decline requests {notificationId, by}", "application/json",
      List.of(NOTIFY), List.of(NOTIFY), Topic.Cleanup.DELETE,
      JsonSerde.of(NotificationRequest.class));

  /** Deliveries that failed for good (webhook down, address refused), and records the engine could not process. */
  public static final Topic<byte[]> NOTIFICATIONS_DLQ = new Topic<>(
      "pathology.notifications.dlq", Topic.ACCESSION_KEY,
      "what was to be sent, with the channel and the last answer in headers; webhook letters are read back to be tried again",
      "as received", List.of(NOTIFY), List.of(OPERATORS, NOTIFY), Topic.Cleanup.DELETE,
      Serdes.ByteArray());

  /** Every step of every notification, and every access to the services; value: FHIR AuditEvent JSON. */
  public static final Topic<AuditEvent> AUDIT = new Topic<>(
      "pathology.audit", Topic.ACCESSION_KEY,
      "FHIR AuditEvent", EventHeaders.FHIR_JSON,
      List.of(RESULTS, SPECIMEN, NOTIFY), List.of(NOTIFY, "security teams"), Topic.Cleanup.DELETE,
      FhirSerde.strict(AuditEvent.class));

  /** Every topic, in the order the README's table lists them. */
  public static final List<Topic<?>> ALL = List.of(REPORTS_INBOUND, REPORTS_INBOUND_DLQ, REPORTS_CLASSIFIED, SPECIMENS,
      SLA_EVENTS, NOTIFICATIONS, NOTIFICATION_ACKS, NOTIFICATIONS_DLQ, SPECIMENS_DLQ, AUDIT);

  /** Partitions of every topic on a cluster unless set otherwise ({@code deploy/k8s/topics.sh}, PARTITIONS). */
  public static final int PARTITIONS = 12;

  private Topics() {}

  /** The contract topic of this name, if there is one. */
  public static Optional<Topic<?>> named(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
