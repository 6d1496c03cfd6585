package io.pathtrack.results.followup;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * What a vocabulary phrase does in its clause.
 *
 * @param role how the phrase acts on the phrases around it
 * @param kind the follow-up a mention names; null for every other role
 * @param fixedInterval for an interval phrase that names no count ("annually", "halbjährlich"), its period; null
 *     when the period is read from the phrase's groups
 */
record Phrase(Role role, FollowUpKind kind, Period fixedInterval) {

  /** How a phrase acts; the readers give each role its reach. */
  enum Role {
    /** Names a follow-up (or a calcification): "repeat biopsy", "Tumorkonferenz", "microcalcifications". */
    MENTION,
    /** Names a follow-up only next to a cue: "biopsy", "imaging", "removed". */
    WEAK_MENTION,
    /** Makes the mentions of its clause recommendations: "recommended", "empfohlen", "si consiglia". */
    RECOMMEND,
    /** Negates the mention it precedes: "no", "keine", "sin". */
    NEGATE_BEFORE,
    /** Negates the mentions before it in its segment: "is not required", "nicht erforderlich". */
    NEGATE_AFTER,
    /** Negates before or after: "no se requiere", "non è necessaria". */
    NEGATE_AROUND,
    /** Marks the mention it precedes as done before: "previous", "status post", "Z.n.". */
    HISTORY_BEFORE,
    /** Marks the mentions before it as done: "was performed", "erfolgte". */
    HISTORY_AFTER,
    /** Marks the mention it precedes as the reason for the request: "mammographic", "biopsy for". */
    INDICATION_BEFORE,
    /** Marks the mentions before it as seen elsewhere: "on mammogram", "in der Mammographie". */
    INDICATION_AFTER,
    /** Ends the reach of a preceding negation or history cue: "identified", "nachweisbar", "with". */
    SCOPE_END,
    /** Ends the clause: "but", "aber", "mais". */
    CONTRAST,
    /** A stated interval: "in 6 months", "innerhalb von 2 Wochen", "6-month". */
    INTERVAL
  }

  static Phrase of(Role role) {
    return new Phrase(role, null, null);
  }

  boolean isMention() {
    return role == Role.MENTION || role == Role.WEAK_MENTION;
  }

  /** Collects a vocabulary in the order given: at equal length the entry added first wins. */
  static final class Vocabulary {
    private final List<PhraseScanner.Entry<Phrase>> entries = new ArrayList<>();

    Vocabulary add(Phrase phrase, String... regexes) {
      for (String regex : regexes) {
        entries.add(new PhraseScanner.Entry<>(regex, phrase));
      }
      return this;
    }

    Vocabulary add(Role role, String... regexes) {
      return add(of(role), regexes);
    }

    Vocabulary mention(FollowUpKind kind, String... regexes) {
      return add(new Phrase(Role.MENTION, kind, null), regexes);
    }

    Vocabulary weakMention(FollowUpKind kind, String... regexes) {
      return add(new Phrase(Role.WEAK_MENTION, kind, null), regexes);
    }

    List<PhraseScanner.Entry<Phrase>> entries() {
      return List.copyOf(entries);
    }
  }
}
