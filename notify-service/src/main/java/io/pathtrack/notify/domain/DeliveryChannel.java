package io.pathtrack.notify.domain;

import java.util.Locale;

/** A way a notification reaches its recipient; carried in {@code Communication.medium}. */
public enum DeliveryChannel {
  /** The built-in inbox: {@code GET /notifications}, and its live stream. */
  INBOX,
  /** Email over SMTP: priority, a reference and a link only, never the diagnosis or the patient. */
  EMAIL,
  /** A pager/SMS gateway or any HTTP receiver: a signed JSON body, the same no-PHI content. */
  WEBHOOK,
  /** A FHIR Communication POSTed to the recipient's EHR, referencing the report. */
  FHIR;

  public static final String SYSTEM = io.pathtrack.contract.Vocabulary.BASE + "/CodeSystem/delivery-channel";

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
