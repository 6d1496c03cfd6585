package io.pathtrack.specimen.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A follow-up a final report recommends (repeat biopsy, excision, imaging…), tracked to its due date
 * (docs/architecture.md §4a); published as a FHIR Task on {@link io.pathtrack.contract.Topics#SLA_EVENTS}.
 *
 * @param kind the follow-up's code ({@code repeat-biopsy}, {@code excision}, {@code imaging}, …)
 * @param reportReference the report that recommended it
 * @param dueAt the interval the report states, else the site's default for the kind, from the report's issue time
 * @param closedBy who completed or cancelled it
 */
public record FollowUpTask(String kind, String reportReference, String reportVersion, Instant recommendedAt,
    Instant dueAt, Status status, Instant closedAt, String closedBy) {

  /** Where a follow-up is. */
  public enum Status {
    OPEN, OVERDUE, COMPLETED, CANCELLED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromCode(String code) {
      for (Status s : values()) {
        if (s.code().equals(code)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    /** Open or overdue: still to be done. */
    public boolean pending() {
      return this == OPEN || this == OVERDUE;
    }
  }

  public FollowUpTask with(Status next, Instant at, String by) {
    return new FollowUpTask(kind, reportReference, reportVersion, recommendedAt, dueAt, next,
        next.pending() ? closedAt : at, next.pending() ? closedBy : by);
  }

  /** Its due timer in the specimen's due-time index. */
  public DueTimer timer(String accession) {
    return new DueTimer(dueAt, DueTimer.Kind.FOLLOW_UP, accession, kind);
  }
}
