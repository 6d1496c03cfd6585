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

/** French follow-up vocabulary, best effort (conventions in {@link PhraseScanner}). */
final class FrenchFollowUpPhrases {

  private FrenchFollowUpPhrases() {}

  static void mentions(Vocabulary v) {
    v.mention(REPEAT_BIOPSY, "nouvelles? (?:micro ?|macro ?)?biopsies?", "nouveaux? prélèvements?", "re ?biopsies?",
        "biopsies? (?:de contr[oô]le|itératives?|complémentaires?)", "prélèvements? complémentaires?");
    v.mention(EXCISION, "ex[eé]r[eè]se(?: chirurgicale| complémentaire| large)?",
        "reprise (?:chirurgicale|d'exérèse|des berges|opératoire)", "excision(?: chirurgicale| complète)?", "tumorectomie",
        "zonectomie", "mastectomie", "résection(?: chirurgicale| complète)?", "ablation(?: chirurgicale| complète)?",
        "biopsie ?exérèse", "chirurgie", "(?:prise en charge|traitement) chirurgical\\p{L}{0,1}");
    v.mention(IMAGING,
        "contr[oô]le (?:radiologique|échographique|mammographique|par imagerie|d'imagerie|scanographique|irm|sénologique)",
        "surveillance (?:radiologique|par imagerie|échographique|mammographique|sénologique)",
        "imagerie de (?:contr[oô]le|surveillance)", "suivi (?:radiologique|par imagerie|échographique|mammographique)",
        "nouvelle (?:imagerie|échographie|mammographie|irm)");
    v.mention(CORRELATION,
        "corr[eé]lation(?: (?:radio ?clinique|anatomo ?radiologique|anatomo ?clinique|radio ?pathologique|clinico ?radiologique"
            + "|radio ?histologique|clinique|radiologique|avec (?:l'|les |la |le )?(?:imagerie|clinique|radiologie"
            + "|données \\p{L}{0,15}|bilan \\p{L}{0,15})))?",
        "confrontation (?:radio ?clinique|anatomo ?radiologique|radio ?pathologique|anatomo ?clinique|clinico ?radiologique"
            + "|avec (?:l'|les |la |le )?(?:imagerie|clinique|données \\p{L}{0,15}))");
    v.mention(MDT, "r[eé]union de concertation pluri ?disciplinaire", "concertation pluri ?disciplinaire", "rcp",
        "discussion (?:pluri|multi) ?disciplinaire");
    v.mention(ANCILLARY,
        "(?:étude|analyse|recherche|examen|test)s? (?:moléculaire|génétique|immunohistochimique|de biologie moléculaire)s?",
        "biologie moléculaire", "immunohistochimi\\p{L}{0,3}", "cytométrie en flux");
    v.mention(CLINICAL, "suivi(?: clinique| régulier| spécialisé| médical)?", "surveillance (?:clinique|régulière)",
        "contr[oô]le clinique", "consultation (?:spécialisée|de \\p{L}{1,20}|d'\\p{L}{1,20}|en \\p{L}{1,20})",
        "avis (?:spécialisé|chirurgical|oncologique|dermatologique|gynécologique)", "orientation vers");
  }

  static void weakMentions(Vocabulary v) {
    v.weakMention(REPEAT_BIOPSY, "(?:micro ?|macro ?)?biopsies?");
    v.weakMention(IMAGING, "imagerie", "échographie", "mammographie", "irm", "scanner", "tdm");
  }

  static void cues(Vocabulary v) {
    v.add(Role.RECOMMEND, "recommand\\p{L}{0,6}", "conseill\\p{L}{0,6}", "préconis\\p{L}{0,6}", "propos\\p{L}{0,5}",
        "sugg[eé]r\\p{L}{0,5}", "il (?:faut|faudra|convient)", "nécessaires?", "nécessite", "indiqué\\p{L}{0,2}",
        "souhaitable", "(?:à )?envisager", "doit", "doivent", "devra", "devrait");
    v.add(Role.NEGATE_BEFORE, "pas de", "pas d(?=')", "aucun\\p{L}{0,2}", "sans", "ni");
    v.add(Role.NEGATE_AFTER, "inutile");
    v.add(Role.NEGATE_AROUND,
        "(?:n'est |ne sont )?pas (?:nécessaire|recommandé|indiqué|justifié|utile|conseillé)\\p{L}{0,2}",
        "ne (?:semble|paraît|parait) pas (?:nécessaire|justifié|indiqué)\\p{L}{0,2}",
        "non (?:nécessaire|recommandé|indiqué)\\p{L}{0,2}");
    v.add(Role.HISTORY_BEFORE, "antécédents? (?:de|d(?='))", "antérieur\\p{L}{0,2}", "précédent\\p{L}{0,2}", "après",
        "suite (?:à|au|aux)", "déjà", "ancien\\p{L}{0,3}");
    v.add(Role.HISTORY_AFTER, "(?:a|ont) été (?:réalisé|effectué|fait|pratiqué)\\p{L}{0,2}",
        "déjà (?:réalisé|effectué|fait)\\p{L}{0,2}");
    v.add(Role.SCOPE_END, "identifié\\p{L}{0,2}", "observé\\p{L}{0,2}", "exclu\\p{L}{0,2}", "mis en évidence");
    v.add(Role.CONTRAST, "mais", "cependant", "toutefois", "néanmoins");
  }
}
