package io.pathtrack.results.classification;

/** The part a section heading ("DIAGNOSIS:", "Clinical history:") plays in a report text. */
enum SectionRole {
  /** The pathologist's diagnosis: final diagnosis, interpretation, conclusion, specimen adequacy. */
  DIAGNOSIS,
  /** Comments and notes that qualify the diagnosis; read together with it. */
  COMMENT,
  /** Other report sections (microscopic description, ancillary studies): read only when there is no diagnosis section. */
  OTHER,
  /** Clinical context that is not the diagnosis: clinical history, pre-/post-operative diagnosis, specimen, gross. Never read. */
  EXCLUDED
}
