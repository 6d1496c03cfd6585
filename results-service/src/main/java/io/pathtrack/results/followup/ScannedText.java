package io.pathtrack.results.followup;

import io.pathtrack.results.followup.Phrase.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A normalised text with the phrases found in it, the clause and comma segment of each, and its headed sections;
 * and the two reaches every cue has: forward to the mention it precedes, back over the mentions it follows.
 * One per read, not shared between threads.
 */
final class ScannedText {

  /** After a comma, a list that goes on with "or" keeps a negation going ("no atypia, calcifications or malignancy"). */
  private static final Pattern LIST_CONTINUES = Pattern.compile(
      "[^.;:\\n]{0,120}?(?<![\\p{L}])(?:or|nor|and/or|oder|noch|ni|ou|o|né|of)(?![\\p{L}])");
  private static final int LIST_LOOKAHEAD = 121;
  /** However closely mentions follow each other, a preceding cue reaches no further than this. */
  static final int CHAIN_MAX = 160;
  /** How close a following cue must be to join a quoted span. */
  private static final int CLOSE = 12;

  final String plain;
  final String lower;
  final Sections sections;
  private final List<PhraseScanner.Match<Phrase>> tokens;
  private final int[] clause;
  private final int[] segment;

  private ScannedText(String plain, String lower, Sections sections, List<PhraseScanner.Match<Phrase>> tokens,
      int[] clause, int[] segment) {
    this.plain = plain;
    this.lower = lower;
    this.sections = sections;
    this.tokens = tokens;
    this.clause = clause;
    this.segment = segment;
  }

  /** Normalises and scans a text (null reads as empty). */
  static ScannedText of(String raw, PhraseScanner<Phrase> scanner) {
    String plain = ReportText.normalize(raw);
    String lower = ReportText.lowerCase(plain);
    List<PhraseScanner.Match<Phrase>> tokens = scanner.scan(lower);
    int[] contrast = tokens.stream().filter(t -> t.meaning().role() == Role.CONTRAST)
        .mapToInt(PhraseScanner.Match::start).toArray();
    Clauses clauses = Clauses.of(plain, contrast);
    int[] clause = new int[tokens.size()];
    int[] segment = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      clause[i] = clauses.clauseOf(tokens.get(i).start());
      segment[i] = clauses.segmentOf(tokens.get(i).start());
    }
    Sections sections = tokens.isEmpty() ? Sections.of("", "") : Sections.of(plain, lower);
    return new ScannedText(plain, lower, sections, tokens, clause, segment);
  }

  int size() {
    return tokens.size();
  }

  PhraseScanner.Match<Phrase> token(int i) {
    return tokens.get(i);
  }

  Role role(int i) {
    return tokens.get(i).meaning().role();
  }

  boolean isMention(int i) {
    return tokens.get(i).meaning().isMention();
  }

  boolean sameClause(int i, int j) {
    return clause[i] == clause[j];
  }

  boolean sameSegment(int i, int j) {
    return segment[i] == segment[j];
  }

  /** Characters between two tokens, whichever comes first; 0 when they touch. */
  int gap(int i, int j) {
    PhraseScanner.Match<Phrase> a = tokens.get(Math.min(i, j));
    PhraseScanner.Match<Phrase> b = tokens.get(Math.max(i, j));
    return Math.max(0, b.start() - a.end());
  }

  /**
   * The mentions a preceding cue reaches in its clause: the first mention at most {@code reach} characters on, then
   * each mention at most {@code chainGap} characters after the previous one ("no further biopsy or excision"), up to
   * {@value #CHAIN_MAX} characters on; a negative chain gap takes every mention within reach. A {@link Role#SCOPE_END} phrase stops the reach; a comma
   * stops it unless {@code acrossLists} and the list goes on with "or".
   */
  List<Integer> reachedForward(int cue, int reach, int chainGap, boolean acrossLists) {
    List<Integer> reached = new ArrayList<>();
    int lastEnd = -1;
    for (int j = cue + 1; j < tokens.size() && sameClause(cue, j); j++) {
      boolean chained = lastEnd >= 0 && chainGap >= 0;
      if (chained ? tokens.get(j).start() - lastEnd > chainGap || gap(cue, j) > CHAIN_MAX : gap(cue, j) > reach) {
        break;
      }
      if (role(j) == Role.SCOPE_END) {
        break;
      }
      if (!sameSegment(cue, j) && !(acrossLists && listContinues(tokens.get(cue).end(), tokens.get(j).start()))) {
        break;
      }
      if (!isMention(j)) {
        continue;
      }
      reached.add(j);
      lastEnd = tokens.get(j).end();
      if (chainGap == 0) {
        break;
      }
    }
    return reached;
  }

  /**
   * The mentions a following cue reaches back in its clause, at most {@code reach} characters: those of its own
   * comma segment; when that has none, those of the nearest earlier segment that has any ("excision, in this
   * setting, is not required"). A phrase of role {@code stop} ends the reach ("imaging is recommended and excision
   * not required").
   */
  List<Integer> reachedBack(int cue, int reach, Role stop) {
    List<Integer> reached = new ArrayList<>();
    int current = segment[cue];
    for (int j = cue - 1; j >= 0 && sameClause(cue, j) && gap(j, cue) <= reach; j--) {
      if (segment[j] != current) {
        if (!reached.isEmpty()) {
          break;
        }
        current = segment[j];
      }
      if (role(j) == stop) {
        break;
      }
      if (isMention(j)) {
        reached.add(j);
      }
    }
    return reached;
  }

  /** Clauses from token i to token j (0 in the same clause). */
  int clauseDistance(int i, int j) {
    return Math.abs(clause[j] - clause[i]);
  }

  /** Whether a colon follows token i, after spaces at most. */
  boolean colonFollows(int i) {
    int p = tokens.get(i).end();
    while (p < plain.length() && plain.charAt(p) == ' ') {
      p++;
    }
    return p < plain.length() && plain.charAt(p) == ':';
  }

  /**
   * The end of a quoted span, moved over the recommending cues and intervals that follow it closely in the clause of
   * token i, so that "excision should" becomes "excision should be considered".
   */
  int extendOverCues(int i, int end) {
    int extended = end;
    for (int j = i + 1; j < tokens.size() && sameClause(i, j); j++) {
      PhraseScanner.Match<Phrase> t = tokens.get(j);
      if (t.end() <= extended) {
        continue;
      }
      Role r = t.meaning().role();
      if (t.start() - extended > CLOSE || (r != Role.RECOMMEND && r != Role.INTERVAL)) {
        break;
      }
      extended = t.end();
    }
    return extended;
  }

  private boolean listContinues(int from, int to) {
    int comma = to - 1;
    while (comma >= from && lower.charAt(comma) != ',') {
      comma--;
    }
    if (comma < from) {
      return false;
    }
    return LIST_CONTINUES.matcher(lower).region(comma + 1, Math.min(lower.length(), comma + LIST_LOOKAHEAD)).lookingAt();
  }

  /** The text between two offsets, runs of white space as one space, trimmed. */
  String quote(int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    boolean space = false;
    for (int p = start; p < end; p++) {
      char c = plain.charAt(p);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
