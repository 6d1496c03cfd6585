package io.pathtrack.specimen.domain;

import java.time.Duration;
import java.util.Locale;

/**
 * A turnaround target: a number of working days on the site calendar ({@code 2d}) or elapsed hours
 * ({@code 36h}, for urgent and stat work that does not wait for Monday).
 */
public record TurnaroundTarget(int workingDays, Duration elapsed) {

  public static TurnaroundTarget workingDays(int days) {
    return new TurnaroundTarget(days, Duration.ZERO);
  }

  public static TurnaroundTarget hours(long hours) {
    return new TurnaroundTarget(0, Duration.ofHours(hours));
  }

  /** Reads {@code 2d} (working days) or {@code 36h} (hours). */
  public static TurnaroundTarget parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("d")) {
      return workingDays(Integer.parseInt(t.substring(0, t.length() - 1).trim()));
    }
    if (t.endsWith("h")) {
      return hours(Long.parseLong(t.substring(0, t.length() - 1).trim()));
    }
    throw new IllegalArgumentException("turnaround target must be like 2d (working days) or 36h (hours): " + text);
  }

  public boolean inWorkingDays() {
    return workingDays > 0;
  }

  @Override
  public String toString() {
    return inWorkingDays() ? workingDays + " working day" + (workingDays == 1 ? "" : "s") : elapsed.toHours() + " h";
  }
}
