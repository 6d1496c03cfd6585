package io.pathtrack.results.followup;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a report text into plain text the readers can scan: markup tags, HTML entities, HL7 v2 line-break
 * escapes, carriage returns, typographic dashes, quotes and spaces. Case is kept, because the phrases a
 * reader returns quote the report; {@link #lowerCase} gives the scanning copy with the same offsets.
 *
 * <p>The same clean-up as the classifier's text normaliser (a package of its own, kept apart on purpose),
 * reduced to what the follow-up and calcification readers need.
 */
final class ReportText {

  private static final Pattern BLOCK_TAG =
      Pattern.compile("(?i)<\\s{0,5}(?:br|/p|/div|/li|/tr|/h[1-6]|p|div|li|tr|h[1-6])\\b[^<>]{0,2000}>");
  private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");
  private static final Pattern HL7_LINE_BREAK = Pattern.compile("\\\\(?:X0D|X0A|\\.br|X0D0A)\\\\", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

  private ReportText() {}

  /** Plain text; "" for null or blank input. */
  static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String s = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
    if (s.indexOf('<') >= 0) {
      s = BLOCK_TAG.matcher(s).replaceAll("\n");
      s = TAG.matcher(s).replaceAll(" ");
    }
    if (s.indexOf('\\') >= 0) {
      s = HL7_LINE_BREAK.matcher(s).replaceAll("\n");
    }
    if (s.indexOf('&') >= 0) {
      s = decodeEntities(s);
    }
    if (!isAscii(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFC);
    }
    return plainPunctuation(s);
  }

  /**
   * Lower-cases char by char, so that an offset in the result is the same offset in the input
   * ({@link String#toLowerCase()} may change the length).
   */
  static String lowerCase(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
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

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static String decodeEntities(String s) {
    s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&apos;", "'").replace("&auml;", "ä").replace("&ouml;", "ö").replace("&uuml;", "ü")
        .replace("&Auml;", "Ä").replace("&Ouml;", "Ö").replace("&Uuml;", "Ü").replace("&szlig;", "ß")
        .replace("&eacute;", "é").replace("&egrave;", "è").replace("&agrave;", "à").replace("&ntilde;", "ñ")
        .replace("&ndash;", "-").replace("&mdash;", "-");
    Matcher m = NUMERIC_ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String n = m.group(1);
      int cp = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
      m.appendReplacement(out, Character.isValidCodePoint(cp) && cp != 0
          ? Matcher.quoteReplacement(Character.toString(cp)) : " ");
    }
    m.appendTail(out);
    // last, so that "&amp;lt;" becomes "&lt;" and not "<"
    return out.toString().replace("&amp;", "&");
  }
}
