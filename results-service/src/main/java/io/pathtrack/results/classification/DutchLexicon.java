package io.pathtrack.results.classification;

/**
 * Dutch pathology vocabulary (PALGA-style pathologieverslagen). Same conventions as {@link EnglishLexicon}.
 * Dutch shares many words with German ("maligne", "benigne", "atypie", "dysplasie", "metastase", "tumor") and
 * English ("carcinoma in situ", "borderline", "-itis"); those are read by the German and English lexicons.
 * Diaereses are optional ("atypieën", "atypieen").
 */
final class DutchLexicon {

  static final Lexicon LEXICON = Lexicon.builder("nl")
      .malignant("\\p{L}*carcinoom", "\\p{L}*carcinomen", "\\p{L}*sarcoom", "\\p{L}*sarcomen", "lymfo(?:om|men)",
          "melano(?:om|men)", "mesothelio(?:om|men)", "myelo(?:om|men)", "plasmocyto(?:om|men)", "seminoom",
          "leukemie", "gemetastaseerd(?:e)?", "metastasering", "maligniteit", "kwaadaardig(?:e|heid)?", "kanker",
          "neuro ?endocriene tumor(?:en)?", "gastro ?intestinale stromale tumor(?:en)?",
          "(?:pleomorf|florid)(?:e)? lobulair(?:e)? carcino(?:om|ma) in situ", "epithelio[iï]d hemangio ?endothelioom")
      .atypical("atypie(?:[ëe]n)?", "dysplasie(?:[ëe]n)?", "dysplastisch(?:e)?", "intra ?epitheliale neoplasie",
          "lobulaire neoplasie", "lobulair(?:e)? carcino(?:om|ma) in situ", "verdacht(?:e)?", "verdenking",
          "onzeker(?:e)? (?:maligniteits ?potentieel|biologisch gedrag)", "premaligne", "actinische keratose",
          "(?:laag|hoog) ?gradige (?:squameuze |plaveiselcel )?intra ?epitheliale la?esie",
          // ICD-O /1 entities (docs/architecture.md §4)
          "solitaire fibreuze tumor(?:en)?", "inflammatoire myofibroblastaire tumor(?:en)?",
          "reuzencel ?tumor(?:en)? van het bot", "(?:laag|hoog) ?gradige appendiculaire mucineuze neoplasie",
          "hemangio ?endothelio(?:om|men)")
      // adenomas with low-grade dysplasia are benign (ICD-O /0, docs/architecture.md §4)
      .benign("(?:(?:tubulair|tubulovilleus|villeus|getand|serrated|sessiel)e? )?adeno(?:om|men) met laaggradige "
          + "(?:dysplasie|intra ?epitheliale neoplasie)", "benigne phyllodes ?tumor(?:en)?")
      .benign("goedaardig(?:e)?", "normaal", "normale", "(?:geen|zonder) (?:bijzonderheden|(?:histologische |pathologische "
              + "|relevante )?afwijkingen)", "niet ?neoplastisch(?:e)?", "niet ?tumora(?:al|le)", "ontsteking(?:en)?",
          "ontstoken", "reactie(?:f|ve)", "granulo(?:om|men)", "granulomateuze", "cyste(?:n)?", "poliep(?:en)?", "lipoom",
          "fibroadenoom", "\\p{L}*adenoom", "\\p{L}*adenomen", "adenose", "litteken(?:weefsel)?", "vetnecrose",
          "fibrocysteuze (?:mastopathie|veranderingen)", "naevus", "seborro[iï]sche keratose",
          "(?:0|geen) ?(?:/|van(?: de)?) ?\\d{1,3} lymfeklier(?:en)?")
      .nondiagnostic("niet diagnostisch(?:e)?", "niet representatie(?:f|ve)", "onvoldoende(?: (?:materiaal|weefsel"
              + "|cellulariteit|cellen|representatief|beoordeelbaar))?", "acellulair(?:e)?", "celarm(?:e)?",
          "la?esie (?:is |werd )?niet (?:aangeprikt|getroffen|bemonsterd|aangetroffen|gerepresenteerd|vertegenwoordigd)",
          "(?:geen|zonder) la?esioneel weefsel", "geen representatief (?:materiaal|weefsel)",
          "(?:beoordeling|diagnostiek|diagnose) (?:is )?niet mogelijk",
          "(?:materiaal|biopt|weefsel|preparaat) (?:is )?niet beoordeelbaar",
          // "crush-artefact dat beoordeling verhindert"; not a margin that cannot be assessed
          "(?:verhinder(?:t|en)|belemmer(?:t|en)) (?:de |een |elke )?(?:beoordeling|diagnostiek)"
              + "(?! van de (?:snijvlak|rand))",
          "verklaart de (?:radiologische|beeldvormende) afwijking niet")
      .placesOnlyWhenNegated("la?esie(?:s)?", "neoplasma", "tumorcellen", "tumora(?:al|le)")
      .negationBefore("geen", "zonder", "niet", "negatief voor", "geen aanwijzing(?:en)? (?:voor|van)",
          "geen (?:tekenen|teken|bewijs) van", "vrij van", "afwezigheid van", "noch")
      .negationAfter("(?:is |zijn |werd |werden )?niet (?:gezien|aangetroffen|gevonden|aangetoond|waargenomen|herkend"
              + "|vastgesteld|identificeerbaar)", "(?:is |zijn )?afwezig", "(?:is |zijn )negatief(?! voor)")
      .hedgeBefore("waarschijnlijk", "mogelijk(?:erwijs)?", "vermoedelijk", "suggestief voor", "wijzend op",
          "differentiaal ?diagnostisch")
      .suspicionBefore("(?:sterk )?verdacht (?:voor|op)", "verdenking (?:op|van|voor)", "suspect voor",
          "zorgwekkend voor")
      .hedgeAfter("(?:is |zijn )?niet (?:met zekerheid |geheel |volledig )?uit te sluiten",
          "kan (?:niet|moeilijk) (?:met zekerheid )?(?:worden )?uitgesloten(?: worden)?", "wordt vermoed")
      .historyBefore("bekend (?:met|wegens)", "in de voorgeschiedenis", "voorgeschiedenis (?:van|met)", "status na",
          "klinisch(?:e)?", "klinische verdenking (?:op|van)", "ter uitsluiting van", "uitsluiten", "eerder(?:e)?")
      .earlierReport("(?:in (?:de|het) )?(?:eerdere|vorige|voorgaande|vroegere) (?:biopsie|biopt|onderzoek|verslag"
          + "|uitslag|punctie|excisie)")
      // the site or scar of an earlier biopsy is in the current specimen: what it holds is current
      .neutral("(?:plaats|bed|litteken|holte|kanaal) van (?:de |het )?(?:eerdere|vorige|voorgaande) (?:biopsie|biopt"
          + "|excisie|operatie)")
      .affirmation("passend bij", "in overeenstemming met", "verenigbaar met", "consistent met", "beeld van",
          "toont", "tonen", "aanwezigheid van", "bevestig(?:t|d|en)")
      .scopeBreak("maar", "echter", "wel", "met", "alsook", "daarnaast", "terwijl", "behalve", "met uitzondering van",
          "thans", "momenteel")
      .neutral("niet nader gespecificeerd", "niet (?:beoordeeld|verricht|uitgevoerd)")
      .heading(SectionRole.DIAGNOSIS, "conclusies?", "eindconclusie", "definitieve (?:diagnose|conclusie|uitslag)",
          "aanvulling", "aanvullend verslag")
      .heading(SectionRole.REVISED, "(?:herziene|gewijzigde|gecorrigeerde|aangepaste) (?:diagnose|conclusie)")
      .inlineHeading(SectionRole.REVISED,
          "(?:de )?(?:diagnose|conclusie) (?:wordt|is|werd) (?:hierbij )?(?:herzien|gewijzigd|gecorrigeerd|aangepast)"
              + "(?: (?:naar|in|tot))?")
      .heading(SectionRole.PRELIMINARY, "voorlopige (?:diagnose|conclusie|uitslag)",
          "vriescoupe(?: ?(?:diagnose|onderzoek|uitslag))?", "peroperatie(?:f|ve) (?:diagnose|vriescoupe|consult)",
          "(?:oorspronkelijke|initi[ëe]le) (?:diagnose|conclusie)")
      .heading(SectionRole.COMMENT, "commentaar", "opmerking(?:en)?", "toelichting")
      .heading(SectionRole.OTHER, "differentiaal ?diagnose", "microscopie", "microscopische? (?:beschrijving|onderzoek)",
          "immunohistochemie",
          "moleculair onderzoek")
      .heading(SectionRole.EXCLUDED,
          "klinische (?:gegevens|informatie|vraagstelling|diagnose|inlichtingen)", "vraagstelling", "voorgeschiedenis",
          "macroscopie", "macroscopische? (?:beschrijving|onderzoek)", "(?:ingezonden )?materiaal",
          "(?:eerdere|vorige) (?:biopsie|biopt|onderzoek|verslag)(?: ?\\([^():\\n]{1,30}\\))?", "eerder onderzoek")
      .build();

  private DutchLexicon() {}
}
