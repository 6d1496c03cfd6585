package io.pathtrack.contract;

/**
 * Kafka record header names. Metadata follows the CloudEvents Kafka protocol binding in binary mode;
 * routing facts are CloudEvents extension attributes, so a consumer can filter without parsing the body.
 */
public final class EventHeaders {
  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String TIME = "ce_time";
  public static final String SPEC_VERSION = "ce_specversion";
  /** The CloudEvents subject: the accession number. */
  public static final String SUBJECT = "ce_subject";
  public static final String CONTENT_TYPE = "content-type";

  public static final String OUTCOME = "ce_outcome";
  public static final String NEEDS_REVIEW = "ce_needsreview";
  public static final String PROCEDURE_TYPE = "ce_proceduretype";
  public static final String PRIORITY = "ce_priority";
  public static final String REPORT_ID = "ce_reportid";
  public static final String REPORT_VERSION = "ce_reportversion";
  public static final String REPORT_STATUS = "ce_reportstatus";
  /** When the report version was issued (ISO-8601 instant), if the report says. */
  public static final String REPORT_ISSUED = "ce_reportissued";
  public static final String ORDERING_PRACTITIONER = "ce_orderingpractitioner";
  /** Practitioners who receive a copy of the result, comma-separated references. */
  public static final String COPIES_TO = "ce_copiesto";
  /**
   * On classified reports: the care team of the order and the patient's attending, as the report names them
   * (practitioner references, comma-separated): told of amendments.
   */
  public static final String CARE_TEAM = "ce_careteam";
  public static final String RULE_SET_VERSION = "ce_rulesetversion";
  /** SHA-256 of the report version as published (its FHIR JSON with the outcome), for duplicate detection. */
  public static final String CONTENT_HASH = "ce_contenthash";
  /** How the report reached the system: rest or kafka (and hl7v2 when that channel exists). */
  public static final String CHANNEL = "ce_channel";
  /** On a report that replaces an earlier version: that version's ce_reportversion. */
  public static final String REPLACES_VERSION = "ce_replacesversion";
  /** On a report that replaces an earlier version: the earlier outcome. */
  public static final String PREVIOUS_OUTCOME = "ce_previousoutcome";
  /** "true" when a replacing version's outcome differs from the version it replaces. */
  public static final String OUTCOME_CHANGED = "ce_outcomechanged";

  /** On classified reports: who performed the biopsy, as the report's Procedure names them (Procedure.performer.actor). */
  public static final String PERFORMER = "ce_performer";
  /** On classified reports: the discipline ({@link Discipline}): histology or microbiology. */
  public static final String DISCIPLINE = "ce_discipline";
  /** On classified microbiology reports: the culture's result, growth, no-growth, pending or unknown. */
  public static final String CULTURE = "ce_culture";
  /** On classified reports: the imaging category the report's own order states ({@link ImagingCategory#code()}). */
  public static final String IMAGING_CATEGORY = "ce_imagingcategory";
  /** On classified reports: present, absent or not-mentioned: whether the report confirms calcifications in the specimen. */
  public static final String CALCIFICATIONS = "ce_calcifications";
  /** On classified reports: the follow-ups it recommends, {@code kind[:ISO period]} comma-separated (repeat-biopsy:P14D,imaging:P6M). */
  public static final String FOLLOW_UPS = "ce_followups";

  /** On follow-up events: the follow-up's kind ({@code repeat-biopsy}…); on a follow-up closed, also its new status. */
  public static final String FOLLOW_UP_KIND = "ce_followupkind";
  public static final String FOLLOW_UP_STATUS = "ce_followupstatus";
  /** On a follow-up closed: who closed it (the caller as the audit trail names them). */
  public static final String FOLLOW_UP_BY = "ce_followupby";

  /** On SLA events: when the turnaround target falls due (ISO-8601 instant). */
  public static final String DUE_TIME = "ce_duetime";
  /** On SLA met/late events: the turnaround measured, in minutes. */
  public static final String TURNAROUND_MINUTES = "ce_turnaroundminutes";
  /** On specimen events: the lifecycle status (ordered, collected, received, in-process, reported…). */
  public static final String LIFECYCLE_STATUS = "ce_lifecyclestatus";
  /**
   * On a specimen correction: the elements it changed as FHIRPath, comma-separated (such as
   * {@code Specimen.subject,Specimen.request.resolve().requester}); never their values.
   */
  public static final String CHANGED = "ce_changed";

  /** On dead-letter records: a one-line reason, the failing element and the OperationOutcome JSON. */
  public static final String REJECTION_REASON = "ce_rejectionreason";
  public static final String REJECTION_ELEMENT = "ce_rejectionelement";
  public static final String REJECTION_OUTCOME = "ce_rejectionoutcome";
  public static final String ORIGINAL_TOPIC = "ce_originaltopic";
  public static final String ORIGINAL_PARTITION = "ce_originalpartition";
  public static final String ORIGINAL_OFFSET = "ce_originaloffset";

  /**
   * On an inbound record that holds only the start of a message too large to keep whole: "true", the size
   * of the whole message in bytes, and its SHA-256 (hex), so the sender can be told which message it was.
   */
  public static final String TRUNCATED = "ce_truncated";
  public static final String ORIGINAL_SIZE = "ce_originalsize";
  public static final String ORIGINAL_SHA256 = "ce_originalsha256";

  /**
   * On dead letters written by a stream's exception handler (a record that failed in an unexpected way):
   * the exception's class name and the processor node that failed.
   */
  public static final String FAILURE_EXCEPTION = "ce_failureexception";
  public static final String FAILURE_NODE = "ce_failurenode";

  /** On notification events, audit events and delivery dead letters: the notification (Communication) id. */
  public static final String NOTIFICATION_ID = "ce_notificationid";
  /** On audit events of a notification: the step (created, sent, acknowledged, escalated…). */
  public static final String STEP = "ce_step";
  /** On audit events of a notification: the report version it is about ({@code DiagnosticReport/<id>}). */
  public static final String REPORT = "ce_report";
  /** On delivery dead letters: the channel, where it was to go, the last answer and error, and the attempts made. */
  public static final String DELIVERY_CHANNEL = "ce_deliverychannel";
  public static final String DELIVERY_TARGET = "ce_deliverytarget";
  public static final String LAST_STATUS = "ce_laststatus";
  public static final String LAST_ERROR = "ce_lasterror";
  public static final String ATTEMPTS = "ce_attempts";
  /** When a delivery dead letter first failed (ISO-8601), on a letter written again after a redelivery that failed. */
  public static final String FIRST_FAILED = "ce_firstfailed";
  /** {@code given-up} on a delivery dead letter that is not tried again (too old, refused for good, nowhere to send it). */
  public static final String REDELIVERY = "ce_redelivery";

  public static final String SPEC_VERSION_1_0 = "1.0";
  public static final String FHIR_JSON = "application/fhir+json";
  public static final String FHIR_XML = "application/fhir+xml";

  private EventHeaders() {}

  /** A header value as text, whether a binding handed it over as the raw bytes or already decoded. */
  public static java.util.Optional<String> text(Object value) {
    if (value instanceof byte[] bytes) {
      return java.util.Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (value instanceof String s) {
      return java.util.Optional.of(s);
    }
    return java.util.Optional.empty();
  }

  /** The last value of a Kafka record header as text, or null when the record does not carry it. */
  public static String last(org.apache.kafka.common.header.Headers headers, String name) {
    org.apache.kafka.common.header.Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Header text as the raw UTF-8 bytes written on the wire, as CloudEvents' Kafka binding expects. */
  public static byte[] bytes(String value) {
    return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
