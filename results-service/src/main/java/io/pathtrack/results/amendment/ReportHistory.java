package io.pathtrack.results.amendment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report versions accepted for one accession, oldest first, and the rules that relate a new
 * version to them: a duplicate is dropped; a new version of a report replaces the latest earlier one,
 * and says whether the outcome changed; {@code entered-in-error} retracts it.
 */
public record ReportHistory(List<ReportVersion> versions) {
  /** Versions kept per accession; older ones are forgotten (they can no longer be redelivered). */
  static final int KEPT = 50;

  public ReportHistory {
    versions = List.copyOf(versions);
  }

  public static ReportHistory empty() {
    return new ReportHistory(List.of());
  }

  /** What to do with an incoming version. */
  public sealed interface Decision {
    /** The same content was accepted before (a REST retry, a Kafka redelivery): publish nothing. */
    record Duplicate(ReportVersion earlier) implements Decision {}

    /** The first version of this report. */
    record First() implements Decision {}

    /** A later version (amended, corrected, appended, final after preliminary) or a retraction. */
    record Replaces(ReportVersion earlier) implements Decision {}
  }

  public Decision decide(ReportVersion incoming) {
    for (ReportVersion v : versions) {
      if (v.reportId().equals(incoming.reportId()) && v.contentHash().equals(incoming.contentHash())) {
        return new Decision.Duplicate(v);
      }
    }
    Optional<ReportVersion> latest = latest(incoming.reportId());
    return latest.<Decision>map(Decision.Replaces::new).orElseGet(Decision.First::new);
  }

  public Optional<ReportVersion> latest(String reportId) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (versions.get(i).reportId().equals(reportId)) {
        return Optional.of(versions.get(i));
      }
    }
    return Optional.empty();
  }

  public ReportHistory with(ReportVersion accepted) {
    List<ReportVersion> next = new ArrayList<>(versions);
    next.add(accepted);
    while (next.size() > KEPT) {
      next.remove(0);
    }
    return new ReportHistory(next);
  }
}
