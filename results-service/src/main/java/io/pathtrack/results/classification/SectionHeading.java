package io.pathtrack.results.classification;

/**
 * A section heading of a report text, as a lower-case regular expression, and its role.
 *
 * @param inline false: a heading ends at a colon or stands alone on its line ("Final diagnosis:"); true: a phrase
 *               that opens a section wherever it occurs in running text ("the diagnosis is revised to")
 */
record SectionHeading(String regex, SectionRole role, boolean inline) {

  SectionHeading(String regex, SectionRole role) {
    this(regex, role, false);
  }
}
