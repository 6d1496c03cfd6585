package io.pathtrack.results.followup;

import io.pathtrack.results.followup.Phrase.Role;
import io.pathtrack.results.followup.Phrase.Vocabulary;
import java.time.Period;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Intervals as reports state them: "in 6 months", "within 2 weeks", "in 3-6 months" (the shorter, 3 months),
 * "after one year", "6-month follow-up", "in 6 Monaten", "nach 3 Monaten", "innerhalb von 2 Wochen", "in einem
 * halben Jahr", "6-monatige Kontrolle", "dans 6 mois", "en 3 meses", "tra 6 mesi", "over 6 maanden", "annually".
 * Counts are digits (up to three) or the words for one to twelve in English, German, French, Spanish, Italian and
 * Dutch. Months come out normalised (12 months is P1Y), weeks as days (2 weeks is P14D).
 */
final class StatedInterval {

  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
      Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("eighteen", 18), Map.entry("eins", 1), Map.entry("ein", 1), Map.entry("eine", 1), Map.entry("einem", 1),
      Map.entry("einer", 1), Map.entry("einen", 1), Map.entry("zwei", 2), Map.entry("drei", 3), Map.entry("vier", 4),
      Map.entry("fünf", 5), Map.entry("sechs", 6), Map.entry("sieben", 7), Map.entry("acht", 8), Map.entry("neun", 9),
      Map.entry("zehn", 10), Map.entry("elf", 11), Map.entry("zwölf", 12), Map.entry("un", 1), Map.entry("une", 1),
      Map.entry("deux", 2), Map.entry("trois", 3), Map.entry("quatre", 4), Map.entry("cinq", 5), Map.entry("sept", 7),
      Map.entry("huit", 8), Map.entry("neuf", 9), Map.entry("dix", 10), Map.entry("onze", 11), Map.entry("douze", 12),
      Map.entry("uno", 1), Map.entry("una", 1), Map.entry("dos", 2), Map.entry("tres", 3), Map.entry("cuatro", 4),
      Map.entry("cinco", 5), Map.entry("seis", 6), Map.entry("siete", 7), Map.entry("ocho", 8), Map.entry("nueve", 9),
      Map.entry("diez", 10), Map.entry("once", 11), Map.entry("doce", 12), Map.entry("due", 2), Map.entry("tre", 3),
      Map.entry("quattro", 4), Map.entry("sei", 6), Map.entry("sette", 7), Map.entry("otto", 8), Map.entry("nove", 9),
      Map.entry("dieci", 10), Map.entry("undici", 11), Map.entry("dodici", 12), Map.entry("een", 1), Map.entry("één", 1),
      Map.entry("twee", 2), Map.entry("drie", 3), Map.entry("vijf", 5), Map.entry("zes", 6), Map.entry("zeven", 7),
      Map.entry("negen", 9), Map.entry("tien", 10), Map.entry("twaalf", 12));

  /** Longest first, so that "einem" is tried before "ein". */
  private static final String NUMBER = Stream.concat(Stream.of("\\d{1,3}"), NUMBER_WORDS.keySet().stream()
          .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())))
      .collect(Collectors.joining("|", "(?:", ")"));
  private static final String ADJECTIVE_NUMBER =
      "(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|zwei|drei|vier|fünf|sechs"
          + "|sieben|acht|neun|zehn|elf|zwölf)";
  private static final String UNIT = "(?:(?<d>days?|tag(?:e|en)?|jours?|d[ií]as?|giorni|giorno|dagen|dag)"
      + "|(?<w>weeks?|wks?|woche(?:n)?|semaines?|semanas?|settimane|settimana|weken|week)"
      + "|(?<m>months?|mos?|monat(?:e|en|s)?|mois|meses|mes|mesi|mese|maanden|maand)"
      + "|(?<y>years?|yrs?|jahr(?:e|en|es)?|ans?|années?|a[ñn]os?|anni|anno|jaren|jaar))";
  private static final String PREPOSITION = "(?:in|within|after|at|every|over|(?:in|within|over|during) the next"
      + "|innerhalb(?: von)?|binnen|nach|alle|im abstand von|dans|en|à|a|après|d'ici|sous|dentro de|tras|después de|cada"
      + "|a los|tra|fra|entro|dopo|ogni|a distanza di|na|om de|binnen de)";
  private static final String ABOUT = "(?: (?:about|approximately|approx\\.?|around|roughly|ca\\.?|circa|etwa|ungefähr"
      + "|environ|aproximadamente|unos|unas|ongeveer|zirka|rund))?";
  /** A word count and its unit need a space between them; digits may be written against the unit ("6months"). */
  private static final String COUNT_END = "(?:(?<=\\d) ?| )";
  private static final String RANGE = "(?: ?(?:-|to|or|bis|oder|à|a|o|tot|of|y|e|en|/) ?(?<b>" + NUMBER + "))?";

  private StatedInterval() {}

  static void phrases(Vocabulary v) {
    Phrase counted = Phrase.of(Role.INTERVAL);
    v.add(counted, PREPOSITION + ABOUT + " (?<a>" + NUMBER + ")" + RANGE + COUNT_END + UNIT);
    // "6-month follow-up", "six month interval": a singular unit after a count is an adjective; "45-year-old" is an age
    v.add(counted, "(?<a>" + ADJECTIVE_NUMBER + ")(?: ?(?:-|to|or) ?(?<b>" + ADJECTIVE_NUMBER + "))? ?"
        + "(?:(?<d>day)|(?<w>week)|(?<m>month)|(?<y>year))(?! ?(?:old|ago|earlier|before|prior|history))");
    v.add(counted, "(?<a>" + ADJECTIVE_NUMBER + ")(?: ?(?:-|bis) ?(?<b>" + ADJECTIVE_NUMBER + "))? ?"
        + "(?:(?<d>tägig\\p{L}{0,3})|(?<w>wöchig\\p{L}{0,3}|wöchentlich\\p{L}{0,3})|(?<m>monatig\\p{L}{0,3}"
        + "|monatlich\\p{L}{0,3})|(?<y>jährig\\p{L}{0,3}|jährlich\\p{L}{0,3}))");
    v.add(new Phrase(Role.INTERVAL, null, Period.ofMonths(6)),
        PREPOSITION + " (?:einem |ein )?halbe[ns]? jahr\\p{L}{0,2}", PREPOSITION + " half a year",
        "halbjährlich\\p{L}{0,3}", "semi ?annual(?:ly)?", "six ?monthly");
    v.add(new Phrase(Role.INTERVAL, null, Period.ofYears(1)), "jährlich\\p{L}{0,3}", "annual(?:ly)?", "yearly",
        "jaarlijks\\p{L}{0,1}", "annuel\\p{L}{0,3}", "anual(?:es|mente)?", "annual\\p{L}{0,1}");
  }

  /** The period an interval phrase states, read from its match in the lower-cased text; empty for a zero count. */
  static Optional<Period> read(Phrase phrase, Matcher match) {
    if (phrase.fixedInterval() != null) {
      return Optional.of(phrase.fixedInterval());
    }
    int count = number(match.group("a"));
    if (match.group("b") != null) {
      count = Math.min(count, number(match.group("b")));
    }
    if (count <= 0) {
      return Optional.empty();
    }
    if (match.group("d") != null) {
      return Optional.of(Period.ofDays(count));
    }
    if (match.group("w") != null) {
      return Optional.of(Period.ofDays(count * 7));
    }
    if (match.group("m") != null) {
      return Optional.of(Period.ofMonths(count).normalized());
    }
    return Optional.of(Period.ofYears(count));
  }

  /** For choosing the shortest of several intervals: a rough length in days. */
  static long approximateDays(Period p) {
    return p.getYears() * 365L + p.getMonths() * 30L + p.getDays();
  }

  private static int number(String word) {
    if (word.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(word);
    }
    return NUMBER_WORDS.getOrDefault(word, 0);
  }
}
