package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;
import java.util.List;

/**
 * The outcome of one report version with its evidence (docs/architecture.md §4).
 *
 * @param outcome        exactly one outcome; never benign by default
 * @param needsReview    true when no rule could place the report (the outcome is then ATYPICAL), or when
 *                       weaker evidence contradicts the deciding evidence with a worse outcome
 * @param evidence       never empty; the first element is the deciding evidence
 * @param ruleSetVersion {@link OutcomeClassifier#RULE_SET_VERSION} of the rules that decided
 */
public record Classification(Outcome outcome, boolean needsReview, List<Evidence> evidence, String ruleSetVersion) {

  public Classification {
    evidence = List.copyOf(evidence);
  }

  /** The evidence that decided the outcome. */
  public Evidence decidingEvidence() {
    return evidence.get(0);
  }
}
