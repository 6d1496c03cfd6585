package io.pathtrack.results.classification;

/** What a lexicon entry does when the text reader meets it. */
enum TermKind {
  /** A diagnosis term: places the text (or is recognised without placing it, e.g. "neoplasm"). */
  FINDING,
  /** "negative for", "no evidence of", "without", "kein": negates the findings that follow. */
  NEGATION_BEFORE,
  /** "not identified", "absent": negates the findings before it in the same segment. */
  NEGATION_AFTER,
  /** "suspicious for", "cannot exclude", "favour": hedges the findings that follow. */
  HEDGE_BEFORE,
  /** "cannot be excluded", "is suspected": hedges the findings before it in the same segment. */
  HEDGE_AFTER,
  /** "versus": hedges the findings before it in its segment and those that follow. */
  ALTERNATIVE,
  /** "history of", "known", "rule out", "Z.n.": what follows is clinical context, not the diagnosis. */
  HISTORY_BEFORE,
  /**
   * "previous biopsy", "prior core", "Vorbefund": names an earlier specimen or report. Like HISTORY_BEFORE; and
   * when it opens its clause, what follows up to its first finding stays that report's, even after "showed" or
   * "consistent with" ("Previous core showed ADH").
   */
  EARLIER_REPORT,
  /** "consistent with", "diagnostic of": pathology idiom that affirms; ends earlier negation and hedging. */
  AFFIRMATION,
  /** "but", "however", "with": ends the scope of earlier negation, hedging and history. */
  SCOPE_BREAK,
  /** Words that look like cues but are not ("no special type", "not otherwise specified"). */
  NEUTRAL
}
