package io.pathtrack.notify.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A recommended follow-up past its due date, as specimen-service says on the SLA topic.
 *
 * @param kind its code ({@code repeat-biopsy}, {@code excision}, {@code imaging}…)
 * @param reportReference the report that recommended it
 */
public record FollowUpAlert(String accession, String kind, Instant dueAt, String reportReference,
    Optional<String> orderingPractitioner) {

  /** The kind in words: {@code repeat-biopsy} → "Repeat biopsy". */
  public String kindInWords() {
    String words = kind.replace('-', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
