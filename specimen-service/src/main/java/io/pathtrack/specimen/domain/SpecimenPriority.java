package io.pathtrack.specimen.domain;

import java.util.Locale;

/** The order's priority ({@code ServiceRequest.priority}); asap counts as urgent. */
public enum SpecimenPriority {
  ROUTINE,
  URGENT,
  STAT;

  public static SpecimenPriority fromRequestPriority(String code) {
    if (code == null) {
      return ROUTINE;
    }
    return switch (code.toLowerCase(Locale.ROOT)) {
      case "stat" -> STAT;
      case "urgent", "asap" -> URGENT;
      default -> ROUTINE;
    };
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
