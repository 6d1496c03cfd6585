package io.pathtrack.results.followup;

import io.pathtrack.results.followup.Phrase.Role;
import java.util.regex.Pattern;

/**
 * Tells whether a pathology report confirms calcifications in the specimen — the question after a biopsy for
 * mammographic calcifications: were they sampled? Reads English, German, French, Spanish, Italian and Dutch.
 *
 * <ul>
 *   <li>{@link Presence#PRESENT}: a mention that nothing negates ("microcalcifications", "associated with
 *       calcifications", "calcium oxalate crystals", "Verkalkungen nachweisbar", "Kalk", "calcificaciones"), including
 *       a specimen radiograph's ("specimen radiograph confirms calcifications", "Präparateradiographie: Mikrokalk
 *       enthalten") and a synoptic answer ("Microcalcifications: present");</li>
 *   <li>{@link Presence#ABSENT}: mentions, every one negated ("no calcifications identified", "calcifications not
 *       seen", "keine Verkalkungen", "pas de microcalcifications", "sin calcificaciones", "assenza di calcificazioni",
 *       "geen kalk", "Calcifications: none");</li>
 *   <li>{@link Presence#NOT_MENTIONED}: no mention, or only mentions of the request: in a clinical-context section
 *       that another heading closes ("Clinical history: calcifications on mammogram" before "Diagnosis:"), or
 *       naming the target ("biopsy for calcifications", "mammographic calcifications").</li>
 * </ul>
 * One affirmed mention makes the specimen {@code PRESENT} even when another sentence negates one. Work is linear in
 * the text and no input makes it throw. Immutable and thread-safe.
 */
public final class CalcificationReader {

  /** Whether calcifications are confirmed in the specimen. */
  public enum Presence {
    /** At least one mention affirms calcifications in the specimen. */
    PRESENT,
    /** Calcifications are mentioned, and every mention negates them. */
    ABSENT,
    /** Nothing in the text speaks of calcifications in the specimen. */
    NOT_MENTIONED
  }

  static final int NEGATION_REACH = 60;
  static final int INDICATION_REACH = 25;
  static final int BACK_REACH = 80;

  private static final PhraseScanner<Phrase> SCANNER = new PhraseScanner<>(CalcificationPhrases.ENTRIES);
  /** The answer after "Calcifications:" in a synoptic report. */
  private static final Pattern NEGATIVE_ANSWER = Pattern.compile(
      "(?:none|no|nein|not (?:identified|seen|present|detected)|absent|negativ[e]?|n/a|kein(?:e|er|es|en)?"
          + "|nicht (?:nachweisbar|vorhanden|gesehen)|fehlen[d]?|aucune?|absentes?|ningun[ao]?|ausentes?|nessun[ao]?"
          + "|assenti|geen|afwezig)(?![\\p{L}\\p{N}])");
  private static final int ANSWER_GAP = 5;

  /** Reads a report text; {@link Presence#NOT_MENTIONED} for null or blank text. */
  public Presence read(String text) {
    ScannedText s = ScannedText.of(text, SCANNER);
    int n = s.size();
    boolean[] negated = new boolean[n];
    boolean[] indication = new boolean[n];
    for (int i = 0; i < n; i++) {
      switch (s.role(i)) {
        case NEGATE_BEFORE -> s.reachedForward(i, NEGATION_REACH, -1, true).forEach(j -> negated[j] = true);
        case NEGATE_AFTER -> s.reachedBack(i, BACK_REACH, Role.SCOPE_END).forEach(j -> negated[j] = true);
        case INDICATION_BEFORE -> s.reachedForward(i, INDICATION_REACH, 0, false).forEach(j -> indication[j] = true);
        case INDICATION_AFTER -> s.reachedBack(i, BACK_REACH, Role.SCOPE_END).forEach(j -> indication[j] = true);
        default -> { }
      }
    }
    boolean absent = false;
    for (int j = 0; j < n; j++) {
      if (!s.isMention(j) || indication[j] || s.sections.inClinicalContext(s.token(j).start())) {
        continue;
      }
      Boolean answer = synopticAnswer(s, j);
      if (answer != null) {
        if (answer) {
          return Presence.PRESENT;
        }
        absent = true;
      } else if (negated[j]) {
        absent = true;
      } else {
        return Presence.PRESENT;
      }
    }
    return absent ? Presence.ABSENT : Presence.NOT_MENTIONED;
  }

  /** "Microcalcifications: not identified" is false, "Calcifications: present" true; null when no colon follows. */
  private static Boolean synopticAnswer(ScannedText s, int mention) {
    String lower = s.lower;
    int p = s.token(mention).end();
    int limit = Math.min(lower.length(), p + ANSWER_GAP);
    while (p < limit && lower.charAt(p) == ' ') {
      p++;
    }
    if (p >= lower.length() || lower.charAt(p) != ':') {
      return null;
    }
    p++;
    while (p < lower.length() && p - s.token(mention).end() < 2 * ANSWER_GAP && lower.charAt(p) == ' ') {
      p++;
    }
    return !NEGATIVE_ANSWER.matcher(lower).region(p, lower.length()).lookingAt();
  }
}
