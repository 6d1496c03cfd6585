package io.pathtrack.specimen.pages;

import io.pathtrack.contract.Fhir;
import io.pathtrack.specimen.domain.SlaState;
import io.pathtrack.specimen.domain.SpecimenRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import org.hl7.fhir.r4.model.Specimen;

/**
 * An open specimen as the board shows it: what it is, who ordered it, when the lab received it, when it is due and
 * how long is left, with times in the calendar's zone.
 *
 * @param received the Specimen's {@code receivedTime}, when the lab recorded one
 * @param timeLeft until the due time, negative once it has passed
 */
public record BoardRow(SpecimenRecord record, Optional<Instant> received, Duration timeLeft, ZoneId zone) {
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");

  /** Least time left first, so breached specimens (the longest overdue first) head the board. */
  static final Comparator<BoardRow> ORDER = Comparator.comparing(BoardRow::timeLeft)
      .thenComparing(r -> r.record().accession());

  /** The row of an open specimen (its clock runs, so it has a plan). */
  static BoardRow of(SpecimenRecord record, Instant now, ZoneId zone) {
    return new BoardRow(record, receivedTime(record), Duration.between(now, record.plan().dueAt()), zone);
  }

  static Optional<Instant> receivedTime(SpecimenRecord record) {
    Specimen specimen = Fhir.json().parseResource(Specimen.class, record.specimenJson());
    return specimen.hasReceivedTime() ? Optional.of(specimen.getReceivedTime().toInstant()) : Optional.empty();
  }

  public String accession() {
    return record.accession();
  }

  public boolean breached() {
    return record.slaState() == SlaState.BREACHED;
  }

  public boolean warning() {
    return record.slaState() == SlaState.WARNING;
  }

  /** The state in words, so that it is never told by colour alone. */
  public String stateText() {
    return switch (record.slaState()) {
      case BREACHED -> "Breached";
      case WARNING -> "Warning";
      default -> "On track";
    };
  }

  public String receivedText() {
    return received.map(this::when).orElse("not recorded");
  }

  public String dueText() {
    return when(record.plan().dueAt());
  }

  public String timeLeftText() {
    return describe(timeLeft);
  }

  public String when(Instant at) {
    return WHEN.format(at.atZone(zone));
  }

  /** "1 d 4 h left", "3 h 20 min left", "overdue by 12 min" ({@link io.pathtrack.guard.security.PageText}). */
  static String describe(Duration left) {
    return io.pathtrack.guard.security.PageText.timeLeft(left);
  }
}
