package io.pathtrack.notify.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every version of every report of one accession, in the order they arrived: what the notification page reads. */
public record ReportHistory(String accession, List<ReportVersion> versions) {

  public ReportHistory {
    versions = List.copyOf(versions);
  }

  public static ReportHistory empty(String accession) {
    return new ReportHistory(accession, List.of());
  }

  /**
   * How many versions are kept, the newest: with {@link ReportVersion}'s bounds an accession's history stays well
   * under one Kafka record ({@code RecordSizes}), even with every text at its longest and in three-byte characters.
   */
  static final int KEPT = 8;

  /** Adds the version, or replaces the one with its report id and version (a redelivery); keeps the newest {@link #KEPT}. */
  public ReportHistory with(ReportVersion v) {
    List<ReportVersion> next = new ArrayList<>(versions.stream().filter(e -> !e.key().equals(v.key())).toList());
    next.add(v);
    return new ReportHistory(accession, next.subList(Math.max(0, next.size() - KEPT), next.size()));
  }

  public Optional<ReportVersion> find(String reportId, String version) {
    return versions.stream().filter(v -> v.reportId().equals(reportId) && v.version().equals(version)).findFirst();
  }

  /** The versions of the report that came before {@code version}, newest first. */
  public List<ReportVersion> earlier(String reportId, String version) {
    List<ReportVersion> of = versions.stream().filter(v -> v.reportId().equals(reportId)).toList();
    int at = indexOf(of, version);
    List<ReportVersion> earlier = new ArrayList<>(of.subList(0, at < 0 ? of.size() : at));
    java.util.Collections.reverse(earlier);
    return earlier;
  }

  /** What each version up to {@code version} changed against the one before, newest first. */
  public List<ReportChange> changes(String reportId, String version) {
    List<ReportVersion> of = versions.stream().filter(v -> v.reportId().equals(reportId)).toList();
    int at = indexOf(of, version);
    int last = at < 0 ? of.size() - 1 : at;
    List<ReportChange> changes = new ArrayList<>();
    for (int i = last; i > 0; i--) {
      changes.add(ReportChange.between(of.get(i - 1), of.get(i)));
    }
    return changes;
  }

  private static int indexOf(List<ReportVersion> of, String version) {
    for (int i = 0; i < of.size(); i++) {
      if (of.get(i).version().equals(version)) {
        return i;
      }
    }
    return -1;
  }
}
