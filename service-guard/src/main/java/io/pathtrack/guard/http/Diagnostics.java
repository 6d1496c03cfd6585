package io.pathtrack.guard.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an answer may say about what is wrong. It may state the problem, but a value it repeats is short
 * and free of control characters (a CR/LF in an echoed value could split a header or a log line that
 * copies the answer), and it names no Java class: callers learn what is wrong with their request, not how
 * the service is built.
 */
public final class Diagnostics {
  /** The longest value an answer repeats; longer ones are cut with an ellipsis. */
  public static final int ECHO_LENGTH = 40;

  private static final int MESSAGE_LENGTH = 400;
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\p{Cf}]+");
  /** {@code com.fasterxml.jackson.core.JsonParseException: } and the like, with what introduces them. */
  private static final Pattern QUALIFIED_THROWABLE = Pattern.compile(
      "(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");
  private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}([A-Z][A-Za-z0-9_$]*)");
  private static final Pattern SIMPLE_THROWABLE = Pattern.compile("\\b[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");
  /** Jackson's location names its source and the feature that hides it: {@code [Source: REDACTED (`…` disabled); line: 1, column: 3]}. */
  private static final Pattern JSON_SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line:");
  /** Quoted values, paired left to right; a single quote inside a word ("can't") opens nothing. */
  private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern SINGLE_QUOTED = Pattern.compile("(?<![A-Za-z0-9])'([^']*)'(?![A-Za-z0-9])");
  /** A run without spaces longer than any word or code a message needs: an id or value pasted in unquoted. */
  private static final Pattern LONG_TOKEN = Pattern.compile("[^\\s\"']{" + (2 * ECHO_LENGTH + 1) + ",}");

  private Diagnostics() {}

  /** A value as an answer may repeat it: control characters made spaces, cut at {@value #ECHO_LENGTH} characters. */
  public static String echo(String value) {
    if (value == null) {
      return "";
    }
    String clean = CONTROL.matcher(value).replaceAll(" ");
    return clean.length() <= ECHO_LENGTH ? clean : clean.substring(0, ECHO_LENGTH) + "…";
  }

  /**
   * A message from a library (HAPI's parser, Spring's binder) made fit for an answer: control characters
   * become spaces, Java class names go, quoted values are cut to {@value #ECHO_LENGTH} characters and the
   * whole to a few hundred.
   */
  public static String clean(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    String s = CONTROL.matcher(message).replaceAll(" ");
    s = JSON_SOURCE.matcher(s).replaceAll("[line:");
    s = QUALIFIED_THROWABLE.matcher(s).replaceAll("");
    s = QUALIFIED_CLASS.matcher(s).replaceAll("$1");
    s = SIMPLE_THROWABLE.matcher(s).replaceAll("");
    s = shorten(DOUBLE_QUOTED, s, "\"");
    s = shorten(SINGLE_QUOTED, s, "'");
    s = shorten(LONG_TOKEN, s, null);
    s = s.trim();
    return s.length() <= MESSAGE_LENGTH ? s : s.substring(0, MESSAGE_LENGTH) + "…";
  }

  /** Cuts each match (its group 1 between {@code quote}s, or the whole match when unquoted) to the echo length. */
  private static String shorten(Pattern values, String s, String quote) {
    Matcher m = values.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = quote == null ? m.group() : m.group(1);
      String shortened = value.length() <= ECHO_LENGTH ? value : value.substring(0, ECHO_LENGTH) + "…";
      m.appendReplacement(out, Matcher.quoteReplacement(quote == null ? shortened : quote + shortened + quote));
    }
    m.appendTail(out);
    return out.toString();
  }
}
