package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;

/**
 * What one reader found in one place. {@code outcome == null} means "recognised but not placeable"
 * (an unknown code, "neoplasm", "favour fibroadenoma", a clinical-history mention): such findings never
 * decide, but they are named when nothing else places the report.
 */
record Finding(Outcome outcome, String matched, String location) {

  boolean placed() {
    return outcome != null;
  }
}
