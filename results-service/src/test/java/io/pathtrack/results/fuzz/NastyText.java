package io.pathtrack.results.fuzz;

import java.util.List;

/** Text that breaks parsers and text handling: control characters, odd Unicode, markup, huge runs. */
final class NastyText {
  private NastyText() {}

  static final List<String> PIECES = List.of(
      "", " ", "\u0000", "\u0001\u0002\u0003", "\t", "\r", "\n", "\r\n", "\u000B\u000C", "\u0085", "\u2028\u2029",
      "\uFEFF", "\uFFFE", "\uFFFF", "\uD800", "\uDC00x", "\uD83D\uDE00", "\u202E\u202D", "\u200B\u200D",
      "e\u0301\u0301\u0301", "\u0130\u0131", "\u00DF", "\uFF41\uFF42", "\u0663\u0664", "\u4E2D\u6587",
      "\\", "\\\\", "\"", "'", "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&#99999999;", "]]>", "<!--", "-->",
      "<b>", "</div>", "<![CDATA[x]]>", "%s%n", "${jndi:x}", "{{7*7}}", "|", "^", "~", "\\X0D\\", "\\.br\\",
      "\\F\\", "\\S\\", "\\E\\", "\\Zxx\\", "\\X", "|TAB|", "|BLANK(999999999)|", "NaN", "-0", "1e999",
      "9999999999999999999999", "0x1F", "true", "null", "Patient/", "urn:uuid:", "#", "Observation/urn:uuid:x");

  /** Words that carry or negate a diagnosis, to move the classifier. */
  static final List<String> DIAGNOSTIC = List.of("carcinoma", "benign", "no evidence of malignancy",
      "negative for", "atypical", "insufficient", "Bethesda II", "B5b", "not malignant", "suspicious",
      "Karzinom", "kein Anhalt", "Gleason 3+4", "fibroadenoma");

  static String piece(FuzzChoices choices) {
    return choices.pick(PIECES);
  }

  /** One nasty piece, a few of them mixed into a word, or a huge run of one of them. */
  static String any(FuzzChoices choices) {
    return switch (choices.below(6)) {
      case 0 -> piece(choices);
      case 1 -> piece(choices) + choices.pick(DIAGNOSTIC) + piece(choices);
      case 2 -> choices.pick(DIAGNOSTIC);
      case 3 -> huge(choices);
      case 4 -> new String(choices.bytes(40), java.nio.charset.StandardCharsets.ISO_8859_1);
      default -> piece(choices) + piece(choices) + piece(choices);
    };
  }

  /** Tens of kilobytes of one piece, sometimes up to the payload limit. */
  static String huge(FuzzChoices choices) {
    String unit = choices.oneIn(2) ? choices.pick(List.of("A", " ", "carcinoma ", "\u00E4", "<", "\\", "&amp;", "-"))
        : piece(choices) + "x";
    int length = choices.oneIn(8) ? 1 << 20 : choices.between(1_000, 60_000);
    return unit.repeat(Math.max(1, length / Math.max(1, unit.length())));
  }
}
