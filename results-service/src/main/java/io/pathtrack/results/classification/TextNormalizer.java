package io.pathtrack.results.classification;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what feeds put in text fields into plain text: XHTML tags (the caller strips narratives, but
 * not always completely), HTML entities, VistA word-processing markup ({@code |TAB|}, {@code |NOWRAP|},
 * {@code |BLANK(3)|}), HL7 v2 escapes ({@code \X0D\}, {@code \.br\}), typographic dashes and quotes.
 * Case is kept: evidence quotes the report as written.
 */
public final class TextNormalizer {

  private static final Pattern BLOCK_TAG =
      // bounded, and never across another '<': an unclosed tag repeated a million times stays linear
      Pattern.compile("(?i)<\\s{0,5}(?:br|/p|/div|/li|/tr|/h[1-6]|/table|/pre|p|div|li|tr|h[1-6])\\b[^<>]{0,2000}>");
  private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");
  private static final Pattern VISTA_MARKUP = Pattern.compile("\\|[A-Z][A-Z_]*(?:\\([^)|]{0,20}\\))?\\|");
  private static final Pattern HL7_LINE_BREAK = Pattern.compile("\\\\(?:X0D|X0A|\\.br|X0D0A)\\\\", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

  private TextNormalizer() {}

  /** Plain text; "" for null or blank input. */
  public static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    // each pass runs only when its trigger character occurs: most texts need few of them
    String s = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
    if (s.indexOf('<') >= 0) {
      s = BLOCK_TAG.matcher(s).replaceAll("\n");
      s = TAG.matcher(s).replaceAll(" ");
    }
    if (s.indexOf('|') >= 0) {
      s = VISTA_MARKUP.matcher(s).replaceAll(" ");
    }
    if (s.indexOf('\\') >= 0) {
      s = HL7_LINE_BREAK.matcher(s).replaceAll("\n");
      s = s.replace("\\F\\", "|").replace("\\S\\", "^").replace("\\T\\", "&").replace("\\R\\", "~");
    }
    s = decodeEntities(s);
    if (!isAscii(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFC);
      s = s.replace('\u2013', '-').replace('\u2014', '-').replace('\u2010', '-').replace('\u2011', '-')
          .replace('\u2212', '-').replace('\u2018', '\'').replace('\u2019', '\'').replace('\u00B4', '\'')
          .replace('\u201C', '"').replace('\u201D', '"');
    }
    return horizontalSpaceToBlank(s);
  }

  /** Tabs, form feeds and no-break or zero-width spaces become plain spaces. */
  private static String horizontalSpaceToBlank(String s) {
    char[] chars = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B') {
        if (chars == null) {
          chars = s.toCharArray();
        }
        chars[i] = ' ';
      }
    }
    return chars == null ? s : new String(chars);
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
    if (s.indexOf('&') < 0) {
      return s;
    }
    s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&apos;", "'").replace("&auml;", "ä").replace("&ouml;", "ö").replace("&uuml;", "ü")
        .replace("&Auml;", "Ä").replace("&Ouml;", "Ö").replace("&Uuml;", "Ü").replace("&szlig;", "ß");
    Matcher m = NUMERIC_ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String n = m.group(1);
      int cp = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
      m.appendReplacement(out, Character.isValidCodePoint(cp) ? Matcher.quoteReplacement(Character.toString(cp)) : " ");
    }
    m.appendTail(out);
    // last, so that "&amp;lt;" becomes "&lt;" and not "<"
    return out.toString().replace("&amp;", "&");
  }

  /**
   * Lower-cases character by character so that offsets in the result are offsets in the input
   * (String.toLowerCase may change the length, e.g. for a dotted capital I).
   */
  public static String lowerCaseSameLength(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }
}
