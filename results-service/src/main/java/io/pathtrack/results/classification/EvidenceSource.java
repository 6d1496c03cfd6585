package io.pathtrack.results.classification;

/** Where a piece of evidence was found, strongest first (docs/architecture.md §4 "rules of evidence"). */
public enum EvidenceSource {
  CONCLUSION_CODE,
  CONCLUSION_TEXT,
  OBSERVATION,
  ATTACHMENT,
  NARRATIVE,
  /** Nothing placed the report: the evidence says what could not be placed. */
  NONE
}
