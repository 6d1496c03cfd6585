package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The vocabulary of one language (or one language-neutral reporting system): diagnosis terms, the cues
 * that negate, hedge or mark history, and section headings. Lexicons are data: adding a language is
 * adding a lexicon, not changing the reader.
 */
record Lexicon(String name, List<Term> terms, List<SectionHeading> headings) {

  Lexicon {
    terms = List.copyOf(terms);
    headings = List.copyOf(headings);
  }

  static Builder builder(String name) {
    return new Builder(name);
  }

  /** Collects entries; every method takes lower-case regular expressions with non-capturing groups only. */
  static final class Builder {
    private final String name;
    private final List<Term> terms = new ArrayList<>();
    private final List<SectionHeading> headings = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Definite malignant neoplasm; negated ("negative for carcinoma") it is benign evidence. */
    Builder malignant(String... regexes) {
      return finding(Outcome.MALIGNANT, Outcome.BENIGN, regexes);
    }

    /** Atypia, precursor, uncertain potential; negated ("no atypia") it is benign evidence. */
    Builder atypical(String... regexes) {
      return finding(Outcome.ATYPICAL, Outcome.BENIGN, regexes);
    }

    /** Benign diagnosis; negated it says nothing ("not a fibroadenoma" does not place the report). */
    Builder benign(String... regexes) {
      return finding(Outcome.BENIGN, null, regexes);
    }

    /** The sample cannot answer the question; negated it says nothing. */
    Builder nondiagnostic(String... regexes) {
      return finding(Outcome.NONDIAGNOSTIC, null, regexes);
    }

    /**
     * Recognised but not placeable when affirmed ("neoplasm", "tumour": benign or malignant?), benign when
     * negated ("no tumour seen").
     */
    Builder placesOnlyWhenNegated(String... regexes) {
      return finding(null, Outcome.BENIGN, regexes);
    }

    /** Recognised, places nothing either way (so that it is reported as unplaceable, not silently ignored). */
    Builder unplaceable(String... regexes) {
      return finding(null, null, regexes);
    }

    Builder finding(Outcome outcome, Outcome whenNegated, String... regexes) {
      for (String regex : regexes) {
        terms.add(new Term(regex, TermKind.FINDING, outcome, whenNegated, null));
      }
      return this;
    }

    /** A finding whose outcome is computed from the matched text (e.g. an ICD-O-3 code written in the text). */
    Builder resolved(String regex, Function<String, Outcome> resolver) {
      terms.add(new Term(regex, TermKind.FINDING, null, null, resolver));
      return this;
    }

    Builder negationBefore(String... regexes) {
      return cues(TermKind.NEGATION_BEFORE, null, regexes);
    }

    Builder negationAfter(String... regexes) {
      return cues(TermKind.NEGATION_AFTER, null, regexes);
    }

    /** Hedges that only weaken what follows ("possible", "favour", "cannot exclude"). */
    Builder hedgeBefore(String... regexes) {
      return cues(TermKind.HEDGE_BEFORE, null, regexes);
    }

    /** Hedges that are themselves an atypical statement ("suspicious for", "worrisome for"). */
    Builder suspicionBefore(String... regexes) {
      return cues(TermKind.HEDGE_BEFORE, Outcome.ATYPICAL, regexes);
    }

    /** "A versus B": hedges what comes before it in its segment and what follows it. */
    Builder alternative(String... regexes) {
      return cues(TermKind.ALTERNATIVE, null, regexes);
    }

    Builder hedgeAfter(String... regexes) {
      return cues(TermKind.HEDGE_AFTER, null, regexes);
    }

    Builder historyBefore(String... regexes) {
      return cues(TermKind.HISTORY_BEFORE, null, regexes);
    }

    /** An earlier specimen or report ("previous biopsy", "Vorbefund"): see {@link TermKind#EARLIER_REPORT}. */
    Builder earlierReport(String... regexes) {
      return cues(TermKind.EARLIER_REPORT, null, regexes);
    }

    Builder affirmation(String... regexes) {
      return cues(TermKind.AFFIRMATION, null, regexes);
    }

    Builder scopeBreak(String... regexes) {
      return cues(TermKind.SCOPE_BREAK, null, regexes);
    }

    Builder neutral(String... regexes) {
      return cues(TermKind.NEUTRAL, null, regexes);
    }

    Builder heading(SectionRole role, String... regexes) {
      for (String regex : regexes) {
        headings.add(new SectionHeading(regex, role));
      }
      return this;
    }

    /** A phrase that opens a section wherever it occurs in running text ("the diagnosis is revised to"). */
    Builder inlineHeading(SectionRole role, String... regexes) {
      for (String regex : regexes) {
        headings.add(new SectionHeading(regex, role, true));
      }
      return this;
    }

    private Builder cues(TermKind kind, Outcome implied, String... regexes) {
      for (String regex : regexes) {
        terms.add(new Term(regex, kind, implied, null, null));
      }
      return this;
    }

    Lexicon build() {
      return new Lexicon(name, terms, headings);
    }
  }
}
