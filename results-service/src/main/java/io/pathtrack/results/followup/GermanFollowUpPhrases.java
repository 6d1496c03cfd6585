package io.pathtrack.results.followup;

import static io.pathtrack.results.followup.FollowUpKind.ANCILLARY;
import static io.pathtrack.results.followup.FollowUpKind.CLINICAL;
import static io.pathtrack.results.followup.FollowUpKind.CORRELATION;
import static io.pathtrack.results.followup.FollowUpKind.EXCISION;
import static io.pathtrack.results.followup.FollowUpKind.IMAGING;
import static io.pathtrack.results.followup.FollowUpKind.MDT;
import static io.pathtrack.results.followup.FollowUpKind.REPEAT_BIOPSY;

import io.pathtrack.results.followup.Phrase.Role;
import io.pathtrack.results.followup.Phrase.Vocabulary;

/**
 * German follow-up vocabulary (conventions in {@link PhraseScanner}). "Nachexzision" and "Nachresektion" are
 * written as one word: "nach Exzision" is history.
 */
final class GermanFollowUpPhrases {

  /** Adjective endings: "erneute", "erneuter", "erneuten". */
  private static final String E = "[rnsm]?";
  private static final String BIOPSY = "(?:stanz ?|vakuum ?|feinnadel ?)?(?:biopsie|stanze|stanzbiopsie|biopsien|gewebeentnahme"
      + "|gewebeprobe|probeentnahme|probeexzision|pe|materialgewinnung|stanzen|punktion|feinnadelpunktion)\\p{L}{0,2}";
  private static final String IMAGING_DE = "(?:bildgebung|mammographie|mammografie|sonographie|sonografie|mrt|ct"
      + "|kernspintomographie|mr-mammographie)";
  private static final String CORRELATE_DE = "(?:klinisch|radiologisch|bildgebend|pathologisch|mammographisch|sonographisch"
      + "|histologisch)\\p{L}{0,2}";

  private GermanFollowUpPhrases() {}

  static void mentions(Vocabulary v) {
    v.mention(REPEAT_BIOPSY, "re ?biopsie\\p{L}{0,1}", "rebiopsierung",
        "(?:erneute|nochmalige|weitere|wiederholte|zusätzliche|neue|ergänzende)" + E + " " + BIOPSY,
        "nachbiopsie\\p{L}{0,1}", "biopsiewiederholung", "wiederholung der (?:biopsie|stanze|stanzbiopsie|punktion)",
        "(?:histologische|bioptische)" + E + " (?:sicherung|abklärung|klärung)");
    v.mention(EXCISION,
        "(?:operative|chirurgische|vollständige|komplette|diagnostische|lokale|weite)" + E
            + " (?:entfernung|exzision|resektion|exstirpation|sanierung|nachresektion|nachexzision|re ?exzision)",
        "(?:re ?|nach-?)exzision\\p{L}{0,2}", "exzision\\p{L}{0,2}", "exzisionsbiopsie\\p{L}{0,1}",
        "(?:re ?|nach-?)resektion\\p{L}{0,2}", "resektion\\p{L}{0,2}", "segmentresektion", "tumorektomie", "lumpektomie",
        "mastektomie", "exstirpation", "konisation", "operation",
        "(?:operative|chirurgische)" + E + " (?:therapie|sanierung|versorgung)");
    v.mention(IMAGING, "verlaufskontrolle\\p{L}{0,2}",
        "bildgebende" + E + " (?:kontrolle|verlaufskontrolle|abklärung|diagnostik|nachsorge|überwachung|untersuchung"
            + "|verlaufsbeobachtung)\\p{L}{0,2}",
        "(?:radiologische|mammographische|mammografische|sonographische|sonografische|kernspintomographische|mrt|ct|mr"
            + "|röntgenologische)" + E + " (?:kontrolle|verlaufskontrolle|nachkontrolle|abklärung|nachsorge"
            + "|verlaufsbeobachtung|überwachung)\\p{L}{0,2}",
        "kontroll ?" + IMAGING_DE, "(?:erneute|wiederholte|weitere)" + E + " " + IMAGING_DE);
    v.mention(CORRELATION,
        "(?:" + CORRELATE_DE + " ?(?:und |/ ?)?){1,2}korrelation\\p{L}{0,2}(?: mit (?:der |dem |den )?(?:bildgebung|klinik"
            + "|radiologie|mammographie|sonographie|(?:klinischen|radiologischen|bildgebenden) (?:befund\\p{L}{0,2}|angaben"
            + "|daten)))?",
        "korrelation\\p{L}{0,2}(?: mit (?:der |dem |den )?(?:bildgebung|klinik|radiologie|mammographie|sonographie"
            + "|(?:klinischen|radiologischen|bildgebenden) (?:befund\\p{L}{0,2}|angaben|daten)))?",
        "abgleich mit (?:der |dem |den )?(?:bildgebung|klinik|radiologie|mammographie|sonographie"
            + "|(?:klinischen|radiologischen) befund\\p{L}{0,2})",
        "befundkorrelation", "korrelier\\p{L}{0,4}");
    v.mention(MDT, "(?:brust|mamma|tumor|fall)konferenz\\p{L}{0,2}", "tumorboard\\p{L}{0,2}",
        "interdisziplin(?:ä|ae)r\\p{L}{0,2} (?:fall|tumor|brust|mamma)?(?:konferenz|board|besprechung|vorstellung|diskussion"
            + "|boardvorstellung)\\p{L}{0,2}",
        "tumorboardvorstellung",
        // "Vorstellung in der Tumorkonferenz" is the board's review, not a clinical appointment
        "(?:wieder)?(?:vorstellung|besprechung|diskussion) (?:in|im|an) (?:der |dem |einer |einem )?(?:interdisziplin(?:ä|ae)r"
            + "\\p{L}{0,2} )?(?:(?:brust|mamma|tumor|fall)konferenz\\p{L}{0,2}|tumorboard\\p{L}{0,2}|konferenz|board)");
    v.mention(ANCILLARY,
        "molekular(?:pathologisch|genetisch|biologisch)\\p{L}{0,3} (?:untersuchung|abklärung|analyse|testung|diagnostik"
            + "|zusatzuntersuchung|aufarbeitung)\\p{L}{0,2}",
        "molekularpathologi\\p{L}{0,4}", "molekulargenetik",
        "(?:immunhistochemisch|immunhistologisch)\\p{L}{0,2} (?:zusatzuntersuchung|untersuchung|färbung|aufarbeitung"
            + "|abklärung|zusatzfärbung)\\p{L}{0,3}",
        "immunhistochemie", "zusatzuntersuchung\\p{L}{0,2}", "zusatzfärbung\\p{L}{0,2}", "durchflusszytometri\\p{L}{0,2}",
        "mutationsanalyse\\p{L}{0,1}", "genetische" + E + " (?:untersuchung|testung|abklärung|analyse)\\p{L}{0,2}",
        "fish ?(?:untersuchung|analyse)\\p{L}{0,2}", "(?:her2|egfr|alk|kras|braf|msi|mmr|pd ?l1) ?(?:testung|bestimmung|analyse)");
    v.mention(CLINICAL,
        "klinische" + E + " (?:kontrolle|verlaufskontrolle|nachsorge|überwachung|abklärung|verlaufsbeobachtung|nachkontrolle"
            + "|untersuchung|vorstellung|kontrolluntersuchung|beobachtung|nachbeobachtung|reevaluation)\\p{L}{0,2}",
        "nachsorge\\p{L}{0,2}", "nachkontrolle\\p{L}{0,2}", "kontrolle\\p{L}{0,1}", "kontrolluntersuchung\\p{L}{0,2}",
        "verlaufsbeobachtung", "(?:weitere|weiterführende)" + E + " (?:abklärung|diagnostik|kontrolle\\p{L}{0,1})", "abklärung",
        "(?:wieder)?vorstellung", "überweisung", "konsil\\p{L}{0,6}",
        "(?:gynäkologische|dermatologische|onkologische|chirurgische|urologische|gastroenterologische|hämatologische"
            + "|fachärztliche|humangenetische)" + E + " (?:vorstellung|kontrolle|mitbeurteilung|abklärung|nachsorge|beratung"
            + "|weiterbetreuung|betreuung)\\p{L}{0,2}",
        "genetische" + E + " beratung", "(?:kontroll ?)?(?:koloskopie|endoskopie|gastroskopie|zystoskopie|kolposkopie)");
  }

