package io.pathtrack.results.followup;

import java.util.Arrays;
import java.util.Set;

/**
 * Where the sentences, clauses and comma segments of a plain text begin, so that a reader can tell whether two
 * phrases are in the same clause ({@link #clauseOf}) or the same comma-free segment ({@link #segmentOf}).
 *
 * <p>A clause ends at {@code . ; : ! ? •} and at a line break that is not a soft wrap. A full stop between digits
 * ("2.5 cm"), inside a word ("e.g", "z.n") or after a common abbreviation ("Z.n.", "ca.", "approx.", "Dr.") ends
 * nothing. A line break is a soft wrap when the next line goes on in lower case, or when a long line (a fixed-width
 * system wraps at 60-80 columns) ends without punctuation. A segment also ends at a comma or parenthesis, and at the contrast words the
 * reader passes in ("but", "aber", "mais"): "we recommend no excision, but imaging" shares its cue across them, but
 * not its negation.
 */
final class Clauses {

  private static final int SOFT_WRAP_MIN_LINE = 55;
  private static final int ABBREVIATION_MAX = 8;
  private static final Set<String> ABBREVIATIONS = Set.of("z.n", "s.p", "z.b", "ggf", "ggfs", "bzw", "evtl", "d.h",
      "u.a", "e.g", "i.e", "approx", "ca", "dr", "drs", "prof", "vs", "nr", "no", "mo", "mos", "wk", "wks", "yr", "yrs",
      "fig", "v.a", "inkl", "incl", "z.t", "sog", "bzgl", "resp", "pat", "st", "u.u", "o.g", "vgl", "s", "cf", "ref",
      "mr", "mrs", "ms", "dott", "dra", "sra", "p.ej", "ej", "p.ex", "env", "max", "min", "zw", "ev");

  private final int[] hard;
  private final int[] all;

  private Clauses(int[] hard, int[] all) {
    this.hard = hard;
    this.all = all;
  }

  /**
   * The breaks of a text, given in original case (abbreviations are told apart by case), plus the positions of
   * contrast words found by the reader's own vocabulary.
   */
  static Clauses of(String text, int[] contrastWords) {
    int[] hard = new int[Math.max(16, text.length() / 32)];
    int[] all = new int[hard.length];
    int hardCount = 0;
    int allCount = 0;
    for (int p = 0; p < text.length(); p++) {
      char c = text.charAt(p);
      if (Character.isLetterOrDigit(c) || c == ' ') {
        continue;
      }
      if (c == ',' || c == '(' || c == ')' || c == '[' || c == ']') {
        all = append(all, allCount++, p);
      } else if (isHardBreak(text, p, c)) {
        hard = append(hard, hardCount++, p);
        all = append(all, allCount++, p);
      }
    }
    for (int contrast : contrastWords) {
      all = append(all, allCount++, contrast);
    }
    int[] h = Arrays.copyOf(hard, hardCount);
    int[] a = Arrays.copyOf(all, allCount);
    Arrays.sort(h);
    Arrays.sort(a);
    return new Clauses(h, a);
  }

  /** The clause a position lies in: the number of clause breaks before it. */
  int clauseOf(int position) {
    return countBefore(hard, position);
  }

  /** The comma-free segment a position lies in: the number of breaks of any kind before it. */
  int segmentOf(int position) {
    return countBefore(all, position);
  }

  private static int countBefore(int[] sorted, int position) {
    int i = Arrays.binarySearch(sorted, position);
    return i >= 0 ? i : -i - 1;
  }

  private static int[] append(int[] array, int index, int value) {
    int[] a = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
    a[index] = value;
    return a;
  }

  private static boolean isHardBreak(String text, int p, char c) {
    return switch (c) {
      case ';', ':', '!', '?', '•' -> true;
      case '.' -> isSentenceEnd(text, p);
      case '\n' -> !isSoftWrap(text, p);
      default -> false;
    };
  }

  private static boolean isSentenceEnd(String text, int p) {
    char next = p + 1 < text.length() ? text.charAt(p + 1) : ' ';
    if (Character.isLetterOrDigit(next)) {
      return false; // "2.5", "e.g", "z.n", "www.example"
    }
    int start = p;
    while (start > 0 && p - start < ABBREVIATION_MAX
        && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
      start--;
    }
    if (start == p || (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))) {
      return true;
    }
    String word = ReportText.lowerCase(text.substring(start, p));
    while (word.startsWith(".")) {
      word = word.substring(1);
    }
    return !ABBREVIATIONS.contains(word);
  }

  /** A line break inside a sentence: the next line goes on in lower case, or a long line was wrapped. */
  private static boolean isSoftWrap(String text, int p) {
    int next = p + 1;
    while (next < text.length() && text.charAt(next) == ' ') {
      next++;
    }
    if (next >= text.length() || text.charAt(next) == '\n') {
      return false;
    }
    char first = text.charAt(next);
    if (Character.isLowerCase(first)) {
      return true;
    }
    int lineStart = text.lastIndexOf('\n', p - 1) + 1;
    int last = p - 1;
    while (last >= lineStart && text.charAt(last) == ' ') {
      last--;
    }
    if (last < lineStart || p - lineStart < SOFT_WRAP_MIN_LINE) {
      return false;
    }
    char end = text.charAt(last);
    boolean lineGoesOn = Character.isLetterOrDigit(end) || end == ',' || end == '-';
    boolean nextIsItem = Character.isDigit(first) || first == '-' || first == '*' || first == '•';
    return lineGoesOn && !nextIsItem;
  }
}
