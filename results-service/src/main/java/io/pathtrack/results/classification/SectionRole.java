package io.pathtrack.results.classification;

/** The part a section heading ("DIAGNOSIS:", "Clinical history:") plays in a report text. */
enum SectionRole {
  /** The pathologist's diagnosis: final diagnosis, interpretation, conclusion, specimen adequacy. */
  DIAGNOSIS,
  /**
   * A diagnosis that a later one in the same text replaces: preliminary, initial or original diagnosis, frozen
   * section, intraoperative consultation. When the text also has a DIAGNOSIS or REVISED section it is kept as
   * superseded context, never deciding; otherwise it is read like OTHER.
   */
  PRELIMINARY,
  /**
   * A revised, amended or corrected diagnosis ("Revised diagnosis:", "the diagnosis is amended to"). It decides;
   * the DIAGNOSIS sections before it (and their comments) become superseded context.
   */
  REVISED,
  /** Comments and notes that qualify the diagnosis; read together with it. */
  COMMENT,
  /** Other report sections (microscopic description, ancillary studies): read only when there is no diagnosis section. */
  OTHER,
  /** Clinical context that is not the diagnosis: clinical history, pre-/post-operative diagnosis, specimen, gross. Never read. */
  EXCLUDED
}
