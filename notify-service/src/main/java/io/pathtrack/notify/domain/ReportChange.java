package io.pathtrack.notify.domain;

import io.pathtrack.contract.Outcome;
import java.util.Objects;

/** What an amended or corrected version changed against the one before it. */
public record ReportChange(String fromVersion, String toVersion, String status, Outcome outcomeBefore, Outcome outcomeAfter,
    boolean conclusionChanged, boolean textChanged) {

  public static ReportChange between(ReportVersion before, ReportVersion after) {
    return new ReportChange(before.version(), after.version(), after.status(), before.outcome(), after.outcome(),
        !Objects.equals(before.conclusion(), after.conclusion()), !Objects.equals(before.text(), after.text()));
  }

  public boolean outcomeChanged() {
    return outcomeBefore != outcomeAfter;
  }
}
