package io.pathtrack.results.classification;

/**
 * French pathology vocabulary (comptes rendus d'anatomie et cytologie pathologiques). Same conventions as
 * {@link EnglishLexicon}. Accents are optional in every entry ("benin" and "bénin", "lesion" and "lésion"): many
 * laboratory systems strip them. Elision is read as written: "d'atypie" ends a cue at "d", and the finding starts
 * after the apostrophe. Terms French shares with English or German ("carcinoma in situ", "maligne", "borderline",
 * "DCIS") are read by those lexicons.
 */
final class FrenchLexicon {

  /** "de", "du", "des" or the elided "d'" (the apostrophe is not part of the match). */
  private static final String DE = "d(?:e|u|es)?";

  static final Lexicon LEXICON = Lexicon.builder("fr")
      .malignant("\\p{L}*carcinomes?", "\\p{L}*carcinomateu(?:x|se|ses)", "\\p{L}*sarcomes?",
          "\\p{L}*sarcomateu(?:x|se|ses)", "lymphomes?", "m[ée]lanomes?", "m[ée]soth[ée]liomes?", "s[ée]minomes?",
          "leuc[ée]mies?", "my[ée]lomes?", "plasmocytomes?", "m[ée]tastases?", "m[ée]tastatiques?", "malin(?:e|s|es)?",
          "malignit[ée]", "canc[ée]r(?:s|eux|euse|euses)?", "maladie de hodgkin",
          "tumeurs? (?:neuro ?endocrines?|stromales? gastro ?intestinales?)",
          // pleomorphic and florid LCIS are malignant, classic LCIS a precursor (docs/architecture.md §4)
          "carcinome lobulaire in situ (?:de type )?(?:pl[ée]omorphe|floride)", "ad[ée]nocarcinome in situ", "ccis",
          "h[ée]mangioendoth[ée]liome [ée]pith[ée]lio[iï]de")
      .atypical("atypies?", "atypiques?", "dysplasies?", "dysplasiques?",
          "n[ée]oplasies? intra ?[ée]pith[ée]liales?(?: (?:de )?(?:bas|haut) grade)?", "n[ée]oplasie lobulaire",
          "carcinome lobulaire in situ(?: (?:de type )?classique)?", "clis",
          "l[ée]sions? (?:malpighienne|glandulaire)s? intra ?[ée]pith[ée]liales?(?: de (?:bas|haut) grade)?",
          "suspect(?:e|s|es)", "ind[ée]termin[ée](?:e|s|es)?", "(?:de )?potentiel de malignit[ée] incertain",
          "(?:de )?malignit[ée] incertaine", "(?:de )?comportement incertain",
          "(?:[àa] la )?limite de (?:la )?malignit[ée]",
          "pr[ée] ?canc[ée]reu(?:x|se|ses)", "k[ée]ratoses? actiniques?",
          // ICD-O /1 entities (docs/architecture.md §4)
          "tumeurs? phyllodes?", "tumeurs? fibreuses? solitaires?", "tumeurs? myofibroblastiques? inflammatoires?",
          "tumeurs? [àa] cellules g[ée]antes (?:de l'os|osseuses?)", "fibromatoses? (?:de type )?desmo[iï]des?",
          "tumeurs? desmo[iï]des?", "desmo[iï]des?", "tumeurs? lipomateuses? atypiques?",
          "n[ée]oplasies? mucineuses? appendiculaires? de (?:bas|haut) grade", "h[ée]mangioendoth[ée]liomes?")
      // adenomas with low-grade dysplasia are benign (ICD-O /0, docs/architecture.md §4)
      .benign("ad[ée]nomes? (?:\\p{L}+ ){0,2}(?:avec|en) (?:une )?(?:dysplasie|n[ée]oplasie intra ?[ée]pith[ée]liale) "
          + "(?:de )?(?:bas grade|l[ée]g[èe]re)", "tumeurs? phyllodes? b[ée]nignes?")
      .benign("b[ée]nin(?:e|s|es)?", "b[ée]nignes?", "normal(?:e|es|aux)?", "sans particularit[ée]s?",
          "(?:pas d'|absence d'|sans |aucune )anomalies?", "non tumora(?:l|le|les|ux)", "non n[ée]oplasiques?",
          "non canc[ée]reu(?:x|se|ses)", "non malin(?:e|s|es)?", "non (?:suspect|atypique|dysplasique)(?:e|s|es)?",
          "inflammation(?:s)?", "inflammatoires?",
          "r[ée]actionnel(?:le)?s?", "r[ée]acti(?:f|ve|fs|ves)", "hyperplasies?", "hyperplasiques?", "m[ée]taplasies?",
          "fibrose", "granulomes?", "granulomateu(?:x|se|ses)", "kystes?", "polypes?", "lipomes?", "fibromes?",
          "l[ée]iomyomes?", "fibroad[ée]nomes?", "ad[ée]nomes?", "ad[ée]nose", "papillomes?", "cicatrices?",
          "cytost[ée]aton[ée]crose", "mastopathie(?: fibro ?kystique)?", "n[ae]?evus",
          "k[ée]ratoses? s[ée]borrh[ée]iques?",
          "(?:gastr|col|rect|proct|cervic|vagin|endom[ée]tr|salping|cyst|ur[ée]thr|prostat|orch|[ée]pididym|thyro[iï]d"
              + "|sial|lymphad[ée]n|append|chol[ée]cyst|h[ée]pat|pancr[ée]at|n[ée]phr|py[ée]lon[ée]phr|bronch|derm"
              + "|ost[ée]omy[ée]l|synov|fasc|cellul|ent[ée]r|(?:œ|oe|o)sophag|duod[ée]n|il[ée]|mast|gingiv|amygdal|sinus"
              + "|vascular)ites?",
          "(?:0|aucun) ?(?:/|sur) ?\\d{1,3} ganglions?(?: lymphatiques?)?")
      .nondiagnostic("non contributi(?:f|ve|fs|ves)", "non repr[ée]sentati(?:f|ve|fs|ves)",
          "peu repr[ée]sentati(?:f|ve|fs|ves)", "mat[ée]riel insuffisant",
          "insuffisant(?:e|s|es)?(?: pour (?:le |un |une |l')?(?:diagnostic|interpr[ée]tation|analyse))?",
          "inad[ée]quat(?:e|s|es)?", "(?:in|non )interpr[ée]tables?", "non diagnosti(?:c|que|ques)",
          "acellulaires?", "pauci ?cellulaires?",
          "l[ée]sions? (?:cible )?non (?:pr[ée]lev[ée]e|int[ée]ress[ée]e|repr[ée]sent[ée]e|vue|retrouv[ée]e"
              + "|identifi[ée]e)s?",
          "(?:absence|pas) de tissu l[ée]sionnel", "sans tissu l[ée]sionnel",
          "(?:pr[ée]l[èe]vement|mat[ée]riel|[ée]chantillon|frottis) non (?:[ée]valuable|analysable)s?",
          // "artefacts d'écrasement empêchant l'interprétation"; "empêchant l'évaluation des marges" is about a margin
          "emp[êe]ch(?:ant|e|ent) (?:toute |une |l' ?)?(?:analyse|interpr[ée]tation|[ée]valuation|conclusion)"
              + "(?! d(?:e|es) (?:la |les )?(?:marges?|limites?|berges?))",
          "ne permet(?:tant)? pas (?:de conclure|d'interpr[ée]tation|de porter (?:un|le) diagnostic|d'analyse)",
          "ne correspond(?:ant)? pas [àa] la l[ée]sion (?:radiologique|cible|vis[ée]e)")
      .placesOnlyWhenNegated("tumeurs?", "tumora(?:l|le|les|ux)", "n[ée]oplasies?", "n[ée]oplasmes?",
          "n[ée]oplasiques?", "l[ée]sions?", "prolif[ée]rations? tumorales?", "cellules tumorales",
          "processus tumoral")
      .unplaceable("t[ée]ratomes?")
      .negationBefore("pas " + DE, "absence " + DE, "sans", "aucun(?:e)?", "ni",
          "aucun(?:e)? (?:signe|[ée]l[ée]ment|argument|trace|image)s? (?:" + DE + "|en faveur " + DE + "|pour)",
          "n[ée]gati(?:f|ve|fs|ves) pour", "exempt(?:e|s|es)? " + DE, "indemnes? " + DE, "libres? " + DE,
          // "il n'a pas été mis en évidence de carcinome"; without "de" the same words follow what they negate
          "(?:n'a|n'ont|n'est|ne sont) pas (?:[ée]t[ée] )?(?:vu|observ[ée]|identifi[ée]|retrouv[ée]|mis en [ée]vidence"
              + "|d[ée]cel[ée])(?:e|s|es)? " + DE)
      .negationAfter(
          "non (?:vu|vue|vus|vues|observ[ée]e?s?|identifi[ée]e?s?|retrouv[ée]e?s?|d[ée]cel[ée]e?s?"
              + "|mis(?:e|es)? en [ée]vidence)",
          "(?:n'est|ne sont|n'a|n'ont) pas (?:[ée]t[ée] )?(?:vu|vue|vus|vues|observ[ée]e?s?|identifi[ée]e?s?"
              + "|retrouv[ée]e?s?|mis(?:e|es)? en [ée]vidence)",
          "(?:est |sont )?absent(?:e|s|es)?", "(?:est |sont )n[ée]gati(?:f|ve|fs|ves)(?! pour)")
      .hedgeBefore("probable(?:ment)?", "possible(?:ment)?", "vraisemblable(?:ment)?", "en faveur " + DE,
          "plaidant pour", "faisant (?:[ée]voquer|suspecter)", "[ée]voquant", "[ée]voque(?:r)?",
          "(?:tr[èe]s |fortement )?[ée]vocat(?:eur|rice)s? " + DE, "suggesti(?:f|ve|fs|ves) " + DE, "sugg[ée]rant",
          "on ne peut (?:pas )?(?:exclure|[ée]liminer)", "impossible d'(?:exclure|[ée]liminer)",
          "sans pouvoir (?:exclure|[ée]liminer)", "diagnostic diff[ée]rentiel(?: avec| entre)?")
      .suspicionBefore("(?:tr[èe]s |fortement )?suspect(?:e|s|es)? " + DE, "suspicion " + DE,
          "inqui[ée]tant(?:e|s|es)? pour")
      .hedgeAfter(
          "(?:ne peut|ne peuvent|ne pouvant) (?:pas )?(?:[êe]tre )?(?:formellement |totalement |compl[èe]tement "
              + "|d[ée]finitivement )?(?:exclu|[ée]limin[ée])(?:e|s|es)?",
          "non exclu(?:e|s|es)?")
      .historyBefore("ant[ée]c[ée]dents? " + DE, "atcd(?: " + DE + ")?", "connu(?:e|s|es)? pour",
          "suivi(?:e|s|es)? pour", "(?:dans (?:un|le) )?contexte " + DE, "bilan " + DE,
          "(?:[àa] la |pour )?recherche " + DE, "(?:pour |afin d')?(?:exclure|[ée]liminer)",
          "(?:suspicion|hypoth[èe]se) clinique " + DE, "cliniquement", "pr[ée]c[ée]demment", "ant[ée]rieurement")
      .earlierReport(
          "(?:(?:sur|dans|lors d(?:e|')) ?(?:la |le |les |une |un )?)?(?:biopsies?|examens?|pr[ée]l[èe]vements?"
              + "|comptes? rendus?) (?:ant[ée]rieure?s?|pr[ée]c[ée]dente?s?|pr[ée]alables?)",
          "(?:(?:sur|dans|lors d(?:e|')) ?(?:la |le |les |une |un )?)?(?:pr[ée]c[ée]dente?|ant[ée]rieure?) "
              + "(?:biopsie|examen|pr[ée]l[èe]vement|compte ?rendu)")
      // the site or scar of an earlier biopsy is in the current specimen: what it holds is current
      .neutral("(?:site|lit|cicatrice|cavit[ée]|trajet|zone)s? (?:de |d'|du )?(?:la |le |l' ?)?(?:biopsie|ex[ée]r[èe]se"
          + "|chirurgie|intervention|tumorectomie)s? (?:ant[ée]rieure?|pr[ée]c[ée]dente?)s?")
      .affirmation("compatibles? avec", "en rapport avec", "correspondant [àa]", "t[ée]moignant " + DE,
          "pr[ée]sence " + DE, "montrant", "montre(?:nt)?", "r[ée]v[ée]lant", "confirm(?:e|ent|ant|[ée]e?s?)")
      .scopeBreak("mais", "cependant", "toutefois", "par contre", "en revanche", "avec", "ainsi que",
          "associ[ée](?:e|s|es)? [àa]", "hormis", "sauf", "[àa] l'exception " + DE, "actuellement")
      .neutral("sans autre pr[ée]cision", "non sp[ée]cifi[ée](?:e|s|es)?", "de type non sp[ée]cifique",
          "non (?:[ée]valu[ée]|r[ée]alis[ée]|fait)(?:e|s|es)?")
      .heading(SectionRole.DIAGNOSIS,
          "conclusions?(?: (?:diagnostique|anatomo ?pathologique|histologique|cytologique|d[ée]finitive)s?)?",
          "diagnostics?(?: (?:final|histologique|anatomo ?pathologique|cytologique|d[ée]finitif))?",
          "compte rendu compl[ée]mentaire", "additif")
      .heading(SectionRole.REVISED,
          "(?:diagnostic|conclusion)s? (?:r[ée]vis[ée]|rectifi[ée]|corrig[ée]|modifi[ée])(?:e|s|es)?")
      .inlineHeading(SectionRole.REVISED,
          "(?:le )?diagnostic (?:est |a [ée]t[ée] )?(?:r[ée]vis[ée]|rectifi[ée]|corrig[ée]|modifi[ée])"
              + "(?: (?:en|comme suit))?",
          "(?:la )?conclusion (?:est |a [ée]t[ée] )?(?:r[ée]vis[ée]e|rectifi[ée]e|corrig[ée]e|modifi[ée]e)"
              + "(?: (?:en|comme suit))?")
      .heading(SectionRole.PRELIMINARY,
          "(?:diagnostic|conclusion|r[ée]sultat)s? (?:provisoire|pr[ée]liminaire|initial(?:e)?|extemporan[ée](?:e)?)s?",
          "examen extemporan[ée]", "extemporan[ée](?:e)?", "compte rendu (?:provisoire|pr[ée]liminaire)")
      .heading(SectionRole.COMMENT, "commentaires?", "remarques?")
      .heading(SectionRole.OTHER, "diagnostic diff[ée]rentiel", "microscopie", "examen microscopique",
          "description microscopique",
          "immunohistochimie", "[ée]tude immunohistochimique", "biologie mol[ée]culaire")
      .heading(SectionRole.EXCLUDED, "renseignements? cliniques?",
          "ant[ée]c[ée]dents?(?: (?:m[ée]dicaux|personnels|familiaux))?", "contexte clinique", "histoire clinique",
          "diagnostic clinique", "motif (?:de la demande|d'examen|de l'examen)", "macroscopie", "examen macroscopique",
          "description macroscopique", "nature du pr[ée]l[èe]vement", "pr[ée]l[èe]vements?",
          "mat[ée]riel (?:re[çc]u|adress[ée]|transmis)",
          "(?:biopsie|examen|compte rendu)s? (?:ant[ée]rieure?|pr[ée]c[ée]dente?)s?(?: ?\\([^():\\n]{1,30}\\))?")
      .build();

  private FrenchLexicon() {}
}
