package io.pathtrack.contract;

/** CloudEvents {@code type} values of every event the system publishes. */
public final class EventTypes {
  private static final String PREFIX = "io.pathtrack.";

  /** A specimen and its order were registered (specimen-service, {@link Topics#SPECIMENS}). */
  public static final String SPECIMEN_REGISTERED = PREFIX + "specimen.registered";
  /** A specimen moved in its lifecycle (collected, received, in process, cancelled, rejected…). */
  public static final String SPECIMEN_STATUS_CHANGED = PREFIX + "specimen.status-changed";
  /**
   * A registered specimen was deliberately corrected (another patient, ordering practitioner, procedure…),
   * never its lifecycle; {@code ce_changed} names the elements it changed (specimen-service, {@link Topics#SPECIMENS}).
   */
  public static final String SPECIMEN_CORRECTED = PREFIX + "specimen.corrected";
  /** A specimen's turnaround passed the warning share of its budget (specimen-service, {@link Topics#SLA_EVENTS}). */
  public static final String SLA_WARNING = PREFIX + "sla.warning";
  /** A specimen's turnaround target passed without a final report. */
  public static final String SLA_BREACH = PREFIX + "sla.breach";
  /** The final report arrived within the target. */
  public static final String SLA_MET = PREFIX + "sla.met";
  /** The final report arrived after the target. */
  public static final String SLA_LATE = PREFIX + "sla.late";
  /** The final report for a specimen arrived; the value carries the turnaround (specimen-service). */
  public static final String SPECIMEN_REPORTED = PREFIX + "specimen.reported";
  /**
   * On the specimen topic: a final report of one discipline arrived while another discipline ordered is awaited (the
   * specimen's concordance and follow-ups are decided; it is reported when all have reported).
   */
  public static final String SPECIMEN_REPORTED_IN_PART = PREFIX + "specimen.reported-in-part";
  /** On the specimen topic: the lab or the EHR closed a recommended follow-up ({@code $follow-up}). */
  public static final String SPECIMEN_FOLLOW_UP_CLOSED = PREFIX + "specimen.follow-up-closed";
  /** On the SLA topic: a follow-up a final report recommends is tracked (FHIR Task, businessStatus open). */
  public static final String FOLLOW_UP_CREATED = PREFIX + "follow-up.created";
  /** On the SLA topic: a recommended follow-up is past its due date and not done. */
  public static final String FOLLOW_UP_OVERDUE = PREFIX + "follow-up.overdue";
  /** On the SLA topic: a recommended follow-up was completed or cancelled. */
  public static final String FOLLOW_UP_CLOSED = PREFIX + "follow-up.closed";
  /**
   * A report arrived over REST or MLLP and was written as received (results-service,
   * {@link Topics#REPORTS_INBOUND}); what an LIS publishes there itself carries what its sender gives.
   */
  public static final String REPORT_RECEIVED = PREFIX + "report.received";
  /** A report version was accepted and classified (results-service, {@link Topics#REPORTS_CLASSIFIED}). */
  public static final String REPORT_CLASSIFIED = PREFIX + "report.classified";
  /**
   * A report was entered in error: the earlier classification of the same report is withdrawn
   * (results-service, {@link Topics#REPORTS_CLASSIFIED}; {@code ce_replacesversion} names the version).
   */
  public static final String REPORT_RETRACTED = PREFIX + "report.retracted";
  /** An inbound record was rejected (results-service, {@link Topics#REPORTS_INBOUND_DLQ}). */
  public static final String REPORT_REJECTED = PREFIX + "report.rejected";
  /**
   * A record a stream processor could not process or publish was set aside on the application's dead-letter
   * topic, so the stream goes on (any service; headers {@code ce_failureexception}, {@code ce_failurenode}).
   */
  public static final String RECORD_FAILED = PREFIX + "record.failed";
  /** A notification was created for a recipient (notify-service, {@link Topics#NOTIFICATIONS}). */
  public static final String NOTIFICATION_CREATED = PREFIX + "notification.created";
  /** A notification left through a channel (notify-service). */
  public static final String NOTIFICATION_SENT = PREFIX + "notification.sent";
  /** A notification could not be delivered (notify-service). */
  public static final String NOTIFICATION_FAILED = PREFIX + "notification.failed";

  /** A request to acknowledge a notification ({@link Topics#NOTIFICATION_ACKS}); notify-service applies it. */
  public static final String NOTIFICATION_ACK_REQUESTED = PREFIX + "notification.ack-requested";
  /**
   * A request from a notification's recipient saying it is not their patient ({@link Topics#NOTIFICATION_ACKS}, same
   * payload as an acknowledgement request); notify-service reroutes it to the results desk and tells the lab.
   */
  public static final String NOTIFICATION_DECLINE_REQUESTED = PREFIX + "notification.decline-requested";
  /** A notification was declined by its recipient (not their patient) and rerouted to the results desk. */
  public static final String NOTIFICATION_DECLINED = PREFIX + "notification.declined";
  /** A notification was acknowledged by its recipient or on their behalf. */
  public static final String NOTIFICATION_ACKNOWLEDGED = PREFIX + "notification.acknowledged";
  /** A notification went unacknowledged past its deadline; the next in the chain was notified. */
  public static final String NOTIFICATION_ESCALATED = PREFIX + "notification.escalated";
  /** A notification was withdrawn because its report was entered in error. */
  public static final String NOTIFICATION_RETRACTED = PREFIX + "notification.retracted";
  /** One step of a notification's life, for the audit trail ({@link Topics#AUDIT}). */
  public static final String AUDIT_RECORDED = PREFIX + "audit.recorded";
  /** One call to a service's API (who, what, when, outcome), for the audit trail ({@link Topics#AUDIT}). */
  public static final String ACCESS_RECORDED = PREFIX + "audit.access";

  private EventTypes() {}
}
