package io.pathtrack.specimen.domain;

import io.pathtrack.contract.ProcedureType;
import io.pathtrack.specimen.domain.SlaState;
import io.pathtrack.specimen.domain.SpecimenRecord;
import io.pathtrack.specimen.domain.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the lab keeps its turnaround targets, per procedure type: the share of final reports within target over the
 * last 7 and 30 days, how long the last 30 days' reports took (in the bands of the turnaround histogram's SLO
 * buckets, README "The turnaround policy"), which were late, and which specimens have a procedure nothing could place.
 * Plain Java over the specimen records; time from the caller.
 */
public record TurnaroundCompliance(List<ProcedureCompliance> procedures, List<Reported> late, List<SpecimenRecord> unmapped) {
  static final Duration WEEK = Duration.ofDays(7);
  static final Duration MONTH = Duration.ofDays(30);
  /** Upper bounds of the turnaround bands, in hours; the last band is open-ended. */
  static final List<Integer> BAND_HOURS = List.of(24, 48, 72, 120);
  public static final List<String> BAND_LABELS = List.of("under 24 h", "24-48 h", "48-72 h", "72-120 h", "over 120 h");

  /** A specimen's final report judged against its target. */
  public record Reported(SpecimenRecord record, Instant reportedAt, Duration turnaround, boolean met) {
    public Duration lateBy() {
      return Duration.between(record.plan().dueAt(), reportedAt);
    }
  }

  /** A share of reports within target; empty when no report falls in the period. */
  public record Share(int met, int total) {
    public Optional<Integer> percent() {
      return total == 0 ? Optional.empty() : Optional.of((int) Math.round(100.0 * met / total));
    }

    public String text() {
      return percent().map(p -> p + " % (" + met + " of " + total + ")").orElse("no reports");
    }
  }

  /** One procedure type: its shares and how many of the last 30 days' reports fell in each turnaround band. */
  public record ProcedureCompliance(ProcedureType procedure, Share week, Share month, List<Integer> bands) {}

  public static TurnaroundCompliance of(List<SpecimenRecord> records, Instant now) {
    List<Reported> reported = records.stream().map(TurnaroundCompliance::reported).flatMap(Optional::stream)
        .filter(r -> !r.reportedAt().isBefore(now.minus(MONTH)) && !r.reportedAt().isAfter(now))
        .toList();
    Map<ProcedureType, List<Reported>> byProcedure = new EnumMap<>(ProcedureType.class);
    reported.forEach(r -> byProcedure.computeIfAbsent(r.record().procedure(), p -> new ArrayList<>()).add(r));
    List<ProcedureCompliance> procedures = byProcedure.entrySet().stream()
        .map(e -> new ProcedureCompliance(e.getKey(), share(e.getValue(), now.minus(WEEK)), share(e.getValue(), now.minus(MONTH)),
            bands(e.getValue())))
        .toList();
    List<Reported> late = reported.stream().filter(r -> !r.met())
        .sorted(Comparator.comparing(Reported::reportedAt).reversed()).toList();
    List<SpecimenRecord> unmapped = records.stream().filter(SpecimenRecord::procedureUnmapped)
        .sorted(Comparator.comparing(SpecimenRecord::accession)).toList();
    return new TurnaroundCompliance(procedures, late, unmapped);
  }

  /** The final report's judgement, read from the timeline entry the SLA clock wrote when it came (met or late). */
  static Optional<Reported> reported(SpecimenRecord record) {
    if ((record.slaState() != SlaState.MET && record.slaState() != SlaState.LATE) || record.plan() == null) {
      return Optional.empty();
    }
    return record.timeline().stream().filter(e -> e.event().equals("sla-met") || e.event().equals("sla-late"))
        .map(TimelineEntry::at).reduce((first, later) -> later)
        .map(at -> {
          Duration turnaround = Duration.between(record.plan().start(), at);
          return new Reported(record, at, turnaround.isNegative() ? Duration.ZERO : turnaround,
              record.slaState() == SlaState.MET);
        });
  }

  private static Share share(List<Reported> reports, Instant since) {
    List<Reported> in = reports.stream().filter(r -> !r.reportedAt().isBefore(since)).toList();
    return new Share((int) in.stream().filter(Reported::met).count(), in.size());
  }

  static List<Integer> bands(List<Reported> reports) {
    int[] counts = new int[BAND_HOURS.size() + 1];
    for (Reported r : reports) {
      long minutes = r.turnaround().toMinutes();
      int band = 0;
      while (band < BAND_HOURS.size() && minutes >= BAND_HOURS.get(band) * 60L) {
        band++;
      }
      counts[band]++;
    }
    return java.util.Arrays.stream(counts).boxed().toList();
  }
}
