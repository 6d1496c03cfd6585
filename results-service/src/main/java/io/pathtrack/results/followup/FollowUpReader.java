package io.pathtrack.results.followup;

import io.pathtrack.results.followup.Phrase.Role;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the follow-ups a pathology report recommends: repeat biopsy, excision, imaging, correlation, MDT review,
 * ancillary tests, clinical follow-up. English and German are read fully; French, Spanish, Italian and Dutch on a
 * best-effort vocabulary.
 *
 * <p>How a text is read:
 * <ul>
 *   <li>a mention ("repeat biopsy", "Exzision", "Tumorkonferenz") is a recommendation only with a recommending cue
 *       in its clause ("recommended", "should", "consider", "empfohlen", "sollte", "se recomienda", "geadviseerd"),
 *       at most {@value #CUE_REACH} characters away, or under a recommendation heading ("Recommendation:",
 *       "Empfehlung:"). A bare, weak mention ("biopsy", "imaging", "entfernt") needs a cue after it in its comma
 *       segment, at most {@value #WEAK_REACH} characters on ("biopsy should be repeated"), or a cue right before it
 *       with at most articles between ("recommend a biopsy"), so "excision is recommended given ADH on core biopsy"
 *       recommends an excision only;</li>
 *   <li>a negation undoes it: "no", "keine", "sin" before the mention ("no further biopsy is necessary"), "is not
 *       required", "nicht erforderlich" after it ("excision is not required");</li>
 *   <li>history is not a recommendation: "previous excision", "status post", "s/p lumpectomy", "Z.n. Exzision",
 *       "was performed";</li>
 *   <li>a clinical-context section ("Clinical history:", "Fragestellung:") closed by another heading is not read;</li>
 *   <li>a stated interval ("in 3-6 months", "innerhalb von 2 Wochen") belongs to the nearest recommended mention of
 *       its clause.</li>
 * </ul>
 * The same kind recommended twice gives one {@link FollowUp}: the first, with the shortest interval found.
 *
 * <p>Work is linear in the text: every cue reaches a bounded number of characters and no pattern backtracks without
 * bound, so a hostile megabyte reads like a long report. No input makes it throw. Immutable and thread-safe.
 */
public final class FollowUpReader {

  /** How far a recommending cue reaches in its clause, either way, in characters. */
  static final int CUE_REACH = 160;
  /** How far a following cue reaches back to a weak mention ("biopsy is recommended"), in its comma segment. */
  static final int WEAK_REACH = 40;
  /** How far a negation reaches forward to its first mention. */
  static final int NEGATION_REACH = 40;
  /** Mentions closer than this to a negated one share its negation ("no further biopsy or excision"). */
  static final int CHAIN_GAP = 15;
  /** How far a following negation or history cue reaches back. */
  static final int BACK_REACH = 120;
  /** How far a history cue reaches forward to the mention it qualifies. */
  static final int HISTORY_REACH = 40;
  /** A weak mention under a recommendation heading counts only this close to the heading. */
  static final int HEADING_WEAK_REACH = 60;

  /** What may stand between a cue and the weak mention it governs: articles, "be", a manner ("surgically"). */
  private static final Pattern OBJECT_LEAD = Pattern.compile("[\\s\\-]{0,3}(?:(?:a|an|the|another|be|been|surgically"
      + "|completely|fully|ein|eine[nmrs]?|operativ|chirurgisch|vollständig|komplett|un|une|la|le|les|el|una|uno|een|de|het"
      + "|der|die|das|di|della|del|d'|l')[\\s\\-]{0,3}){0,3}");

  private static final PhraseScanner<Phrase> SCANNER = new PhraseScanner<>(FollowUpVocabulary.ENTRIES);

  /** Reads the follow-ups a text recommends, in order of first mention; empty for null or blank text. */
  public List<FollowUp> read(String text, String location) {
    ScannedText scanned = ScannedText.of(text, SCANNER);
    int n = scanned.size();
    boolean[] negated = new boolean[n];
    boolean[] history = new boolean[n];
    int[] cue = new int[n];
    Arrays.fill(cue, -1);
    for (int i = 0; i < n; i++) {
      switch (scanned.role(i)) {
        case RECOMMEND -> coverAround(scanned, i, cue);
        case NEGATE_BEFORE -> mark(negated, scanned.reachedForward(i, NEGATION_REACH, CHAIN_GAP, false));
        case NEGATE_AFTER -> mark(negated, scanned.reachedBack(i, BACK_REACH, Role.RECOMMEND));
        case NEGATE_AROUND -> {
          mark(negated, scanned.reachedForward(i, NEGATION_REACH, CHAIN_GAP, false));
          mark(negated, scanned.reachedBack(i, BACK_REACH, Role.RECOMMEND));
        }
        case HISTORY_BEFORE -> mark(history, scanned.reachedForward(i, HISTORY_REACH, 0, false));
        case HISTORY_AFTER -> mark(history, scanned.reachedBack(i, BACK_REACH, Role.RECOMMEND));
        default -> { }
      }
    }
    boolean[] recommended = new boolean[n];
    for (int j = 0; j < n; j++) {
      recommended[j] = scanned.isMention(j) && !negated[j] && !history[j] && isRecommended(scanned, j, cue[j]);
    }
    int[] intervalToken = new int[n];
    Arrays.fill(intervalToken, -1);
    Period[] interval = intervals(scanned, recommended, intervalToken);
    return followUps(scanned, recommended, cue, interval, intervalToken, location == null ? "" : location);
  }

  private static void mark(boolean[] flags, List<Integer> indexes) {
    indexes.forEach(i -> flags[i] = true);
  }

  /**
   * A cue covers the mentions of its clause within reach, either way; each mention keeps its nearest cue. A cue
   * before a colon ("the following is recommended: excision") also reaches into the clause after the colon.
   */
  private static void coverAround(ScannedText s, int i, int[] cue) {
    boolean colonAfter = s.colonFollows(i);
    for (int step : new int[] {-1, 1}) {
      for (int j = i + step; j >= 0 && j < s.size() && s.gap(i, j) <= CUE_REACH
          && (s.sameClause(i, j) || (colonAfter && step > 0 && s.clauseDistance(i, j) == 1)); j += step) {
        boolean reaches = s.role(j) == Role.MENTION || (s.role(j) == Role.WEAK_MENTION && s.sameSegment(i, j)
            && (step < 0 ? s.gap(i, j) <= WEAK_REACH : onlyObjectLeadBetween(s, i, j)));
        if (reaches && (cue[j] < 0 || s.gap(i, j) < s.gap(cue[j], j))) {
          cue[j] = i;
        }
      }
    }
  }

  /**
   * "recommend a biopsy", "should be excised", "empfehlen eine Biopsie": a preceding cue reaches a weak mention only
   * as its object.
   */
  private static boolean onlyObjectLeadBetween(ScannedText s, int cue, int mention) {
    return OBJECT_LEAD.matcher(s.lower).region(s.token(cue).end(), s.token(mention).start()).matches();
  }

  private static boolean isRecommended(ScannedText s, int j, int cue) {
    int start = s.token(j).start();
    if (s.sections.inClinicalContext(start)) {
      return false;
    }
    if (cue >= 0) {
      return true;
    }
    int heading = s.sections.recommendationStart(start);
    return heading >= 0 && (s.role(j) == Role.MENTION || start - heading <= HEADING_WEAK_REACH);
  }

  /** Each interval goes to the nearest recommended mention of its clause; a mention keeps its shortest. */
  private static Period[] intervals(ScannedText s, boolean[] recommended, int[] intervalToken) {
    Period[] interval = new Period[s.size()];
    for (int k = 0; k < s.size(); k++) {
      if (s.role(k) != Role.INTERVAL) {
        continue;
      }
      int nearest = -1;
      for (int step : new int[] {-1, 1}) {
        for (int j = k + step; j >= 0 && j < s.size() && s.sameClause(k, j) && s.gap(k, j) <= CUE_REACH; j += step) {
          if (recommended[j] && (nearest < 0 || s.gap(k, j) < s.gap(k, nearest))) {
            nearest = j;
          }
        }
      }
      if (nearest < 0) {
        continue;
      }
      Optional<Period> stated = statedInterval(s, k);
      if (stated.isPresent() && (interval[nearest] == null
          || StatedInterval.approximateDays(stated.get()) < StatedInterval.approximateDays(interval[nearest]))) {
        interval[nearest] = stated.get();
        intervalToken[nearest] = k;
      }
    }
    return interval;
  }

  private static Optional<Period> statedInterval(ScannedText s, int k) {
    PhraseScanner.Match<Phrase> token = s.token(k);
    Matcher m = SCANNER.pattern(token.entry()).matcher(s.lower)
        .useTransparentBounds(true).useAnchoringBounds(false).region(token.start(), token.end());
    return m.lookingAt() ? StatedInterval.read(token.meaning(), m) : Optional.empty();
  }

  private static List<FollowUp> followUps(ScannedText s, boolean[] recommended, int[] cue, Period[] interval,
      int[] intervalToken, String location) {
    Map<FollowUpKind, Integer> first = new EnumMap<>(FollowUpKind.class);
    Map<FollowUpKind, Period> shortest = new EnumMap<>(FollowUpKind.class);
    for (int j = 0; j < s.size(); j++) {
      if (!recommended[j]) {
        continue;
      }
      FollowUpKind kind = s.token(j).meaning().kind();
      first.putIfAbsent(kind, j);
      Period p = interval[j];
      if (p != null && (!shortest.containsKey(kind)
          || StatedInterval.approximateDays(p) < StatedInterval.approximateDays(shortest.get(kind)))) {
        shortest.put(kind, p);
      }
    }
    List<FollowUp> result = new ArrayList<>();
    first.entrySet().stream().sorted(Comparator.comparingInt(Map.Entry::getValue)).forEach(e -> result.add(new FollowUp(
        e.getKey(), phrase(s, e.getValue(), cue[e.getValue()], intervalToken[e.getValue()]), location, Optional.ofNullable(shortest.get(e.getKey())))));
    return List.copyOf(result);
  }

  /**
   * The mention with its cue and its interval, when they fit in {@link FollowUp#PHRASE_MAX} characters; else the
   * mention with its cue, else the mention alone.
   */
  private static String phrase(ScannedText s, int mention, int cue, int intervalToken) {
    PhraseScanner.Match<Phrase> m = s.token(mention);
    for (int[] parts : new int[][] {{cue, intervalToken}, {cue, -1}, {-1, -1}}) {
      int start = m.start();
      int end = m.end();
      for (int part : parts) {
        if (part >= 0) {
          start = Math.min(start, s.token(part).start());
          end = Math.max(end, s.token(part).end());
        }
      }
      end = s.extendOverCues(mention, end);
      String quoted = s.quote(start, end);
      if (quoted.length() <= FollowUp.PHRASE_MAX) {
        return quoted;
      }
    }
    String mentionOnly = s.quote(m.start(), m.end());
    int cut = FollowUp.PHRASE_MAX;
    if (Character.isHighSurrogate(mentionOnly.charAt(cut - 1))) {
      cut--;
    }
    return mentionOnly.substring(0, cut).strip();
  }
}
