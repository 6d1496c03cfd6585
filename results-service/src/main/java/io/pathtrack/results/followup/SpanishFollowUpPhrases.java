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

/** Spanish follow-up vocabulary, best effort (conventions in {@link PhraseScanner}). */
final class SpanishFollowUpPhrases {

  private SpanishFollowUpPhrases() {}

  static void mentions(Vocabulary v) {
    v.mention(REPEAT_BIOPSY, "nuevas? biopsias?", "re ?biopsias?", "repetir (?:la )?biopsia",
        "repetición de (?:la )?biopsia", "nueva toma (?:de )?(?:biopsia|muestra)s?", "nuevas? muestras?");
    v.mention(EXCISION, "escisi[oó]n(?: quir[uú]rgica| completa| amplia)?", "ex[eé]resis(?: quir[uú]rgica| completa)?",
        "extirpaci[oó]n(?: quir[uú]rgica| completa)?", "resecci[oó]n(?: quir[uú]rgica| completa)?", "re ?escisi[oó]n",
        "ampliaci[oó]n de m[aá]rgenes", "tumorectom[ií]a", "mastectom[ií]a", "biopsia (?:escisional|excisional)",
        "cirug[ií]a", "tratamiento quir[uú]rgico");
    v.mention(IMAGING,
        "(?:seguimiento|control|vigilancia) (?:radiol[oó]gico|por (?:imagen|im[aá]genes)|ecogr[aá]fico|mamogr[aá]fico"
            + "|con (?:imagen|im[aá]genes|mamograf[ií]a|ecograf[ií]a))",
        "(?:nueva|repetir(?: la)?) (?:mamograf[ií]a|ecograf[ií]a|resonancia(?: magn[eé]tica)?|tac|imagen)");
    v.mention(CORRELATION,
        "correlaci[oó]n(?: (?:cl[ií]nico ?radiol[oó]gica|radio ?patol[oó]gica|anatomo ?radiol[oó]gica"
            + "|radiol[oó]gico ?patol[oó]gica|cl[ií]nica|radiol[oó]gica|con (?:la |los |las |el )?(?:imagen|im[aá]genes"
            + "|cl[ií]nica|hallazgos \\p{L}{0,15}|radiolog[ií]a|estudios? \\p{L}{0,15})))?");
    v.mention(MDT, "comit[eé] (?:de tumores|multidisciplinar\\p{L}{0,2}|oncol[oó]gico|de mama)",
        "(?:sesi[oó]n|discusi[oó]n|equipo|valoraci[oó]n|evaluaci[oó]n) multidisciplinar\\p{L}{0,2}");
    v.mention(ANCILLARY,
        "(?:estudios?|an[aá]lisis|pruebas?|determinaci[oó]n|test) (?:moleculare?s?|gen[eé]tic[oa]s?"
            + "|inmunohistoqu[ií]mic[oa]s?|mutacional\\p{L}{0,2})",
        "inmunohistoqu[ií]mica", "citometr[ií]a de flujo", "biolog[ií]a molecular");
    v.mention(CLINICAL, "seguimiento(?: cl[ií]nico| estrecho| peri[oó]dico)?",
        "control(?:es)? (?:cl[ií]nicos?|evolutivos?|peri[oó]dicos?)", "derivaci[oó]n (?:a|al) \\p{L}{0,20}",
        "valoraci[oó]n (?:cl[ií]nica|por \\p{L}{0,20}|especializada)", "vigilancia(?: cl[ií]nica)?",
        "remitir (?:a|al) \\p{L}{0,20}");
  }

  static void weakMentions(Vocabulary v) {
    v.weakMention(REPEAT_BIOPSY, "biopsias?");
    v.weakMention(IMAGING, "mamograf[ií]as?", "ecograf[ií]as?", "resonancia magn[eé]tica", "tac", "estudios? de imagen");
  }

  static void cues(Vocabulary v) {
    v.add(Role.RECOMMEND, "se recomienda\\p{L}{0,1}", "recomend\\p{L}{0,6}", "recomiend\\p{L}{0,2}", "se sugiere\\p{L}{0,1}",
        "suger\\p{L}{0,5}", "sugier\\p{L}{0,2}", "se aconseja\\p{L}{0,1}", "aconsej\\p{L}{0,5}", "deber[ií]a", "debe",
        "deber[aá]", "necesari\\p{L}{0,2}", "indicad\\p{L}{0,2}", "valorar", "requiere\\p{L}{0,1}");
    v.add(Role.NEGATE_BEFORE, "sin", "ningun[ao]?", "ni");
    v.add(Role.NEGATE_AROUND, "no se (?:requiere|recomienda|aconseja|sugiere|precisa|considera necesari\\p{L}{0,2})n?",
        "no (?:es|son|está|están|resulta|parece) (?:necesari\\p{L}{0,2}|indicad\\p{L}{0,2}|recomendable|precis\\p{L}{0,2}"
            + "|aconsejable)",
        "no (?:precisa|requiere)", "innecesari\\p{L}{0,2}");
    v.add(Role.HISTORY_BEFORE, "antecedentes? de", "previ[ao]s?", "anterior(?:es)?", "tras", "después de", "posterior a");
    v.add(Role.HISTORY_AFTER, "(?:fue|fueron|ha sido|han sido) (?:realizad|practicad|efectuad)\\p{L}{0,2}", "se realizó",
        "ya realizad\\p{L}{0,2}");
    v.add(Role.SCOPE_END, "identificad\\p{L}{0,2}", "observad\\p{L}{0,2}", "descartad\\p{L}{0,2}");
    v.add(Role.CONTRAST, "pero", "sin embargo", "aunque", "no obstante");
  }
}
