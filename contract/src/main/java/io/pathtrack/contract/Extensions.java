package io.pathtrack.contract;

/** URLs of the FHIR extensions the system adds to the resources it publishes. */
public final class Extensions {
  private static final String SD = Vocabulary.BASE + "/StructureDefinition/";

  /** On DiagnosticReport: valueCoding from {@link Outcome#SYSTEM}. */
  public static final String OUTCOME = SD + "outcome";
  /** On DiagnosticReport: valueBoolean, true when no rule could place the report and a person must look. */
  public static final String NEEDS_REVIEW = SD + "needs-review";
  /** On DiagnosticReport, repeating: valueString, what decided the outcome and where it was found. */
  public static final String OUTCOME_EVIDENCE = SD + "outcome-evidence";
  /** On DiagnosticReport: valueString, the version of the classification rule set. */
  public static final String RULE_SET_VERSION = SD + "rule-set-version";
  /**
   * On DiagnosticReport or its ServiceRequest, repeating: valueReference, a practitioner who receives a
   * copy of the result (HL7 v2 OBR-28, Result Copies To).
   */
  public static final String COPIES_TO = SD + "copies-to";
  /** On Specimen: valueCode, the lifecycle state (registered, reported…). */
  public static final String LIFECYCLE_STATUS = SD + "lifecycle-status";
  /** On Specimen: valueDuration in minutes, from receipt in the lab to the final report. */
  public static final String TURNAROUND = SD + "turnaround";
  /** On Specimen, repeating: valueCode, a discipline ({@link Discipline}) whose final report has arrived. */
  public static final String REPORTED_DISCIPLINE = SD + "reported-discipline";
  /** On Specimen: valueReference, the DiagnosticReport that reported it. */
  public static final String REPORTED_BY = SD + "reported-by";
  /**
   * On Specimen: radiology-pathology concordance of its final report ({@link Concordance}), a complex extension with
   * state, imaging-category, outcome, report, report-version, calcifications and repeating finding.
   */
  public static final String CONCORDANCE = SD + "concordance";
  /**
   * On DiagnosticReport, repeating: a follow-up the report recommends, a complex extension with kind (valueCode),
   * text (valueString, the words that recommend it) and interval (valueString, ISO-8601 period) when the report states one.
   */
  public static final String FOLLOW_UP = SD + "follow-up";
  /** On DiagnosticReport: valueCode present, absent or not-mentioned: whether it confirms calcifications in the specimen. */
  public static final String CALCIFICATIONS = SD + "calcifications";
  /**
   * On DiagnosticReport, repeating: valueReference, a practitioner of the order's care team or the patient's attending,
   * as the report names them (told of amendments).
   */
  public static final String CARE_TEAM = SD + "care-team";
  /** On DiagnosticReport: valueReference, who performed the biopsy, as the report's contained Procedure names them. */
  public static final String PERFORMER = SD + "performer";
  /** On DiagnosticReport: valueCode, its discipline ({@link Discipline}: histology or microbiology). */
  public static final String DISCIPLINE = SD + "discipline";
  /** On a microbiology DiagnosticReport: valueCode, the culture's result (growth, no-growth, pending, unknown). */
  public static final String CULTURE = SD + "culture";
  /** On DiagnosticReport: valueCode, the imaging category its own order states ({@link ImagingCategory#code()}). */
  public static final String IMAGING_CATEGORY = SD + "imaging-category";

  /** On Communication: valueString, the version of the report the notification is about. */
  public static final String REPORT_VERSION = SD + "report-version";
  /** On Communication: valueBoolean, true when the recipient is the fallback because none could be resolved. */
  public static final String FALLBACK_RECIPIENT = SD + "fallback-recipient";

  /** On Communication: valueCode, the notification's exact state (created, sent, acknowledged…). */
  public static final String NOTIFICATION_STATE = SD + "notification-state";
  /** On Communication: valueCode, why it was sent (result, outcome-changed, escalation, sla-warning, sla-breach). */
  public static final String TRIGGER = SD + "notification-trigger";
  /** On Communication: valueInteger, the step along the escalation chain (0 = first recipient). */
  public static final String ESCALATION_LEVEL = SD + "escalation-level";
  /** On Communication: valueDateTime, when it must be acknowledged by. */
  public static final String ACK_DEADLINE = SD + "acknowledgement-deadline";
  /** On Communication: valueDateTime, when it was acknowledged. */
  public static final String ACKNOWLEDGED_AT = SD + "acknowledged-at";
  /** On Communication: valueReference, who acknowledged it. */
  public static final String ACKNOWLEDGED_BY = SD + "acknowledged-by";
  /**
   * On Communication: valueString, what the recipient must do and why (a concordance finding, a rejected specimen's
   * reason): fixed sentences and the lab's reason, never words of the report. Not sent to the recipient's EHR.
   */
  public static final String NOTIFICATION_NOTE = SD + "notification-note";
  /** On Communication: valueReference, the earlier notification this one follows. */
  public static final String REPLACES = SD + "replaces";

  private Extensions() {}

  /**
   * The one extension with this URL, if there is exactly one: HAPI's {@code getExtensionByUrl} throws when there are
   * several, and a value stated twice is not read (never guessed).
   */
  public static java.util.Optional<org.hl7.fhir.r4.model.Extension> single(org.hl7.fhir.r4.model.Element element,
      String url) {
    return one(element.getExtensionsByUrl(url));
  }

  /** The same for a resource's extensions. */
  public static java.util.Optional<org.hl7.fhir.r4.model.Extension> single(org.hl7.fhir.r4.model.DomainResource resource,
      String url) {
    return one(resource.getExtensionsByUrl(url));
  }

  /** The primitive value of the one extension with this URL, if there is exactly one and it has a value. */
  public static java.util.Optional<String> singleValue(org.hl7.fhir.r4.model.Element element, String url) {
    return value(single(element, url));
  }

  /** The same for a resource's extensions. */
  public static java.util.Optional<String> singleValue(org.hl7.fhir.r4.model.DomainResource resource, String url) {
    return value(single(resource, url));
  }

  private static java.util.Optional<org.hl7.fhir.r4.model.Extension> one(
      java.util.List<org.hl7.fhir.r4.model.Extension> found) {
    return found.size() == 1 ? java.util.Optional.of(found.get(0)) : java.util.Optional.empty();
  }

  private static java.util.Optional<String> value(java.util.Optional<org.hl7.fhir.r4.model.Extension> extension) {
    return extension.map(org.hl7.fhir.r4.model.Extension::getValue)
        .filter(v -> v != null && v.hasPrimitiveValue()).map(org.hl7.fhir.r4.model.Type::primitiveValue);
  }
}
