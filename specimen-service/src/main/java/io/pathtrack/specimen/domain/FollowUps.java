package io.pathtrack.specimen.domain;

import io.pathtrack.contract.ReportCues;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Follow-ups recommended by final reports, tracked to their due dates (docs/architecture.md §4a). A report's follow-up
 * is due after the interval the report states ("repeat imaging in 6 months"), else after the site's default for its
 * kind; one that is still open when it falls due becomes overdue, and the ordering physician is told. A kind already
 * pending for the specimen is not tracked twice (an amendment repeating a recommendation keeps the first due date).
 */
public final class FollowUps {
  /** Defaults per kind when a report states no interval; a site overrides any. */
  public static final Map<String, Period> DEFAULT_DUE = Map.of(
      "repeat-biopsy", Period.ofDays(14), "excision", Period.ofDays(30), "imaging", Period.ofMonths(6),
      "correlation", Period.ofDays(7), "mdt", Period.ofDays(14), "ancillary", Period.ofDays(14),
      "clinical", Period.ofDays(30));
  /** A kind nobody configured is due after this. */
  static final Period FALLBACK_DUE = Period.ofDays(30);
  /** At most this many follow-ups are kept per specimen; older closed ones give way. */
  static final int MAX_PER_SPECIMEN = 32;

  private final Map<String, Period> due;

  public FollowUps(Map<String, Period> overrides) {
    Map<String, Period> merged = new HashMap<>(DEFAULT_DUE);
    overrides.forEach((kind, period) -> merged.put(kind.trim().toLowerCase(Locale.ROOT), period));
    this.due = Map.copyOf(merged);
  }

  /** What one event did: the record, the follow-ups whose state changed (to publish) and the timers to add or drop. */
  public record Step(SpecimenRecord record, List<FollowUpTask> changed, List<DueTimer> add, List<DueTimer> remove) {
    static Step none(SpecimenRecord record) {
      return new Step(record, List.of(), List.of(), List.of());
    }
  }

  /** A final report's recommendations: each kind not already pending is tracked from the report's issue time. */
  public Step onReport(SpecimenRecord record, List<ReportCues.FollowUp> recommended, String reportReference,
      String reportVersion, Instant issued) {
    List<FollowUpTask> all = new ArrayList<>(record.followUps());
    List<FollowUpTask> added = new ArrayList<>();
    for (ReportCues.FollowUp f : recommended) {
      // Once per kind while it is pending, and once per kind and report whatever became of it: a redelivered or
      // amended report does not reopen a follow-up that was completed or cancelled.
      boolean known = all.stream().anyMatch(t -> t.kind().equals(f.kind())
          && (t.status().pending() || t.reportReference().equals(reportReference)));
      if (known) {
        continue;
      }
      Period interval = f.interval().orElseGet(() -> due.getOrDefault(f.kind(), FALLBACK_DUE));
      Instant dueAt;
      try {
        dueAt = issued.atOffset(ZoneOffset.UTC).plus(interval).toInstant();
      } catch (java.time.DateTimeException | ArithmeticException e) {
        dueAt = issued.atOffset(ZoneOffset.UTC).plus(FALLBACK_DUE).toInstant();
      }
      FollowUpTask task = new FollowUpTask(f.kind(), reportReference, reportVersion, issued, dueAt,
          FollowUpTask.Status.OPEN, null, null);
      all.add(task);
      added.add(task);
    }
    if (added.isEmpty()) {
      return Step.none(record);
    }
    SpecimenRecord next = record.withFollowUps(bounded(all));
    for (FollowUpTask t : added) {
      next = next.withTimeline(new TimelineEntry(issued, "follow-up-recommended", t.kind() + ", due " + t.dueAt()));
    }
    return new Step(next, added, added.stream().map(t -> t.timer(record.accession())).toList(), List.of());
  }

  /** A follow-up's due time: still open, it becomes overdue. */
  public Step onDue(SpecimenRecord record, DueTimer timer, Instant now) {
    Optional<FollowUpTask> open = record.followUps().stream()
        .filter(t -> t.kind().equals(timer.followUp()) && t.status() == FollowUpTask.Status.OPEN
            && !t.dueAt().isAfter(now))
        .findFirst();
    if (open.isEmpty()) {
      return new Step(record, List.of(), List.of(), List.of(timer));
    }
    FollowUpTask overdue = open.get().with(FollowUpTask.Status.OVERDUE, now, null);
    SpecimenRecord next = record.withFollowUps(replace(record.followUps(), open.get(), overdue))
        .withTimeline(new TimelineEntry(now, "follow-up-overdue", overdue.kind() + ", was due " + overdue.dueAt()));
    return new Step(next, List.of(overdue), List.of(), List.of(timer));
  }

  /**
   * A follow-up done or no longer needed, as the lab or the EHR says ({@code $follow-up}).
   *
   * @return empty when the specimen has no pending follow-up of that kind
   */
  public Optional<Step> onClosed(SpecimenRecord record, String kind, FollowUpTask.Status to, String by, Instant now) {
    Optional<FollowUpTask> pending = record.followUps().stream()
        .filter(t -> t.kind().equals(kind) && t.status().pending()).findFirst();
    if (pending.isEmpty() || to.pending()) {
      return Optional.empty();
    }
    FollowUpTask closed = pending.get().with(to, now, by);
    SpecimenRecord next = record.withFollowUps(replace(record.followUps(), pending.get(), closed))
        .withTimeline(new TimelineEntry(now, "follow-up-" + to.code(), kind + (by == null ? "" : " by " + by)));
    return Optional.of(new Step(next, List.of(closed), List.of(),
        pending.get().status() == FollowUpTask.Status.OPEN ? List.of(pending.get().timer(record.accession())) : List.of()));
  }

  private static List<FollowUpTask> replace(List<FollowUpTask> all, FollowUpTask old, FollowUpTask now) {
    List<FollowUpTask> next = new ArrayList<>(all);
    next.set(next.indexOf(old), now);
    return next;
  }

  private static List<FollowUpTask> bounded(List<FollowUpTask> all) {
    List<FollowUpTask> kept = new ArrayList<>(all);
    for (int i = 0; kept.size() > MAX_PER_SPECIMEN && i < kept.size(); ) {
      if (!kept.get(i).status().pending()) {
        kept.remove(i);
      } else {
        i++;
      }
    }
    return kept;
  }
}
