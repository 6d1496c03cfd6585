package io.pathtrack.contract;

/**
 * Every Kafka topic of the system. All records are keyed by the specimen's accession number, so all
 * events of one specimen are ordered and co-partitioned (DESIGN §3).
 */
public final class Topics {
  /** Specimen lifecycle events; value: FHIR Specimen JSON (with its order contained). Producer: specimen-service. */
  public static final String SPECIMENS = "pathology.specimens";

  /** Reports as the LIS sent them; value: FHIR DiagnosticReport or Bundle, JSON or XML per content-type. */
  public static final String REPORTS_INBOUND = "pathology.reports.inbound";

  /** Inbound records that were rejected; value: the original bytes; headers: the reason and an OperationOutcome. */
  public static final String REPORTS_INBOUND_DLQ = "pathology.reports.inbound.dlq";

  /**
   * Records specimen-service's stream could not process (a failure the lifecycle did not expect); value: the
   * record as read, headers: why ({@link EventTypes#RECORD_FAILED}).
   */
  public static final String SPECIMENS_DLQ = "pathology.specimens.dlq";

  /** One event per accepted report version; value: FHIR DiagnosticReport JSON with its outcome. Producer: results-service. */
  public static final String REPORTS_CLASSIFIED = "pathology.reports.classified";

  /**
   * Turnaround SLA events (warning, breach, met, late); value: FHIR Task JSON whose focus is the
   * specimen. Producer: specimen-service.
   */
  public static final String SLA_EVENTS = "pathology.sla.events";

  /** Notifications and every change of their state; value: FHIR Communication JSON. Producer: notify-service. */
  public static final String NOTIFICATIONS = "pathology.notifications";

  /** Acknowledgements of notifications; value: JSON {notificationId, by, onBehalfOf}. Producer: notify-service API. */
  public static final String NOTIFICATION_ACKS = "pathology.notifications.acks";

  /** Deliveries that failed for good (webhook down, address refused); value: what was to be sent. */
  public static final String NOTIFICATIONS_DLQ = "pathology.notifications.dlq";

  /** Every step of every notification (created, sent, failed, acknowledged, escalated, retracted); value: FHIR AuditEvent JSON. */
  public static final String AUDIT = "pathology.audit";

  private Topics() {}
}
