package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;

/**
 * What one reader found in one place. {@code outcome == null} means "recognised but not placeable"
 * (an unknown code, "neoplasm", "favour fibroadenoma", a clinical-history mention): such findings never
 * decide, but they are named when nothing else places the report.
 *
 * <p>A {@code superseded} finding comes from a diagnosis that a later one in the same text replaces (a frozen
 * section or preliminary diagnosis beside the final one, a diagnosis before a revised one): it keeps its outcome
 * as context but never decides (docs/architecture.md §4).
 */
record Finding(Outcome outcome, String matched, String location, boolean superseded) {

  Finding(Outcome outcome, String matched, String location) {
    this(outcome, matched, location, false);
  }

  boolean placed() {
    return outcome != null && !superseded;
  }
}
