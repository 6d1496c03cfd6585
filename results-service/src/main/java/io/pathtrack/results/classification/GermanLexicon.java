package io.pathtrack.results.classification;

/**
 * German pathology vocabulary (Befundtexte, e.g. the MII Pathologie-Befund examples). Same conventions as
 * {@link EnglishLexicon}; English terms that German reports use unchanged (DCIS, "Carcinoma in situ",
 * "Gleason-Score") are read by the English lexicon.
 */
final class GermanLexicon {

  static final Lexicon LEXICON = Lexicon.builder("de")
      .malignant("\\p{L}*karzinom(?:e|en|s)?", "\\p{L}*karzinomatös\\p{L}*", "\\p{L}*sarkom(?:e|en|s)?",
          "maligne[nrsm]?", "malignom(?:e|en|s)?", "malignität", "bösartig\\p{L}*", "krebs",
          "\\p{L}*metastase[n]?", "metastasiert\\p{L}*", "metastatisch\\p{L}*", "\\p{L}*lymphom(?:e|en|s)?",
          "\\p{L}*melanom(?:e|en|s)?", "leukämie(?:n)?", "plasmozytom(?:e|en)?", "myelom(?:e|en)?",
          "mesotheliom(?:e|en)?", "seminom(?:e|en)?")
      .finding(io.pathtrack.contract.Outcome.MALIGNANT, null, "isup ?gradgruppe ?[1-5]")
      .atypical("atypie(?:n)?", "atypisch\\p{L}*", "dysplasie(?:n)?", "dysplastisch\\p{L}*",
          "intraepitheliale[nr]? neoplasie", "lobuläre neoplasie", "prämaligne[nrsm]?", "präkanzerose(?:n)?",
          "unklare[nrsm]? dignität", "verdächtig", "suspekt",
          // ICD-O /1 entities (docs/architecture.md §4)
          "desmoid\\p{L}*", "aggressive[nr]? fibromatose", "solitäre[nrsm]? fibröse[nrsm]? tumor(?:en|s)?",
          "inflammatorische[nrsm]? myofibroblastäre[nrsm]? tumor(?:en|s)?", "riesenzelltumor(?:en|s)? des knochens",
          "phyllo(?:i)?des ?tumor(?:en|s)?", "phyllo(?:i)?des",
          "(?:low|high) grade appendiziale[nrsm]? muzinöse[nrsm]? neoplasie", "hämangioendotheliom(?:e|en|s)?")
      .malignant("epitheloide[nrsm]? hämangioendotheliom(?:e|en|s)?")
      // "tubuläres Adenom mit niedriggradiger intraepithelialer Neoplasie" is the German wording of an
      // adenoma with low-grade dysplasia: benign (docs/architecture.md §4)
      .benign("\\p{L}*adenom(?:e|en|s)? mit (?:gering|niedrig)gradiger (?:intraepithelialer neoplasie|dysplasie)")
      .benign("benigne[nrsm]? phyllo(?:i)?des ?tumor(?:en|s)?")
      .benign("gutartig\\p{L}*", "benigne[nrsm]?", "tumorfrei", "karzinomfrei", "ohne malignität",
          "kein anhalt für malignität", "unauffällig\\p{L}*", "regelrecht\\p{L}*", "entzündung(?:en)?",
          "entzündlich\\p{L}*", "\\p{L}*hyperplasie(?:n)?", "hyperplastisch\\p{L}*", "\\p{L}*adenom(?:e|en|s)?",
          "\\p{L}*zyste(?:n)?", "\\p{L}*lipom(?:e|en)?", "fibrose", "narbe(?:n)?", "reaktiv\\p{L}*",
          "granulom\\p{L}*", "polyp(?:en)?", "metaplasie", "fettgewebsnekrose")
      .nondiagnostic("nicht repräsentativ\\p{L}*", "nicht ausreichend\\p{L}*", "unzureichend\\p{L}*", "zellarm\\p{L}*",
          "kein (?:diagnostisch )?verwertbares material", "nicht diagnostisch\\p{L}*",
          "kein(?:e|es)? (?:repräsentative\\p{L}*|läsionale\\p{L}*) (?:material|gewebe)", "(?:kein|ohne) läsionsgewebe",
          "(?:die )?(?:läsion|zielläsion|herdbefund|herdläsion) (?:ist |wurde |wird )?nicht (?:erfasst|getroffen|repräsentiert"
              + "|enthalten)",
          "nicht (?:diagnostisch )?verwertbar\\p{L}*", "nicht aussagekräftig\\p{L}*",
          // "Quetschartefakte verhindern eine Beurteilung"; "keine Beurteilung des Randes möglich" is about a margin
          "(?:eine |die )?(?:sichere |abschließende |weitere |histologische )?beurteilung (?:ist )?nicht möglich",
          "keine (?:sichere |abschließende |weitere |histologische )?beurteilung(?! de[rsm])(?: möglich)?",
          "verhinder\\p{L}* (?:eine |die |jede )?(?:sichere |weitere )?beurteilung(?! de[rsm])",
          "(?:material|probe|gewebe|biopsie|präparat|stanze) (?:ist )?nicht (?:sicher )?beurteilbar")
      .placesOnlyWhenNegated("tumor(?:en|s)?", "neoplasie(?:n)?", "läsion(?:en)?", "raumforderung(?:en)?")
      .negationBefore("kein(?:e|en|er|em|es)?", "ohne", "frei von", "nicht", "negativ für",
          "kein(?:e|en)? (?:anhalt|hinweis|nachweis) (?:für|auf|von|eines|einer)")
      .negationAfter("(?:ist |sind )?nicht (?:nachweisbar|nachgewiesen|erkennbar|vorhanden|gesehen|festgestellt)",
          "(?:ist |sind )?ausgeschlossen")
      .hedgeBefore("am ehesten", "wahrscheinlich", "möglich(?:erweise)?", "fraglich\\p{L}*", "vermutlich",
          "differenti?al ?diagnostisch", "dd")
      .suspicionBefore("verdacht auf", "v\\. ?a\\.", "verdächtig auf", "suspekt auf")
      .hedgeAfter("nicht (?:sicher |mit sicherheit )?auszuschließen", "nicht (?:sicher )?ausgeschlossen")
      .historyBefore("z\\. ?n\\.", "zustand nach", "bekannte[mnrs]?", "anamnestisch\\p{L}*", "vorbekannt\\p{L}*",
          "klinisch(?:e|er|es|em)?", "zum ausschluss", "ausschluss", "frage nach")
      .earlierReport("(?:im |laut |lt\\. ?|gemäß )?vorbefund(?:e|en|es)?", "(?:in der |bei der )?vorbiopsie(?:n)?",
          "(?:in der |bei der |im )?(?:früheren|vorherigen|vorangegangenen|letzten) (?:biopsie|stanze|stanzbiopsie|untersuchung"
              + "|exzision|befund)",
          "voruntersuchung(?:en)?")
      // the site or scar of an earlier biopsy is in the current specimen: what it holds is current
      .neutral("(?:im )?(?:bereich|narbe|stelle|region|höhle|hoehle) (?:der|nach(?: der)?) (?:vorbiopsie|stanzbiopsie"
          + "|vorexzision|voroperation)")
      .affirmation("vereinbar mit", "passend zu", "entsprechend", "im sinne (?:eines|einer|von)",
          "mit nachweis (?:eines|einer|von)")
      .scopeBreak("aber", "jedoch", "mit", "sowie", "allerdings")
      .neutral("nicht näher (?:bezeichnet|spezifiziert)", "o\\. ?n\\. ?a\\.", "n\\. ?n\\. ?b\\.")
      .heading(SectionRole.DIAGNOSIS, "(?:histologische |abschließende |zytologische )?diagnose(?:n)?", "beurteilung",
          "kritischer bericht", "zusammenfassung",
          "(?:endgültige|endgueltige|abschließende|abschliessende|definitive) (?:diagnose|beurteilung|befund)",
          "(?:endgültiger|endgueltiger|abschließender|abschliessender) befund", "nachbericht", "nachtrag",
          "ergänzungsbericht", "ergaenzungsbericht")
      .heading(SectionRole.REVISED,
          "(?:revidierte|korrigierte|geänderte|geaenderte|berichtigte) (?:diagnose|beurteilung)",
          "diagnose(?:korrektur|revision|änderung|aenderung)")
      .inlineHeading(SectionRole.REVISED,
          "(?:die )?diagnose (?:wird|wurde) (?:hiermit |daher |somit )?(?:wie folgt )?(?:revidiert|korrigiert|geändert"
              + "|geaendert|berichtigt)(?: (?:zu|in|auf))?")
      .heading(SectionRole.PRELIMINARY,
          "vorl(?:ä|ae|a)ufige[rn]? (?:diagnose|beurteilung|befund|bericht|mitteilung)",
          "(?:ursprüngliche|urspruengliche|initiale) (?:diagnose|beurteilung)",
          "(?:intraoperative[rn]? )?schnellschnitt(?:diagnose|befund|untersuchung)?")
      .heading(SectionRole.COMMENT, "kommentar", "anmerkung(?:en)?", "bemerkung(?:en)?")
      .heading(SectionRole.OTHER, "mikroskopie", "mikroskopischer befund", "befund")
      .heading(SectionRole.EXCLUDED, "klinische angaben", "klinische diagnose", "anamnese", "fragestellung",
          "makroskopie", "makroskopischer befund", "eingangsbefund", "untersuchungsmaterial", "einsendung",
          "vorbefund(?:e)?", "vorbiopsie(?:n)?", "vorgeschichte", "frühere[rn]? (?:befund(?:e)?|biopsie)",
          "(?:vor|früh)histologie")
      .build();

  private GermanLexicon() {}
}
