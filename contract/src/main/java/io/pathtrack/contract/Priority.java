package io.pathtrack.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * Notification priority (docs/architecture.md §6). The codes are FHIR's request-priority codes, so a
 * {@code Communication.priority} carries them as they are.
 */
public enum Priority {
  ROUTINE("routine"),
  HIGH("urgent"),
  URGENT("stat");

  private final String fhirCode;

  Priority(String fhirCode) {
    this.fhirCode = fhirCode;
  }

  /** The code in FHIR's request-priority value set: routine, urgent (our HIGH) or stat (our URGENT). */
  public String fhirCode() {
    return fhirCode;
  }

  /** The word used in headers and messages: routine, high or urgent. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Priority> fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.code().equalsIgnoreCase(code)).findFirst();
  }
}