  static void weakMentions(Vocabulary v) {
    v.weakMention(REPEAT_BIOPSY, "(?:stanz|vakuum|feinnadel|nadel)?biopsie\\p{L}{0,2}", "stanze", "probeexzision", "punktion",
        "gewebeprobe");
    v.weakMention(EXCISION, "exzidiert", "reseziert", "entfernt", "entfernung");
    v.weakMention(IMAGING, IMAGING_DE, "röntgen");
  }

  static void cues(Vocabulary v) {
    v.add(Role.RECOMMEND, "empfohlen", "empfehl\\p{L}{0,6}", "empfiehlt", "anzuraten", "angeraten", "raten",
        "(?:zu )?erwägen", "sollte\\p{L}{0,1}", "indiziert", "erforderlich", "notwendig", "nötig", "angezeigt", "sinnvoll",
        "ratsam", "bitte", "geboten", "wünschenswert", "vorgeschlagen", "schlagen", "muss", "müssen");
    v.add(Role.NEGATE_BEFORE, "kein(?:e|en|er|em|es)?", "nicht", "ohne", "weder");
    v.add(Role.NEGATE_AFTER,
        "(?:ist |sind |wird |werden )?nicht (?:mehr )?(?:erforderlich|notwendig|nötig|indiziert|empfohlen|angezeigt|sinnvoll"
            + "|angeraten|zu empfehlen|geboten|ratsam|empfehlenswert)",
        "entbehrlich", "verzichtet", "verzicht\\p{L}{0,2}", "erübrigt");
    v.add(Role.HISTORY_BEFORE, "z\\. ?n\\.", "zustand nach", "nach(?=\\s)", "vorausgegangen\\p{L}{0,2}",
        "vorangegangen\\p{L}{0,2}", "vorherig\\p{L}{0,2}", "vorher", "früher\\p{L}{0,2}", "bisherig\\p{L}{0,2}",
        "stattgehabt\\p{L}{0,2}", "bekannt\\p{L}{0,2}", "bereits", "alio loco", "auswärtig\\p{L}{0,2}");
    v.add(Role.HISTORY_AFTER, "erfolgte\\p{L}{0,1}", "(?:ist|sind|war|waren) (?:bereits )?erfolgt",
        "durchgeführt(?! werden)", "vorgenommen(?! werden)", "(?:besprochen|vorgestellt|diskutiert) (?:worden|wurde\\p{L}{0,1})");
    v.add(Role.SCOPE_END, "nachweisbar", "nachgewiesen", "vorhanden", "erkennbar", "ausgeschlossen", "abgrenzbar",
        "sichtbar", "gefunden");
    v.add(Role.CONTRAST, "aber", "jedoch", "sondern", "allerdings", "während", "wohingegen");
  }
}
