package io.pathtrack.results.followup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the phrases of a vocabulary in lower-cased text, in one left-to-right pass, the longest phrase at each
 * word start.
 *
 * <p>Bounded work on long or hostile text: each phrase is filed at construction under the first two characters it
 * can start with (found by probing its pattern with {@link Matcher#hitEnd()}), so at a word start only the few
 * phrases filed there are tried; the patterns themselves use bounded repetition only.
 *
 * <p>Vocabulary convention: phrases are lower-case regular expressions; a space matches one to twenty spaces,
 * line breaks or hyphens ("follow up" matches "follow-up"), and " ?" makes that run optional. A phrase ends at a
 * word end. Immutable and thread-safe; {@link #scan} allocates its matchers per call.
 *
 * @param <T> what a phrase means to the reader using the scanner
 */
final class PhraseScanner<T> {

  /** A vocabulary entry: a regular expression in the convention above, and what it means. */
  record Entry<T>(String regex, T meaning) {}

  /** Entry {@code entry} found at [start, end) of the scanned text. */
  record Match<T>(T meaning, int entry, int start, int end) {}

  private static final String WORD_END = "(?![\\p{L}\\p{N}])";
  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyz0123456789äöüßéèêëàâáçñíìîïóòôúùûœæå '-/.&\n";
  /** Stands for every character not in the alphabet. */
  private static final char OTHER = 'ж';
  private static final int[] NONE = new int[0];
  private static final int INDEXED_CHARS = 0x250;
  /** Alphabet position of each char below {@link #INDEXED_CHARS}; the last position stands for any other char. */
  private static final int[] CHAR_INDEX = new int[INDEXED_CHARS];

  static {
    Arrays.fill(CHAR_INDEX, ALPHABET.length());
    for (int i = 0; i < ALPHABET.length(); i++) {
      CHAR_INDEX[ALPHABET.charAt(i)] = i;
    }
  }

  private final List<T> meanings;
  private final Pattern[] patterns;
  /** Candidate entries by alphabet position of the first and second character. */
  private final int[][][] byPrefix;

  PhraseScanner(List<Entry<T>> entries) {
    meanings = entries.stream().map(Entry::meaning).toList();
    patterns = entries.stream()
        .map(e -> Pattern.compile("(?:" + expandSpaces(e.regex()) + ")" + WORD_END))
        .toArray(Pattern[]::new);
    byPrefix = fileByPrefix();
  }

  /** The pattern of an entry, to read its groups from a match. */
  Pattern pattern(int entry) {
    return patterns[entry];
  }

  /** Scans lower-cased text; returns the longest entry at each word start, in order, never overlapping. */
  List<Match<T>> scan(String lower) {
    List<Match<T>> found = new ArrayList<>();
    Matcher[] matchers = new Matcher[patterns.length];
    int length = lower.length();
    int p = 0;
    while (p < length) {
      if (!Character.isLetterOrDigit(lower.charAt(p))) {
        p++;
        continue;
      }
      int wordEnd = p + 1;
      while (wordEnd < length && Character.isLetterOrDigit(lower.charAt(wordEnd))) {
        wordEnd++;
      }
      int best = -1;
      int bestEnd = p;
      for (int idx : candidates(lower, p)) {
        Matcher m = matchers[idx];
        if (m == null) {
          m = patterns[idx].matcher(lower).useTransparentBounds(true).useAnchoringBounds(false);
          matchers[idx] = m;
        }
        m.region(p, length);
        if (m.lookingAt() && m.end() > bestEnd) {
          best = idx;
          bestEnd = m.end();
        }
      }
      if (best >= 0) {
        found.add(new Match<>(meanings.get(best), best, p, bestEnd));
        p = Math.max(bestEnd, p + 1);
        // a match may end inside a word only where its own pattern said so; go on from the next word start
        while (p < length && p > 0 && Character.isLetterOrDigit(lower.charAt(p))
            && Character.isLetterOrDigit(lower.charAt(p - 1))) {
          p++;
        }
      } else {
        p = wordEnd;
      }
    }
    return found;
  }

  private int[] candidates(String lower, int p) {
    int[][] second = byPrefix[position(lower, p)];
    if (second == null) {
      return NONE;
    }
    int[] found = second[position(lower, p + 1)];
    return found == null ? NONE : found;
  }

  /** Alphabet position of the char at p; past the end reads as a space. */
  private static int position(String lower, int p) {
    char c = p < lower.length() ? lower.charAt(p) : ' ';
    return c < INDEXED_CHARS ? CHAR_INDEX[c] : ALPHABET.length();
  }

  private int[][][] fileByPrefix() {
    int size = ALPHABET.length() + 1;
    int[][][] table = new int[size][][];
    for (int t = 0; t < patterns.length; t++) {
      for (int i = 0; i < size; i++) {
        char first = i < ALPHABET.length() ? ALPHABET.charAt(i) : OTHER;
        if (!canStartWith(t, String.valueOf(first))) {
          continue;
        }
        for (int j = 0; j < size; j++) {
          char second = j < ALPHABET.length() ? ALPHABET.charAt(j) : OTHER;
          if (canStartWith(t, "" + first + second)) {
            if (table[i] == null) {
              table[i] = new int[size][];
            }
            int[] old = table[i][j] == null ? NONE : table[i][j];
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = t;
            table[i][j] = grown;
          }
        }
      }
    }
    return table;
  }

  /** Whether entry t can match text beginning with the probe (matches it, or wants more). */
  private boolean canStartWith(int t, String probe) {
    Matcher m = patterns[t].matcher(probe);
    return m.lookingAt() || m.hitEnd();
  }

  /** The space convention of the vocabularies; never put a space inside a character class. */
  static String expandSpaces(String regex) {
    return regex.replace(" ?", "[\\s\\-]{0,20}").replace(" ", "[\\s\\-]{1,20}");
  }
}
