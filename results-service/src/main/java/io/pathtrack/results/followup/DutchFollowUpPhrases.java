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

/** Dutch follow-up vocabulary, best effort (conventions in {@link PhraseScanner}). */
final class DutchFollowUpPhrases {

  private DutchFollowUpPhrases() {}

  static void mentions(Vocabulary v) {
    v.mention(REPEAT_BIOPSY, "herhaal ?biopsie\\p{L}{0,1}", "herhalings ?biopsie\\p{L}{0,1}", "nieuwe? biopsie\\p{L}{0,1}",
        "opnieuw biopteren", "re ?biopsie\\p{L}{0,1}", "(?:nieuwe|aanvullende|extra) (?:biopten|weefsel)");
    v.mention(EXCISION, "excisie(?: ?biopsie)?", "re ?excisie", "chirurgische (?:excisie|verwijdering|resectie|behandeling)",
        "resectie", "re ?resectie", "lumpectomie", "mastectomie", "operatieve verwijdering", "operatie");
    v.mention(IMAGING, "(?:radiologische|beeldvormende) (?:controle|follow ?up)",
        "(?:controle|follow ?up) (?:met|middels) (?:beeldvorming|mammografie|echografie|echo|mri|ct)",
        "controle ?(?:mammografie|echo|echografie|mri)", "herhaal ?(?:mammografie|echografie|echo|mri|ct|beeldvorming)");
    v.mention(CORRELATION,
        "correlatie(?: met (?:de )?(?:beeldvorming|kliniek|radiologie|klinische \\p{L}{0,15}|radiologische \\p{L}{0,15}))?",
        "(?:klinisch|radiologisch)\\p{L}{0,2} ?(?:en |/ ?)?(?:(?:klinisch|radiologisch|pathologisch)\\p{L}{0,2} )?correlatie");
    v.mention(MDT, "multidisciplinair\\p{L}{0,1} (?:overleg|team|oncologisch overleg)", "mdo", "tumorwerkgroep");
    v.mention(ANCILLARY, "moleculair\\p{L}{0,1} (?:onderzoek|diagnostiek|analyse|pathologisch onderzoek)",
        "moleculair ?pathologisch onderzoek", "aanvullend (?:immunohistochemisch )?onderzoek", "flow ?cytometrie",
        "genetisch onderzoek");
    v.mention(CLINICAL, "klinische (?:controle|follow ?up|evaluatie|beoordeling)", "poliklinische controle", "controle",
        "(?:door)?verwijzing(?: naar \\p{L}{0,20})?");
  }

  static void weakMentions(Vocabulary v) {
    v.weakMention(REPEAT_BIOPSY, "biopt(?:en)?");
    v.weakMention(EXCISION, "verwijdering", "verwijderd");
    v.weakMention(IMAGING, "beeldvorming", "mammografie", "echografie", "echo");
  }

  static void cues(Vocabulary v) {
    v.add(Role.RECOMMEND, "geadviseerd", "advies", "adviser\\p{L}{0,4}", "(?:wordt|worden) aanbevolen", "aanbevolen",
        "aanbeveling\\p{L}{0,2}", "aangeraden", "aan te raden", "geïndiceerd", "geindiceerd", "nodig", "noodzakelijk",
        "overweeg\\p{L}{0,2}", "(?:te )?overwegen", "dient", "dienen", "moet", "moeten", "wenselijk", "raadzaam",
        "verdient aanbeveling");
    v.add(Role.NEGATE_BEFORE, "geen", "niet", "zonder");
    v.add(Role.NEGATE_AFTER,
        "(?:is |zijn |wordt |worden )?niet (?:nodig|noodzakelijk|geïndiceerd|geindiceerd|geadviseerd|aanbevolen|aangewezen"
            + "|zinvol)",
        "overbodig");
    v.add(Role.HISTORY_BEFORE, "eerder\\p{L}{0,1}", "voorafgaande", "vorige", "na(?=\\s)", "status na", "bekend\\p{L}{0,1}",
        "reeds");
    v.add(Role.HISTORY_AFTER, "(?:werd|werden|is|zijn) (?:reeds )?(?:verricht|uitgevoerd|gedaan)");
    v.add(Role.SCOPE_END, "aangetoond", "gezien", "waargenomen", "uitgesloten");
    v.add(Role.CONTRAST, "maar", "echter", "hoewel");
  }
}
