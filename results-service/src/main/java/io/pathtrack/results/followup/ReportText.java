package io.pathtrack.results.followup;

import io.pathtrack.results.classification.TextNormalizer;

/**
 * Turns a report text into plain text the readers can scan: markup tags, HTML entities, HL7 v2 line-break
 * escapes, carriage returns, typographic dashes, quotes and spaces. Case is kept, because the phrases a
 * reader returns quote the report; {@link #lowerCase} gives the scanning copy with the same offsets.
 *
 * <p>The classifier's text normaliser, with the follow-up readers' plainer spaces.
 */
final class ReportText {

  private ReportText() {}

  /**
   * Plain text; "" for null or blank input: the classifier's clean-up ({@link TextNormalizer}: tags, entities, VistA
   * markup, HL7 v2 escapes), then every kind of space and line separator made plain.
   */
  static String normalize(String raw) {
    return plainPunctuation(TextNormalizer.normalize(raw));
  }

  /**
   * Lower-cases char by char, so that an offset in the result is the same offset in the input
   * ({@link String#toLowerCase()} may change the length).
   */
  static String lowerCase(String s) {
    return TextNormalizer.lowerCaseSameLength(s);
  }

  /** Dashes become '-', typographic quotes plain ones, every horizontal space a plain space. */
  private static String plainPunctuation(String s) {
    char[] chars = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char plain = plain(c);
      if (plain != c) {
        if (chars == null) {
          chars = s.toCharArray();
        }
        chars[i] = plain;
      }
    }
    return chars == null ? s : new String(chars);
  }

  private static char plain(char c) {
    if (c == '\n' || c == ' ') {
      return c;
    }
    return switch (c) {
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
      case '\u2018', '\u2019', '\u00B4', '\u02BC' -> '\'';
      case '\u201C', '\u201D', '\u201E' -> '"';
      case '\u200B', '\u00AD' -> ' ';
      case '\u2028', '\u2029', '\u0085', '\u000B', '\f' -> '\n';
      default -> Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c;
    };
  }
}
