package io.pathtrack.results.followup;

import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * One follow-up a report recommends, as {@link FollowUpReader} found it.
 *
 * @param kind what is recommended
 * @param phrase the recommendation as the report words it (normalised text, runs of white space as one space,
 *     trimmed, at most {@value #PHRASE_MAX} characters)
 * @param location where in the report it was found, as the caller named it (e.g. "conclusion")
 * @param interval when the report says it should happen ("in 6 months" is P6M, "in 3-6 months" the shorter P3M,
 *     "within 2 weeks" P14D, "in one year" and "in 12 months" P1Y), if it says so
 */
public record FollowUp(FollowUpKind kind, String phrase, String location, Optional<Period> interval) {

  /** The longest phrase a follow-up quotes. */
  public static final int PHRASE_MAX = 160;

  public FollowUp {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(interval, "interval");
    if (phrase.length() > PHRASE_MAX) {
      throw new IllegalArgumentException("phrase longer than " + PHRASE_MAX + " characters");
    }
  }
}
