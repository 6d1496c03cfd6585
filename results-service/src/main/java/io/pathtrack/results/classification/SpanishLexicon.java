package io.pathtrack.results.classification;

/**
 * Spanish pathology vocabulary (informes de anatomía patológica). Same conventions as {@link EnglishLexicon}.
 * Accents are optional in every entry ("diagnóstico" and "diagnostico"): many laboratory systems strip them.
 * Words Spanish shares with English ("carcinoma", "adenocarcinoma", "sarcoma", "melanoma", "adenoma", "-itis")
 * are read by the English lexicon. "sin" and "no" negate only what follows them in their clause, and "sin
 * embargo" (however) ends that scope.
 */
final class SpanishLexicon {

  static final Lexicon LEXICON = Lexicon.builder("es")
      .malignant("linfomas?", "mielomas?", "leucemias?", "met[áa]stasis", "metast[áa]sic[oa]s?", "metast[áa]tic[oa]s?",
          "malign[oa]s?", "malignidad(?:es)?", "c[áa]ncer(?:es)?", "mesoteliomas?", "plasmocitomas?",
          "tumor(?:es)? neuroendocrinos?", "tumor(?:es)? del estroma gastrointestinal", "enfermedad de hodgkin",
          "carcinoma lobulillar in situ (?:de tipo )?(?:pleom[óo]rfico|florido)",
          "hemangioendotelioma epitelioide", "cdis")
      .atypical("atipias?", "at[íi]pic[oa]s?", "displasias?", "displ[áa]sic[oa]s?",
          "neoplasias? intraepitelial(?:es)?(?: de (?:bajo|alto) grado)?", "neoplasia lobulillar",
          "carcinoma lobulillar in situ(?: (?:de tipo )?cl[áa]sico)?",
          "lesi[óo]n(?:es)? (?:escamosas?|glandular(?:es)?) intraepitelial(?:es)?(?: de (?:bajo|alto) grado)?",
          "sospechos[oa]s?", "indeterminad[oa]s?", "(?:de )?potencial (?:de malignidad|maligno) incierto",
          "(?:de )?comportamiento (?:biol[óo]gico )?incierto", "pre ?malign[oa]s?", "pre ?canceros[oa]s?",
          "queratosis act[íi]nicas?",
          // ICD-O /1 entities (docs/architecture.md §4)
          "tumor(?:es)? (?:filodes|phyllodes)", "tumor(?:es)? fibrosos? solitarios?",
          "tumor(?:es)? miofibrobl[áa]sticos? inflamatorios?",
          "tumor(?:es)? de c[ée]lulas gigantes (?:del hueso|[óo]seos?)",
          "fibromatosis (?:de )?(?:tipo )?desmoide", "tumor(?:es)? desmoides?", "desmoides?",
          "neoplasias? mucinosas? apendicular(?:es)? de (?:bajo|alto) grado", "hemangioendoteliomas?")
      // adenomas with low-grade dysplasia are benign (ICD-O /0, docs/architecture.md §4)
      .benign("adenomas? (?:\\p{L}+ ){0,2}con (?:displasia|neoplasia intraepitelial) (?:de )?(?:bajo grado|leve)",
          "tumor(?:es)? (?:filodes|phyllodes) benignos?")
      .benign("benign[oa]s?", "normal(?:es)?", "dentro de (?:los )?l[íi]mites normales",
          "sin alteraciones(?: (?:significativas|histol[óo]gicas|relevantes|patol[óo]gicas))?",
          "sin (?:cambios|hallazgos) (?:significativos|relevantes|patol[óo]gicos)", "no neopl[áa]sic[oa]s?",
          "no tumoral(?:es)?", "inflamaci[óo]n(?:es)?", "inflamatori[oa]s?", "reactiv[oa]s?", "hiperplasias?",
          "hiperpl[áa]sic[oa]s?", "metaplasias?", "granulomatos[oa]s?", "quistes?", "qu[íi]stic[oa]s?", "p[óo]lipos?",
          "cicatriz", "necrosis grasa", "(?:cambios|mastopat[íi]a) fibroqu[íi]stic(?:os|a)", "adenosis",
          "(?:0|cero|ninguno) ?(?:/|de) ?\\d{1,3} ganglios?(?: linf[áa]ticos?)?")
      .nondiagnostic("no diagn[óo]stic[oa]s?(?! de)", "no representativ[oa]s?", "no valorables?",
          "no contributiv[oa]s?", "no concluyentes?", "material insuficiente", "muestras? insuficientes?",
          "insuficientes?(?: para (?:el |un )?diagn[óo]stico)?", "inadecuad[oa]s?(?: para (?:el |un )?diagn[óo]stico)?",
          "acelular(?:es)?", "hipocelular(?:es)?", "escasa celularidad",
          "lesi[óo]n(?:es)? (?:diana )?no (?:representada|muestreada|incluida|identificada)s?",
          "(?:ausencia de|sin) tejido lesional",
          // "artefacto de aplastamiento que impide la valoración"; not a margin that cannot be assessed
          "impid(?:e|en|iendo) (?:la |su |una |cualquier )?(?:valoraci[óo]n|evaluaci[óo]n|interpretaci[óo]n"
              + "|diagn[óo]stico)(?! de (?:los |el |la )?(?:m[áa]rgenes|bordes?|l[íi]mites?))",
          "no (?:corresponde|representa) (?:a )?la lesi[óo]n (?:radiol[óo]gica|diana)")
      .placesOnlyWhenNegated("tumor(?:es)?", "tumoral(?:es)?", "neoplasias?", "neopl[áa]sic[oa]s?",
          "lesi[óo]n(?:es)?", "proliferaci[óo]n(?:es)? tumoral(?:es)?")
      .negationBefore("negativ[oa]s? (?:para|de)", "ausencia de", "sin", "no se (?:observa|identifica|evidencia"
              + "|reconoce|encuentra|aprecia|detecta|ve)n?", "no hay", "no existen?", "ning[úu]n(?:a|o)?", "libres? de",
          "exent[oa]s? de", "ni")
      .negationAfter("no (?:identificad|observad|evidenciad|detectad|encontrad)[oa]s?", "(?:est[áa]n? )?ausentes?",
          "(?:es |son )negativ[oa]s?(?! (?:para|de))")
      .hedgeBefore("probable(?:s|mente)?", "posible(?:s|mente)?", "a favor de", "favorece", "sugestiv[oa]s? de",
          "sugiere", "sugerente de", "no se (?:puede|pueden) (?:descartar|excluir)", "sin poder (?:descartar|excluir)",
          "diagn[óo]stico diferencial(?: con| entre| incluye)?")
      .suspicionBefore("(?:altamente |muy )?sospechos[oa]s? (?:de|para)", "sospecha de", "preocupante para")
      .hedgeAfter("no (?:se )?(?:puede|pueden) (?:ser )?(?:descartad|excluid)[oa]s?",
          "no (?:puede|pueden) (?:descartarse|excluirse)")
      .historyBefore("antecedentes? (?:personal(?:es)? )?(?:de|por)", "historia (?:cl[íi]nica )?de",
          "conocid[oa]s? por", "en seguimiento por", "(?:para |a )?descartar", "para excluir",
          "sospecha cl[íi]nica de", "cl[íi]nicamente", "previamente")
      .earlierReport(
          "(?:en )?(?:la |el )?(?:biopsia|estudio|informe|diagn[óo]stico|citolog[íi]a)s? (?:previ[oa]|anterior)s?",
          "(?:en )?(?:la |el )?(?:previ[oa]|anterior) (?:biopsia|estudio|informe)")
      // the site or scar of an earlier biopsy is in the current specimen: what it holds is current
      .neutral("(?:sitio|lecho|cicatriz|cavidad|trayecto|zona) de (?:la |una )?(?:biopsia|cirug[íi]a|escisi[óo]n"
          + "|intervenci[óo]n|tumorectom[íi]a) (?:previa|anterior)")
      .affirmation("compatibles? con", "consistentes? con", "concordantes? con", "en relaci[óo]n con",
          "correspondiente a", "presencia de", "que muestra(?:n)?", "confirma(?:n|do|da)?")
      .scopeBreak("pero", "sin embargo", "no obstante", "aunque", "con", "mientras que", "as[íi] como", "adem[áa]s",
          "excepto", "salvo", "a excepci[óo]n de", "actualmente", "en la actualidad")
      .neutral("sin otra especificaci[óo]n", "no especificad[oa]", "tipo no especial",
          "no (?:valorad|evaluad|realizad)[oa]s?")
      .heading(SectionRole.DIAGNOSIS,
          "diagn[óo]sticos?(?: (?:final|definitivo|anatomopatol[óo]gico|histol[óo]gico|citol[óo]gico|histopatol[óo]gico"
              + "|patol[óo]gico))?",
          "conclusi[óo]n(?:es)?(?: diagn[óo]stica)?", "informe (?:final|definitivo|complementario)", "adenda")
      .heading(SectionRole.REVISED,
          "diagn[óo]stico (?:revisado|corregido|modificado|enmendado|rectificado)")
      .inlineHeading(SectionRole.REVISED,
          "(?:el )?diagn[óo]stico (?:se |es |ha sido |queda )?(?:revisa|revisado|modifica|modificado|corrige|corregido"
              + "|rectifica|rectificado)(?: (?:a|como sigue|como))?")
      .heading(SectionRole.PRELIMINARY,
          "diagn[óo]stico (?:preliminar|provisional|inicial|intraoperatorio|por congelaci[óo]n|original)",
          "informe preliminar", "(?:estudio|biopsia|consulta) intraoperatori[oa]", "cortes? (?:por )?congelaci[óo]n",
          "estudio por congelaci[óo]n")
      .heading(SectionRole.COMMENT, "comentarios?", "observaciones")
      .heading(SectionRole.OTHER, "diagn[óo]stico diferencial", "descripci[óo]n microsc[óo]pica", "microscop[íi]a",
          "estudio microsc[óo]pico",
          "inmunohistoqu[íi]mica", "estudio inmunohistoqu[íi]mico")
      .heading(SectionRole.EXCLUDED, "antecedentes(?: (?:cl[íi]nicos|personales))?", "datos cl[íi]nicos",
          "informaci[óo]n cl[íi]nica", "historia cl[íi]nica",
          "diagn[óo]stico (?:cl[íi]nico|presuntivo|de sospecha|pre ?operatorio|post ?operatorio)",
          "descripci[óo]n macrosc[óo]pica", "macroscop[íi]a", "estudio macrosc[óo]pico", "tipo de muestra",
          "muestras? (?:remitidas?|recibidas?|enviadas?)", "material (?:remitido|recibido|enviado)",
          "motivo de (?:consulta|estudio|solicitud)",
          "(?:biopsia|informe|estudio)s? (?:previ[oa]|anterior)s?(?: ?\\([^():\\n]{1,30}\\))?")
      .build();

  private SpanishLexicon() {}
}
