package io.pathtrack.results.followup;

import io.pathtrack.results.followup.Phrase.Role;
import io.pathtrack.results.followup.Phrase.Vocabulary;
import java.util.List;

/**
 * Calcification vocabulary in English, German, French, Spanish, Italian and Dutch (conventions in
 * {@link PhraseScanner}). "Decalcified" and "entkalkt" (bone processing) start with other letters and are never read
 * as calcifications.
 */
final class CalcificationPhrases {

  static final List<PhraseScanner.Entry<Phrase>> ENTRIES = build();

  private CalcificationPhrases() {}

  private static List<PhraseScanner.Entry<Phrase>> build() {
    Vocabulary v = new Vocabulary();
    v.add(Role.MENTION,
        // English
        "(?:micro ?)?calcifications?", "calcs?", "calcified", "calcific",
        "calcium (?:oxalate|phosphate)(?: crystals?| deposits?)?", "calcium (?:deposits?|crystals?)",
        // German
        "(?:mikro ?)?verkalkung(?:en)?", "mikrokalk\\p{L}{0,2}",
        "kalk(?:ablagerung\\p{L}{0,2}|spritzer|herd\\p{L}{0,2}|partikel\\p{L}{0,2}|nachweis|s)?",
        "(?:mikro ?)?kal[kz]ifikation(?:en)?", "kalzifizierung(?:en)?", "verkalkt\\p{L}{0,3}",
        "(?:kalzium|calcium)(?:oxalat|phosphat)\\p{L}{0,6}",
        // French
        "calcifié\\p{L}{0,2}", "dépôts? calciques?", "(?:oxalate|phosphate) de calcium",
        // Spanish
        "(?:micro ?)?calcificaci[oó]n(?:es)?", "calcificad\\p{L}{0,2}", "(?:oxalato|fosfato) de calcio",
        // Italian
        "(?:micro ?)?calcificazion[ei]", "(?:ossalato|fosfato) di calcio",
        // Dutch
        "(?:micro ?)?calcificaties?", "(?:micro ?)?kalk(?:spatjes|neerslag)", "verkalking(?:en)?");
    v.add(Role.NEGATE_BEFORE,
        "no(?=\\s)", "not(?=\\s)", "without", "negative for", "absence of", "free of", "lack of", "neither", "nor",
        "no evidence of", "kein(?:e|en|er|em|es)?", "ohne", "frei von", "nicht", "weder", "kein nachweis von",
        "pas de", "pas d(?=')", "absence de", "sans", "aucune?", "ni", "sin", "ausencia de",
        "no se (?:observan|identifican|ven|aprecian)", "ningun[ao]?", "assenza di", "senza", "non(?=\\s)", "nessun\\p{L}{0,1}",
        "né", "geen", "zonder");
    v.add(Role.NEGATE_AFTER,
        "(?:are |is |were |was )?not (?:identified|seen|present|detected|found|observed|evident|demonstrated|visible|noted)",
        "(?:are |is |were |was )?absent",
        "(?:sind |ist )?nicht (?:nachweisbar|nachgewiesen|erkennbar|vorhanden|enthalten|abgrenzbar|sichtbar|darstellbar"
            + "|gesehen|zu sehen)",
        "fehlen", "fehlend", "non (?:identifié\\p{L}{0,2}|vue?s?|observée?s?|retrouvée?s?)", "absente?s?",
        "ausentes?", "no (?:identificad\\p{L}{0,2}|observad\\p{L}{0,2})",
        "non (?:presenti|osservat\\p{L}|identificat\\p{L}|evidenziat\\p{L})", "assenti",
        "niet (?:aanwezig|aangetoond|gezien|zichtbaar|waargenomen)", "afwezig");
    // the request, not the specimen: "biopsy for calcifications", "mammographic calcifications"
    v.add(Role.INDICATION_BEFORE, "for", "wegen", "mammographic(?:ally)?(?: detected)?", "mammographisch\\p{L}{0,2}",
        "mammografisch\\p{L}{0,2}", "targeted", "targeting", "target");
    v.add(Role.INDICATION_AFTER,
        "(?:seen |noted |detected |identified |visible )?on (?:the )?(?:mammogra\\p{L}{0,4}|imaging|tomosynthesis|screening)",
        "in der mammogra\\p{L}{0,4}", "im mammogramm", "mammographisch", "à la mammographie",
        "en la mamograf[ií]a", "alla mammografia", "op (?:de )?mammografie");
    v.add(Role.SCOPE_END, "identified", "seen", "present", "noted", "detected", "found", "observed", "evident", "with",
        "associated", "showing", "containing", "nachweisbar", "nachgewiesen", "vorhanden", "erkennbar", "mit", "enthalten",
        "avec", "présentes?", "con", "presentes?", "met", "aanwezig");
    v.add(Role.CONTRAST, "but", "however", "whereas", "aber", "jedoch", "sondern", "mais", "pero", "ma(?=\\s)", "maar");
    return v.entries();
  }
}
