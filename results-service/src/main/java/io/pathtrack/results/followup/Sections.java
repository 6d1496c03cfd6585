package io.pathtrack.results.followup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The headed sections of a plain text that change how it is read: a recommendation heading ("Recommendation:",
 * "Empfehlung:", "Recommandation :", "Advies:") makes what follows it a recommendation without a cue of its own,
 * and a clinical-context heading ("Clinical history:", "Indication:", "Klinische Angaben:", "Fragestellung:") opens
 * a section that states the request, not the specimen.
 *
 * <p>A heading is a label of at most five words ending in a colon, at the start of a line (after a bullet or a
 * number) or after the end of a sentence; a known heading may also stand alone on its line. A recommendation
 * section runs to the next heading or to the first blank line after its text; a clinical section runs to the next
 * heading, and only a clinical section that another heading closes is set aside: with nothing after it, where it
 * ends cannot be told.
 */
final class Sections {

  private static final int LABEL_MAX = 48;
  private static final int LABEL_WORDS_MAX = 5;

  private static final Pattern RECOMMENDATION_LABEL = Pattern.compile(
      "recommendations?|recommendation\\(s\\)|recommended|suggestions?|advice|plan|follow ?-?up"
          + "|empfehlung(?:en)?|procedere|prozedere|weiteres vorgehen|therapieempfehlung"
          + "|recommandations?|conduite à tenir|recomendaci[oó]n(?:es)?|raccomandazion[ei]|suggeriment[oi]"
          + "|advies|aanbeveling(?:en)?|beleid");
  private static final Pattern CLINICAL_LABEL = Pattern.compile(
      "(?:clinical|clinic) ?(?:history|information|info|details|data|notes|indications?|question|summary|findings)?"
          + "|(?:relevant )?(?:medical |clinical )?history|indications?|indication for (?:biopsy|surgery|procedure)"
          + "|reason for (?:biopsy|referral|examination|request|procedure)|clinical diagnosis|pre-?operative diagnosis"
          + "|klinische (?:angaben|daten|information(?:en)?|fragestellung|diagnose)|klinik|anamnese|fragestellung"
          + "|indikation|angaben|renseignements cliniques|contexte clinique|histoire clinique|indications? cliniques?"
          + "|datos cl[ií]nicos|informaci[oó]n cl[ií]nica|historia cl[ií]nica|antecedentes|notizie cliniche"
          + "|dati clinici|quesito clinico|quesito diagnostico|anamnesi|klinische (?:gegevens|informatie)"
          + "|vraagstelling");
  /** Headings recognised when they stand alone on a line (any label followed by a colon is a heading anyway). */
  private static final Pattern OTHER_KNOWN_LABEL = Pattern.compile(
      "(?:final |pathologic(?:al)? )?diagnos[ie]s|(?:microscopic|macroscopic|gross)(?: description| findings)?"
          + "|comments?|conclusions?|impression|specimen radiograph(?:y)?|specimen x-?ray|synoptic report"
          + "|beurteilung|diagnosen?|befund|mikroskopie|makroskopie|kommentar|präparateradiographie|präparatradiographie"
          + "|microscopie|macroscopie|diagnostic|diagn[oó]stico|descripci[oó]n microsc[oó]pica|diagnosi|conclusione"
          + "|microscopia|conclusie|microscopie|macroscopie");

  enum Kind { RECOMMENDATION, CLINICAL, OTHER }

  private record Heading(int start, int contentStart, Kind kind) {}

  private final int[] recommendationStarts;
  private final int[] recommendationEnds;
  private final int[] clinicalStarts;
  private final int[] clinicalEnds;

  private Sections(List<int[]> recommendation, List<int[]> clinical) {
    recommendationStarts = recommendation.stream().mapToInt(r -> r[0]).toArray();
    recommendationEnds = recommendation.stream().mapToInt(r -> r[1]).toArray();
    clinicalStarts = clinical.stream().mapToInt(r -> r[0]).toArray();
    clinicalEnds = clinical.stream().mapToInt(r -> r[1]).toArray();
  }

  /** The sections of a plain text; {@code lower} is its lower-cased copy. */
  static Sections of(String text, String lower) {
    List<Heading> headings = headings(text, lower);
    List<int[]> recommendation = new ArrayList<>();
    List<int[]> clinical = new ArrayList<>();
    for (int i = 0; i < headings.size(); i++) {
      Heading h = headings.get(i);
      boolean closed = i + 1 < headings.size();
      int next = closed ? headings.get(i + 1).start() : text.length();
      if (h.kind() == Kind.RECOMMENDATION) {
        recommendation.add(new int[] {h.contentStart(), paragraphEnd(text, h.contentStart(), next)});
      } else if (h.kind() == Kind.CLINICAL && closed) {
        clinical.add(new int[] {h.start(), next});
      }
    }
    return new Sections(recommendation, clinical);
  }

