package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;
import java.util.function.Function;

/**
 * One lexicon entry: a lower-case regular expression and what it means.
 *
 * @param regex       matched against lower-cased text at a word start; use only non-capturing groups
 * @param kind        finding or cue
 * @param outcome     for a FINDING, what it says when affirmed (null: recognised, places nothing);
 *                    for a HEDGE_BEFORE cue, the outcome the cue implies on its own (e.g. "suspicious for" → ATYPICAL)
 * @param whenNegated for a FINDING, what its negation says ("negative for carcinoma" → BENIGN); null: nothing
 * @param resolver    for findings whose outcome depends on the matched text (e.g. "ICD-O 8140/3"); else null
 */
record Term(String regex, TermKind kind, Outcome outcome, Outcome whenNegated, Function<String, Outcome> resolver) {

  Outcome outcomeOf(String matchedText) {
    return resolver == null ? outcome : resolver.apply(matchedText);
  }
}
