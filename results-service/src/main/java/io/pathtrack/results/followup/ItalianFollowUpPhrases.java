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

/** Italian follow-up vocabulary, best effort (conventions in {@link PhraseScanner}). */
final class ItalianFollowUpPhrases {

  private ItalianFollowUpPhrases() {}

  static void mentions(Vocabulary v) {
    v.mention(REPEAT_BIOPSY, "ri ?biopsi[ae]", "nuov[ao] (?:biopsi[ae]|prelievo|campionamento)", "nuovi prelievi",
        "ripetere (?:la |il )?(?:biopsia|prelievo)", "ripetizione (?:della |del )?(?:biopsia|prelievo)");
    v.mention(EXCISION, "escissione(?: chirurgica| completa| ampia)?", "ri ?escissione", "exeresi(?: chirurgica| completa)?",
        "asportazione(?: chirurgica| completa)?", "resezione(?: chirurgica)?", "ri ?resezione",
        "ampliamento(?: dei margini| chirurgico)?", "biopsia escissionale", "tumorectomia", "quadrantectomia", "mastectomia",
        "intervento chirurgico", "chirurgia");
    v.mention(IMAGING,
        "(?:controllo|follow ?up|monitoraggio|sorveglianza) (?:radiologico|ecografico|mammografico|strumentale|tc|rm"
            + "|con imaging|di imaging)",
        "(?:nuova|ripetere(?: la)?) (?:mammografia|ecografia|risonanza|tc|rm)");
    v.mention(CORRELATION,
        "correlazione(?: (?:clinico ?radiologica|radio ?patologica|anatomo ?radiologica|clinico ?strumentale|clinica"
            + "|radiologica|con (?:l'|la |le |il |i |gli )?(?:imaging|clinica|radiologia|dati \\p{L}{0,15}"
            + "|quadro \\p{L}{0,15}|reperti \\p{L}{0,15}|indagini \\p{L}{0,15})))?");
    v.mention(MDT, "(?:gruppo|discussione|team|valutazione|riunione|incontro) (?:oncologico )?multidisciplinare", "gom");
    v.mention(ANCILLARY,
        "(?:analisi|indagin[ei]|test|studio|valutazione|esame) (?:molecolar[ei]|genetic[aohe]|immunoistochimic[aohe]"
            + "|mutazional[ei])",
        "immunoistochimica", "citofluorimetri\\p{L}{0,2}", "biologia molecolare");
    v.mention(CLINICAL, "follow ?up clinico", "controll[oi] clinic[oi]", "sorveglianza(?: clinica)?", "monitoraggio clinico",
        "valutazione (?:clinica|specialistica)", "visita (?:specialistica|di controllo)",
        "invio (?:a|al|allo|presso) \\p{L}{0,20}");
  }

  static void weakMentions(Vocabulary v) {
    v.weakMention(REPEAT_BIOPSY, "biopsi[ae]", "agobiopsi[ae]");
    v.weakMention(IMAGING, "ecografia", "mammografia", "risonanza magnetica", "tc", "rm");
  }

  static void cues(Vocabulary v) {
    v.add(Role.RECOMMEND, "si consiglia(?:no)?", "consigli\\p{L}{0,5}", "si raccomanda(?:no)?", "raccomand\\p{L}{0,5}",
        "si suggerisce", "suggerit\\p{L}{0,1}", "suggerisce", "indicat\\p{L}{0,1}", "necessari\\p{L}{0,1}",
        "opportun\\p{L}{0,2}", "(?:da|si) valutare", "si propone", "richiede", "dovrebbe", "si invita");
    v.add(Role.NEGATE_BEFORE, "non(?=\\s)", "nessun\\p{L}{0,1}", "senza", "né");
    v.add(Role.NEGATE_AROUND,
        "non (?:è |sono |si )?(?:necessari\\p{L}{0,1}|indicat\\p{L}{0,1}|consiglia(?:t\\p{L}{0,1})?"
            + "|raccomanda(?:t\\p{L}{0,1})?|richiest\\p{L}{0,1}|suggerit\\p{L}{0,1}|richiede)",
        "non (?:si )?ritiene (?:necessari\\p{L}{0,1}|indicat\\p{L}{0,1})", "superflu\\p{L}{0,1}");
    v.add(Role.HISTORY_BEFORE, "precedent[ei]", "pregress[aoie]", "già", "dopo", "(?:in )?esiti di", "anamnesi di");
    v.add(Role.HISTORY_AFTER, "(?:è stat[ao]|sono stat[ie]) (?:eseguit|effettuat|praticat)\\p{L}", "già eseguit\\p{L}");
    v.add(Role.SCOPE_END, "evidenziat\\p{L}{0,1}", "identificat\\p{L}{0,1}", "osservat\\p{L}{0,1}", "esclus\\p{L}{0,1}");
    v.add(Role.CONTRAST, "ma(?=\\s)", "però", "tuttavia", "invece");
  }
}