  /** Where the recommendation section around a position begins, or -1. */
  int recommendationStart(int position) {
    return sectionStartAt(recommendationStarts, recommendationEnds, position);
  }

  /** Whether a position lies in a clinical-context section that another heading closes. */
  boolean inClinicalContext(int position) {
    return sectionStartAt(clinicalStarts, clinicalEnds, position) >= 0;
  }

  private static int sectionStartAt(int[] starts, int[] ends, int position) {
    int i = Arrays.binarySearch(starts, position);
    int index = i >= 0 ? i : -i - 2;
    return index >= 0 && position < ends[index] ? starts[index] : -1;
  }

  /** The section's text ends at the first blank line after some text of its own, or at the next heading. */
  private static int paragraphEnd(String text, int from, int limit) {
    boolean seenText = false;
    boolean lineBlank = false;
    for (int p = from; p < limit; p++) {
      char c = text.charAt(p);
      if (c == '\n') {
        if (lineBlank && seenText) {
          return p;
        }
        lineBlank = true;
      } else if (c != ' ') {
        seenText = true;
        lineBlank = false;
      }
    }
    return limit;
  }

  private static List<Heading> headings(String text, String lower) {
    List<Heading> found = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int p = skipBullet(text, lineStart, lineEnd);
      Heading atStart = headingAt(text, lower, p, lineEnd, true);
      if (atStart != null) {
        found.add(atStart);
      }
      int from = atStart == null ? p : atStart.contentStart();
      for (int q = from; q + 1 < lineEnd; q++) {
        char c = text.charAt(q);
        if ((c == '.' || c == ';') && text.charAt(q + 1) == ' ') {
          int r = q + 1;
          while (r < lineEnd && text.charAt(r) == ' ') {
            r++;
          }
          if (r < lineEnd && Character.isUpperCase(text.charAt(r))) {
            Heading inline = headingAt(text, lower, r, lineEnd, false);
            if (inline != null) {
              found.add(inline);
              q = inline.contentStart() - 1;
            }
          }
        }
      }
      lineStart = lineEnd + 1;
    }
    return found;
  }

  /** After leading spaces, a bullet ("-", "*", "•", "&gt;") or a number ("1.", "2)", "a)"). */
  private static int skipBullet(String text, int p, int lineEnd) {
    while (p < lineEnd && (text.charAt(p) == ' ' || "-*•>".indexOf(text.charAt(p)) >= 0)) {
      p++;
    }
    int q = p;
    while (q < lineEnd && q - p < 2 && Character.isLetterOrDigit(text.charAt(q))) {
      q++;
    }
    if (q > p && q < lineEnd && (text.charAt(q) == '.' || text.charAt(q) == ')') && q + 1 < lineEnd
        && text.charAt(q + 1) == ' ' && (Character.isDigit(text.charAt(p)) || q - p == 1)) {
      p = q + 1;
      while (p < lineEnd && text.charAt(p) == ' ') {
        p++;
      }
    }
    return p;
  }

  private static Heading headingAt(String text, String lower, int p, int lineEnd, boolean atLineStart) {
    if (p >= lineEnd || !Character.isLetter(text.charAt(p))) {
      return null;
    }
    int q = p;
    int words = 1;
    while (q < lineEnd && q - p <= LABEL_MAX && isLabelChar(text.charAt(q))) {
      if (text.charAt(q) == ' ' && q + 1 < lineEnd && text.charAt(q + 1) != ' ' && text.charAt(q + 1) != ':') {
        words++;
      }
      q++;
    }
    if (words > LABEL_WORDS_MAX || q - p > LABEL_MAX) {
      return null;
    }
    String label = lower.substring(p, q).strip().replaceAll(" {2,}", " ");
    if (q < lineEnd && text.charAt(q) == ':') {
      Kind kind = kindOf(label);
      return atLineStart || kind != Kind.OTHER || words <= 3 ? new Heading(p, q + 1, kind) : null;
    }
    if (atLineStart && q == lineEnd && !label.isEmpty()) {
      Kind kind = kindOf(label);
      if (kind != Kind.OTHER || OTHER_KNOWN_LABEL.matcher(label).matches()) {
        return new Heading(p, lineEnd, kind);
      }
    }
    return null;
  }

  private static boolean isLabelChar(char c) {
    return Character.isLetter(c) || c == ' ' || c == '/' || c == '&' || c == '-' || c == '(' || c == ')' || c == '\'';
  }

  private static Kind kindOf(String label) {
    if (RECOMMENDATION_LABEL.matcher(label).matches()) {
      return Kind.RECOMMENDATION;
    }
    return CLINICAL_LABEL.matcher(label).matches() ? Kind.CLINICAL : Kind.OTHER;
  }
}
