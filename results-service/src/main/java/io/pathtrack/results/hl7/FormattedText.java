package io.pathtrack.results.hl7;

import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from an HL7 v2 text value. HAPI already turns the delimiter escapes (\F\ \S\ \T\ \R\ \E\)
 * back into characters; it leaves, as the standard lets a receiver choose, the formatting escapes of
 * v2.5.1 ch. 2.7: hexadecimal data {@code \Xdddd…\} (feeds use {@code \X0D\\X0A\} for a line break),
 * FT formatting commands ({@code \.br\}, {@code \.sp\}, {@code \.in\}…), highlighting {@code \H\ \N\} and
 * local escapes {@code \Z…\}, character-set switches {@code \C…\ \M…\}. This turns them into text.
 */
public final class FormattedText {
  private static final Pattern ESCAPE = Pattern.compile("\\\\(X[0-9A-Fa-f]*|\\.[a-z]{2}[^\\\\]*|H|N|Z[^\\\\]*|C[0-9A-Fa-f]*|M[0-9A-Fa-f]*)\\\\");

  private FormattedText() {}

  /** The text with formatting escapes applied, lines separated by LF, trailing blanks of each line removed. */
  public static String plain(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = ESCAPE.matcher(value);
    StringBuilder out = new StringBuilder(value.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement(m.group(1))));
    }
    m.appendTail(out);
    String text = out.toString().replace("\r\n", "\n").replace('\r', '\n');
    return text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip();
  }

  private static String replacement(String escape) {
    char kind = escape.charAt(0);
    if (kind == 'X') {
      return hex(escape.substring(1));
    }
    if (kind == '.') {
      // .br and .sp start a new line; the indentation and fill commands have no plain-text meaning
      return escape.startsWith(".br") || escape.startsWith(".sp") ? "\n" : "";
    }
    return "";
  }

  private static String hex(String digits) {
    if (digits.isEmpty() || digits.length() % 2 != 0) {
      return "";
    }
    return Er7Text.decode(HexFormat.of().parseHex(digits)).replace("\0", "");
  }
}
