package io.pathtrack.results.classification;

/**
 * Italian pathology vocabulary (referti di anatomia patologica). Same conventions as {@link EnglishLexicon}.
 * Accents are optional in every entry, and a final accent may be written as an apostrophe as Italian laboratory
 * systems often do ("malignità", "malignita'", "malignita"; "può", "puo'"). Words Italian shares with English
 * ("carcinoma", "sarcoma", "melanoma", "adenoma", "borderline") are read by the English lexicon. A bare "non" is
 * not a cue (it would negate "non-small cell carcinoma"): only its verb phrases are ("non si osserva", "non
 * identificato").
 */
final class ItalianLexicon {

  /** An accented final vowel, or the same vowel with an apostrophe or without the accent. */
  private static final String A = "(?:à|a'?)";
  private static final String E = "(?:è|é|e'?)";
  private static final String O = "(?:ò|o'?)";

  static final Lexicon LEXICON = Lexicon.builder("it")
      .malignant("\\p{L}*carcinomi", "\\p{L}*sarcomi", "linfom[ai]", "mielom[ai]", "melanomi", "leucemi[ae]",
          "metastasi", "metastatic(?:o|a|i|he)", "malign[oaie]", "malignit" + A, "cancro", "mesoteliom[ai]",
          "plasmocitom[ai]", "tumor[ei] neuroendocrin[oi]", "tumor[ei] stromal[ei] gastrointestinal[ei]",
          "carcinoma lobulare in situ (?:di tipo )?(?:pleomorf[oa]|florid[oa])", "emangioendotelioma epitelioide")
      .atypical("atipi[ae]", "atipic(?:o|a|i|he)", "displasi[ae]", "displastic(?:o|a|i|he)",
          "neoplasi[ae] intraepitelial[ei](?: (?:di )?(?:basso|alto) grado)?", "neoplasia lobulare",
          "carcinoma lobulare in situ(?: (?:di tipo )?classico)?",
          "lesion[ei] (?:squamos[ae]|ghiandolar[ei]) intraepitelial[ei](?: di (?:basso|alto) grado)?",
          "sospett[oaie]", "indeterminat[oaie]", "(?:a |di )?potenziale di malignit" + A + " incerto",
          "(?:a |di )?comportamento (?:biologico )?incerto", "pre ?neoplastic(?:o|a|i|he)", "pre ?canceros[oaie]",
          "cheratosi attinic[ah]e?",
          // ICD-O /1 entities (docs/architecture.md §4)
          "tumor[ei] fillod[ei]", "tumor[ei] fibros[oi] solitari[oi]", "tumor[ei] miofibroblastic[oi] infiammatori[oi]",
          "tumor[ei] a cellule giganti (?:dell'osso|osse[oi])", "fibromatosi (?:di tipo )?desmoide",
          "tumor[ei] desmoid[ei]", "desmoid[ei]", "tumor[ei] lipomatos[oi] atipic[oi]",
          "neoplasi[ae] mucinos[ae] appendicolar[ei] di (?:basso|alto) grado", "emangioendoteliom[ai]")
      // adenomas with low-grade dysplasia are benign (ICD-O /0, docs/architecture.md §4)
      .benign("adenom[ai] (?:\\p{L}+ ){0,2}con (?:displasia|neoplasia intraepiteliale) (?:di )?(?:basso grado|lieve"
          + "|grado lieve)", "tumor[ei] fillod[ei] benign[oi]")
      .benign("benign[oaie]", "normal[ei]", "nei limiti della norma",
          "(?:senza|priv[oaie] di|nessuna) alterazion[ei](?: (?:significative|di rilievo|istologiche))?",
          "non neoplastic(?:o|a|i|he)", "non tumoral[ei]",
          "non (?:sospett[oaie]|atipic(?:o|a|i|he)|displastic(?:o|a|i|he))", "infiammatori[oa]", "infiammazion[ei]",
          "flogosi",
          "flogistic(?:o|a|i|he)", "reattiv[oaie]", "iperplasi[ae]", "iperplastic(?:o|a|i|he)", "metaplasi[ae]",
          "fibrosi", "granulom[ai]", "granulomatos[oaie]", "cist[ie]", "polip[oi]", "lipom[ai]", "\\p{L}*adenomi",
          "adenosi", "cicatric[ei]", "steatonecrosi", "necrosi grassa", "(?:mastopatia|alterazioni) fibrocistic[ah]e?",
          "nev[oi]", "cheratosi seborroic[ah]e?",
          "(?:gastr|col|rett|proct|cervic|vagin|endometr|salping|cist|uretr|prostat|orch|epididim|tiroid|scial"
              + "|linfoaden|appendic|colecist|epat|pancreat|nefr|pielonefr|bronch|derm|osteomiel|sinov|fasc|cellul"
              + "|enter|esofag|duoden|ile|mast|gengiv|tonsill|sinus|vascul)it[ei]",
          "(?:0|nessuno) ?(?:/|su) ?\\d{1,3} linfonod[oi]")
      .nondiagnostic("non diagnostic(?:o|a|i|he)(?! (?:di|per))", "non rappresentativ[oaie]",
          "materiale (?:insufficiente|inadeguato|scarso|non idoneo)", "insufficient[ei](?: per (?:la )?diagnosi)?",
          "inadeguat[oaie](?: per (?:la )?diagnosi)?", "acellular[ei]", "ipocellular[ei]", "scarsa cellularit" + A,
          "lesion[ei] (?:bersaglio )?non (?:campionat|rappresentat|inclus|prelevat)[ae]",
          "(?:assenza di|senza) tessuto lesionale",
          "(?:campione|materiale|prelievo|preparato) non (?:valutabile|idoneo)", "non valutabile ai fini diagnostici",
          // "artefatti da schiacciamento che impediscono la valutazione"; not a margin that cannot be assessed
          "impedisc(?:e|ono) (?:la |una |ogni |qualsiasi )?(?:valutazione|diagnosi|interpretazione)"
              + "(?! de(?:i|l|lla|gli) (?:margin[ei]|limit[ei]))",
          "non corrispond(?:e|ente) alla lesione (?:radiologica|bersaglio)")
      .placesOnlyWhenNegated("tumor[ei]", "neoplasi[ae]", "neoplastic(?:o|a|i|he)", "lesion[ei]",
          "neoformazion[ei]", "cellule neoplastiche")
      .negationBefore("negativ[oaie] per", "assenza di", "senza", "nessun(?:o|a)?", "priv[oaie] di", "esente da",
          "indenne da", "non (?:si )?(?:osserva|evidenzia|rileva|riscontra|apprezza|identifica|documenta|reperta)(?:no)?",
          "non (?:vi |ci )?(?:" + E + "|sono)(?: (?:present[ei]|evident[ei]|riconoscibil[ei]|osservabil[ei]))?",
          "non (?:evidenza|segni|reperti) di", "n(?:è|é|e')")
      .negationAfter("non (?:osservat|evidenziat|identificat|riscontrat|rilevat|documentat|repertat)[oaie]",
          "(?:" + E + " |sono )?assent[ei]", "(?:" + E + " |sono )negativ[oaie](?! per)")
      .hedgeBefore("probabil(?:e|i|mente)", "possibil(?:e|i|mente)", "verosimil(?:e|i|mente)", "a favore di",
          "suggestiv[oaie] (?:di|per)", "suggerisce", "non si pu" + O + " escludere",
          "non " + E + " possibile escludere", "senza poter escludere", "in diagnosi differenziale con",
          "diagnosi differenziale(?: con| tra)?", "orienta(?:no)? (?:verso|per)")
      .suspicionBefore("(?:fortemente |altamente )?sospett[oaie] (?:per|di)")
      .hedgeAfter("non (?:si )?pu" + O + " (?:essere )?esclus[oaie]", "non (?:possono|potendo) (?:essere )?esclus[oaie]",
          "non esclus[oaie]")
      .historyBefore("pregress[oaie]", "in anamnesi", "anamnesi (?:positiva )?(?:di|per)", "storia (?:clinica )?di",
          "per escludere", "(?:su |per )?sospetto clinico (?:di|per)", "clinicamente", "precedentemente",
          "gi" + A + " (?:trattat|operat)[oaie] per", "in follow ?up per")
      .earlierReport("(?:nella |nel |alla |dalla )?(?:biopsia|esame|referto|prelievo|esame istologico|esame citologico)"
              + " (?:precedente|pregress[oa])",
          "(?:nella |nel |alla |dalla )?(?:precedente|pregress[oa]) (?:biopsia|esame|referto|prelievo)")
      // the site or scar of an earlier biopsy is in the current specimen: what it holds is current
      .neutral("(?:sede|letto|cicatrice|cavit" + A + "|tramite|area) (?:di|della|del|dell') ?(?:pregressa |precedente )?"
          + "(?:biopsia|escissione|exeresi|intervento|chirurgia)(?: (?:precedente|pregressa))?")
      .affirmation("compatibil[ei] con", "in accordo con", "riferibil[ei] a", "quadro (?:morfologico |istologico )?di",
          "presenza di", "che mostra(?:no)?", "conferma(?:no|t[oa])?")
      .scopeBreak("ma", "per" + O, "tuttavia", "mentre", "con", "nonch" + E, "inoltre", "tranne", "eccetto", "salvo",
          "ad eccezione di", "attualmente")
      .neutral("non altrimenti specificat[oa]", "tipo non speciale", "non (?:valutat|eseguit)[oaie]")
      .heading(SectionRole.DIAGNOSIS,
          "diagnosi(?: (?:finale|definitiva|istologica|citologica|anatomo ?patologica|conclusiva))?",
          "conclusion[ei](?: diagnostic[ah]e?)?", "referto (?:aggiuntivo|integrativo|definitivo)",
          "integrazione(?: diagnostica)?")
      .heading(SectionRole.REVISED, "diagnosi (?:rivista|revisionata|corretta|modificata|emendata|rettificata)")
      .inlineHeading(SectionRole.REVISED,
          "(?:la )?diagnosi (?:viene |" + E + " |" + E + " stata )?(?:rivista|modificata|corretta|rettificata)"
              + "(?: (?:in|come segue))?")
      .heading(SectionRole.PRELIMINARY,
          "diagnosi (?:preliminare|provvisoria|iniziale|intraoperatoria|estemporanea|originale)",
          "esame (?:istologico )?estemporaneo", "estemporane[oa]", "referto (?:preliminare|provvisorio)")
      .heading(SectionRole.COMMENT, "commento", "not[ae]", "osservazioni")
      .heading(SectionRole.OTHER, "diagnosi differenziale", "descrizione microscopica", "esame microscopico", "microscopia",
          "immunoistochimica", "indagini immunoistochimiche")
      .heading(SectionRole.EXCLUDED, "notizie cliniche", "dati clinici", "informazioni cliniche",
          "quesito (?:clinico|diagnostico)", "anamnesi", "storia clinica", "diagnosi clinica", "descrizione macroscopica",
          "esame macroscopico", "macroscopia", "materiale (?:inviato|pervenuto|in esame)",
          "(?:biopsia|referto|esame)(?: istologico)? precedente(?: ?\\([^():\\n]{1,30}\\))?",
          "(?:precedente|pregressa) biopsia(?: ?\\([^():\\n]{1,30}\\))?", "precedenti istologici")
      .build();

  private ItalianLexicon() {}
}
