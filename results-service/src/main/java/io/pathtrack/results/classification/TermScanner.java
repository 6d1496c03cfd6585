package io.pathtrack.results.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds lexicon entries in lower-cased text, longest match first, in one left-to-right pass.
 *
 * <p>Hot path (microseconds per report): instead of one giant alternation tried at every character, each
 * entry is filed at construction time under the three-character prefixes it can start with, found by
 * probing its compiled pattern with {@link Matcher#hitEnd()}. At each word start only the few entries
 * filed under that prefix are tried. Entries that start with a letter wildcard ({@code \p{L}*carcinoma})
 * are not filed; they carry a literal needle that must occur in the word before their pattern is run.
 *
 * <p>Immutable and thread-safe; {@link #scan} allocates its matchers per call.
 */
final class TermScanner {

  /**
   * HARD: punctuation that ends every scope (a sentence, a list item, a "label: value" pair);
   * COMMA: a comma or parenthesis, which ends a scope unless a list continues.
   */
  enum Break { NONE, HARD, COMMA }

  /** A lexicon entry found at [start, end), or a punctuation break at start. */
  record Token(Term term, int start, int end, Break brk) {
    boolean isTerm() {
      return term != null;
    }
  }

  private static final String WORD_END = "(?![\\p{L}\\p{N}])";
  private static final String BASE_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789äöüßéèàç";
  private static final String PUNCTUATION = " \n-/.,'()+:&=";
  private static final char OTHER = '#';
  private static final int INDEXED_CHARS = 0x250;
  private static final int PREFIX = 3;
  private static final int[] NONE = new int[0];

  private final Term[] terms;
  private final Pattern[] patterns;
  private final String[] needles;
  private final int[] wildcards;
  private final String alphabet;
  /** Alphabet position of each char below {@link #INDEXED_CHARS}; the last position stands for any other char. */
  private final int[] charIndex = new int[INDEXED_CHARS];
  /** Candidate entries by alphabet position of the first, second and third character (sparse). */
  private final int[][][][] prefixes;

  TermScanner(List<Lexicon> lexicons) {
    List<Term> all = new ArrayList<>();
    lexicons.forEach(l -> all.addAll(l.terms()));
    terms = all.toArray(Term[]::new);
    patterns = new Pattern[terms.length];
    needles = new String[terms.length];
    TreeSet<Character> letters = new TreeSet<>();
    for (char c : BASE_LETTERS.toCharArray()) {
      letters.add(c);
    }
    List<Integer> wildcardList = new ArrayList<>();
    for (int i = 0; i < terms.length; i++) {
      String regex = terms[i].regex();
      patterns[i] = Pattern.compile("(?:" + expandSpaces(regex) + ")" + WORD_END);
      needles[i] = needleOf(regex);
      if (needles[i] != null) {
        wildcardList.add(i);
      }
      for (char c : regex.toCharArray()) {
        if (Character.isLetter(c) && Character.isLowerCase(c)) {
          letters.add(c);
        }
      }
    }
    wildcards = wildcardList.stream().mapToInt(Integer::intValue).toArray();
    StringBuilder alpha = new StringBuilder();
    letters.forEach(alpha::append);
    alphabet = alpha + PUNCTUATION + OTHER;
    Arrays.fill(charIndex, alphabet.length() - 1);
    for (int i = 0; i < alphabet.length() - 1; i++) {
      if (alphabet.charAt(i) < INDEXED_CHARS) {
        charIndex[alphabet.charAt(i)] = i;
      }
    }
    prefixes = fileByPrefix();
  }

  boolean isEmpty() {
    return terms.length == 0;
  }

  /** Scans lower-cased text; returns entries (longest match at each word start) and punctuation breaks in order. */
  List<Token> scan(String lower) {
    return scan(lower, 0, lower.length());
  }

  /** Scans [from, to) of lower-cased text; matches may not extend beyond {@code to}. */
  List<Token> scan(String lower, int from, int to) {
    List<Token> tokens = new ArrayList<>();
    Matcher[] matchers = new Matcher[terms.length];
    int p = from;
    while (p < to) {
      char c = lower.charAt(p);
      if (!Character.isLetterOrDigit(c)) {
        if (c == ',' || c == '(' || c == ')') {
          tokens.add(new Token(null, p, p + 1, Break.COMMA));
        } else if (isHardBreak(lower, p, c)) {
          tokens.add(new Token(null, p, p + 1, Break.HARD));
        }
        p++;
        continue;
      }
      int wordEnd = p;
      while (wordEnd < to && Character.isLetterOrDigit(lower.charAt(wordEnd))) {
        wordEnd++;
      }
      if (p > 0 && Character.isLetterOrDigit(lower.charAt(p - 1))) {
        p = wordEnd; // not a word start (a scan region began mid-word)
        continue;
      }
      int best = -1;
      int bestEnd = p;
      for (int idx : candidates(lower, p, to)) {
        int end = matchEnd(matchers, idx, lower, p, to);
        if (end > bestEnd) {
          best = idx;
          bestEnd = end;
        }
      }
      for (int idx : wildcards) {
        if (containsWithin(lower, needles[idx], p, wordEnd)) {
          int end = matchEnd(matchers, idx, lower, p, to);
          if (end > bestEnd) {
            best = idx;
            bestEnd = end;
          }
        }
      }
      if (best >= 0) {
        tokens.add(new Token(terms[best], p, bestEnd, Break.NONE));
        p = bestEnd;
      } else {
        p = wordEnd;
      }
    }
    return tokens;
  }

  private int matchEnd(Matcher[] matchers, int idx, String lower, int p, int to) {
    Matcher m = matchers[idx];
    if (m == null) {
      m = patterns[idx].matcher(lower).useTransparentBounds(true).useAnchoringBounds(false);
      matchers[idx] = m;
    }
    m.region(p, to);
    return m.lookingAt() ? m.end() : -1;
  }

  private int[] candidates(String lower, int p, int to) {
    int[][][] second = prefixes[position(lower, p, to)];
    if (second == null) {
      return NONE;
    }
    int[][] third = second[position(lower, p + 1, to)];
    if (third == null) {
      return NONE;
    }
    int[] found = third[position(lower, p + 2, to)];
    return found == null ? NONE : found;
  }

  /** Alphabet position of the char at p; past the end of the region reads as a space. */
  private int position(String lower, int p, int to) {
    char c = p < to ? lower.charAt(p) : ' ';
    return c < INDEXED_CHARS ? charIndex[c] : alphabet.length() - 1;
  }

  private static boolean isHardBreak(String text, int p, char c) {
    return switch (c) {
      case ';', ':', '!', '?', '\n', '•' -> true;
      // "2.5 cm" is not the end of a sentence
      case '.' -> !(p > 0 && p + 1 < text.length()
          && Character.isDigit(text.charAt(p - 1)) && Character.isDigit(text.charAt(p + 1)));
      default -> false;
    };
  }

  private int[][][][] fileByPrefix() {
    int size = alphabet.length();
    int[][][][] table = new int[size][][][];
    for (int t = 0; t < patterns.length; t++) {
      if (needles[t] != null) {
        continue;
      }
      char[] probe = new char[PREFIX];
      for (int i = 0; i < size; i++) {
        probe[0] = alphabet.charAt(i);
        if (!canStartWith(t, probe, 1)) {
          continue;
        }
        for (int j = 0; j < size; j++) {
          probe[1] = alphabet.charAt(j);
          if (!canStartWith(t, probe, 2)) {
            continue;
          }
          for (int k = 0; k < size; k++) {
            probe[2] = alphabet.charAt(k);
            if (canStartWith(t, probe, 3)) {
              if (table[i] == null) {
                table[i] = new int[size][][];
              }
              if (table[i][j] == null) {
                table[i][j] = new int[size][];
              }
              int[] old = table[i][j][k] == null ? NONE : table[i][j][k];
              int[] grown = Arrays.copyOf(old, old.length + 1);
              grown[old.length] = t;
              table[i][j][k] = grown;
            }
          }
        }
      }
    }
    return table;
  }

  /** Whether entry t can match text beginning with these characters (matches them, or wants more). */
  private boolean canStartWith(int t, char[] probe, int length) {
    Matcher m = patterns[t].matcher(new String(probe, 0, length));
    return m.lookingAt() || m.hitEnd();
  }

  /**
   * Lexicon convention: a space in an entry matches any run of spaces, line breaks or hyphens
   * ("low grade" matches "low-grade"), and " ?" makes that run optional. Never put a space in a
   * character class.
   */
  static String expandSpaces(String regex) {
    return regex.replace(" ?", "[\\s\\-]*").replace(" ", "[\\s\\-]+");
  }

  /** For an entry written {@code \p{L}*literal...}, the literal the word must contain. */
  private static String needleOf(String regex) {
    String wildcard = "\\p{L}*";
    if (!regex.startsWith(wildcard) && !regex.startsWith("\\p{L}+")) {
      return null;
    }
    StringBuilder needle = new StringBuilder();
    for (char c : regex.substring(wildcard.length()).toCharArray()) {
      if (!Character.isLetter(c)) {
        break;
      }
      needle.append(c);
    }
    // a quantifier after the last letter makes that letter optional
    String rest = regex.substring(wildcard.length() + needle.length());
    if (!rest.isEmpty() && "?*{".indexOf(rest.charAt(0)) >= 0 && needle.length() > 0) {
      needle.setLength(needle.length() - 1);
    }
    return needle.length() >= 3 ? needle.toString() : null;
  }

  private static boolean containsWithin(String text, String needle, int from, int to) {
    int last = to - needle.length();
    outer:
    for (int i = from; i <= last; i++) {
      for (int j = 0; j < needle.length(); j++) {
        if (text.charAt(i + j) != needle.charAt(j)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
