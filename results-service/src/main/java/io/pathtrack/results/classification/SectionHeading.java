package io.pathtrack.results.classification;

/** A section heading of a report text, as a lower-case regular expression, and its role. */
record SectionHeading(String regex, SectionRole role) {}
