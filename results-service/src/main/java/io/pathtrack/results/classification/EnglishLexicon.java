package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;

/**
 * English pathology vocabulary (docs/architecture.md §4). Entries are lower-case regular expressions; a space matches
 * any run of spaces or hyphens, " ?" an optional one. When entries overlap the longest match wins, so
 * "atypical ductal hyperplasia", "lobular carcinoma in situ" and "tubular adenoma with low-grade
 * dysplasia" are read as wholes, not as "atypical", "carcinoma" and "dysplasia".
 */
final class EnglishLexicon {

  static final Lexicon LEXICON = Lexicon.builder("en")

      // ---------------------------------------------------------------- malignant (ICD-O /3 /6 /9, in situ /2)
      .malignant(
          "\\p{L}*carcinomas? in situ",           // DCIS, SCC in situ, adenocarcinoma in situ: /2, malignant
          "\\p{L}*carcinoma(?:s|tosis|tous|tosa)?", // carcinoma, adenocarcinoma, cholangiocarcinoma ...
          "\\p{L}*sarcoma(?:s|tous)?", "sarcomatoid",
          "(?:ganglio|esthesio)?neuroblastomas?", "nephroblastomas?", "hepatoblastomas?", "retinoblastomas?",
          "medulloblastomas?", "glioblastomas?", "pancreatoblastomas?", "pineoblastomas?",
          "(?:pleuropulmonary |pulmonary )?blastomas?",
          "lymphomas?", "(?:non )?hodgkin(?:'s)? (?:lymphoma|disease)", "leuka?emi(?:a|as|c)",
          "(?:multiple )?myelomas?", "plasmacytomas?", "plasma cell (?:myeloma|neoplasm)",
          "mycosis fungoides", "s[eé]zary syndrome",
          "(?:malignant )?melanomas?", "melanoma in situ", "lentigo maligna(?: melanoma)?",
          "mesotheliomas?", "seminomas?", "dysgerminomas?", "(?:malignant |mixed )?germ cell tumou?rs?",
          "yolk sac tumou?rs?", "immature teratomas?",
          "metasta(?:sis|ses|tic|tically|sized|sizing)", "(?:micro|macro)metasta(?:sis|ses|tic)",
          "isolated tumou?r cells", "malignan(?:t|cy|cies)", "cancers?", "cancerous",
          "carcinoid(?: tumou?rs?)?", "neuroendocrine tumou?rs?",
          "gastrointestinal stromal tumou?rs?", "gist",
          "solid pseudopapillary (?:neoplasms?|tumou?rs?)",
          "bowen(?:'s)? disease", "(?:extra ?)?mammary paget(?:'s)? disease",
          "paget(?:'s)? disease of (?:the )?(?:nipple|breast|vulva)",
          "pleomorphic (?:lobular carcinoma in situ|lcis)", "florid (?:lobular carcinoma in situ|lcis)",
          "epithelioid ha?emangioendotheliomas?",   // ICD-O 9133/3
          "chordomas?", "wilms(?:'s|')? tumou?rs?", "ewing(?:'s)?(?: family)? tumou?rs?", "adenoma malignum",
          "idc", "ilc", "dcis", "scc", "bcc", "hcc", "(?:cc)?rcc", "nsclc", "sclc", "dlbcl", "cll", "sll", "aml", "cml",
          "mpnst")
      // Gleason grading and grade groups are assigned only to carcinoma; "no Gleason pattern 5" says nothing
      .finding(Outcome.MALIGNANT, null,
          "gleason(?: score| grade| sum| pattern)?s?(?: ?:| of| ?=)? ?(?:\\d ?\\+ ?\\d(?: ?= ?\\d{1,2})?|\\d{1,2})",
          "(?:isup )?grade group ?[1-5]")

      // ---------------------------------------------------------------- atypical (docs/architecture.md §4)
      .atypical(
          "atypi(?:a|as|cal|cally)",
          "atypical (?:ductal|lobular) hyperplasia", "adh", "alh", "lobular neoplasia",
          // classic LCIS is a precursor (docs/architecture.md §4); pleomorphic and florid LCIS are malignant (above)
          "(?:classic(?:al)? )?lobular carcinoma in situ(?:,? classic(?:al)? type)?", "lcis",
          "flat epithelial atypia", "fea", "atypical (?:ductal )?epithelial proliferation",
          "cin ?(?:[123]|iii|ii|i)(?: ?(?:/|to) ?(?:[123]|iii|ii|i))?",
          "cervical intraepithelial neoplasia(?: (?:grade )?(?:[123]|iii|ii|i))?",
          "(?:d|u)?vin(?: ?(?:[123]|iii|ii|i))?", "vain ?(?:[123]|iii|ii|i)", "ain ?(?:[123]|iii|ii|i)", "pein",
          "intraepithelial neoplasias?", "intraepithelial lesions?",
          "(?:low|high) grade squamous intraepithelial lesions?", "squamous intraepithelial lesions?",
          "(?:high grade )?prostatic intraepithelial neoplasia", "hg ?pin", "(?:high|low) grade pin",
          "atypical small acinar proliferation", "asap",
          "(?:high|low) grade (?:glandular |squamous )?dysplasia", "hgd", "lgd",
          "dysplas(?:ia|ias|tic)", "(?:mild|moderate|severe) dysplasia", "indefinite for dysplasia",
          "(?:of )?(?:uncertain|unknown|undetermined) (?:biologic(?:al)? )?malignant potential", "low malignant potential",
          "malignant potential", "s?ump", "stump", "ft ?ump", "wdt ?ump",
          "borderline(?: tumou?rs?)?",
          "suspicious", "suspicion", "suspect", "indeterminate", "equivocal", "indefinite",
          "follicular neoplasms?", "(?:h[uü]rthle|oncocytic) cell neoplasms?", "oncocytic (?:follicular )?neoplasms?",
          "follicular lesion of undetermined significance", "flus", "(?:of )?undetermined significance",
          "niftp", "noninvasive follicular thyroid neoplasm with papillary like nuclear features",
          "hyalinizing trabecular tumou?rs?",
          "atypical adenomatous hyperplasia", "aah",
          "(?:actinic|solar) keratos[ie]s",             // keratinocytic intraepithelial neoplasia: a precursor
          "atypical lipomatous tumou?rs?", "desmoid(?: type)? (?:fibromatosis|tumou?rs?)", "aggressive fibromatosis",
          "solitary fibrous tumou?rs?", "giant cell tumou?rs? of (?:the )?bone", "atypical cartilaginous tumou?rs?",
          // ICD-O-3 / WHO 5th edition behaviour /1 (intermediate: locally aggressive or rarely metastasizing)
          "desmoids?", "(?:mesenteric|intra ?abdominal|abdominal(?: wall)?|deep|musculo ?aponeurotic) fibromatosis",
          "inflammatory myofibroblastic tumou?rs?", "plexiform fibrohistiocytic tumou?rs?",
          "angiomatoid fibrous histiocytomas?", "giant cell tumou?rs? of (?:the )?soft (?:tissues?|parts)",
          "superficial cd ?34 positive fibroblastic tumou?rs?",
          "(?:diffuse(?: type)?|diffuse ?type) tenosynovial giant cell tumou?rs?",
          "tenosynovial giant cell tumou?rs?,? diffuse(?: type)?",
          "ha?emangioendotheliomas?",                 // 9130/1 NOS, kaposiform, retiform, pseudomyogenic (epithelioid: /3)
          "(?:ha?emangio|glomangio)pericytomas?", "lymphangio(?:leio)?myomatosis",
          "pilocytic astrocytomas?", "subependymal giant cell astrocytomas?",
          // appendiceal mucinous neoplasms: uncertain behaviour (ICD-O 8480/1) or a non-invasive precursor
          "(?:low|high) grade appendiceal mucinous neoplasms?", "lamn", "hamn",
          "phyllodes(?: tumou?rs?)?", "cellular fibroepithelial lesions?",
          "ipmns?", "intraductal papillary mucinous neoplasms?", "mucinous cystic neoplasms?",
          "panin(?: ?[123])?", "pancreatic intraepithelial neoplasia", "biliary intraepithelial neoplasia", "bilin",
          "epithelial cell abnormalit(?:y|ies)",      // Bethesda cervical general category
          "koilocyt(?:osis|es|ic)", "hpv (?:cytopathic effect|related changes)",
          "pre ?malignant", "pre ?cancerous", "precursor lesions?",
          "(?:complex )?atypical hyperplasia", "endometrial intraepithelial neoplasia")

      // ---------------------------------------------------------------- benign
      .benign(
          "benign(?:ly)?", "non ?malignant", "non ?neoplastic", "normal", "within normal limits", "unremarkable",
          "no (?:significant |diagnostic |specific |other |definite )*(?:(?:histo|histopatho|patho|cyto)logic(?:al)? )?"
              + "(?:abnormalit(?:y|ies)|changes?|findings?|alterations?)(?: (?:seen|identified|detected|present))?",
          "no (?:significant )?(?:histo|histopatho|patho)logic(?:al)? diagnos[ie]s",
          "mature (?:cystic )?teratomas?",
          "negative for intraepithelial lesion or malignancy",
          "negative ?\\( ?0 ?/ ?\\d{1,3} ?\\)", "(?:0|zero|none) ?(?:/|of) ?\\d{1,3} (?:lymph )?nodes?",
          // a reactive change qualified as such is benign (Bethesda cervical: reactive cellular changes are NILM)
          "reactive (?:epithelial |squamous |cellular |nuclear )?atypia", "reactive",
          // breast
          "\\p{L}*adenomas?", "adenomatous polyps?", "fibroadenomatoid(?: change| nodule)?",
          "fibrocystic (?:changes?|disease)", "usual (?:ductal )?hyperplasia", "udh",
          "columnar cell (?:changes?|hyperplasia|alteration)", "sclerosing adenosis", "adenosis",
          "apocrine metaplasia", "duct ectasia", "(?:intraductal |sclerosing )?papillomas?", "radial scars?",
          "complex sclerosing lesions?", "pseudoangiomatous stromal hyperplasia", "pash", "gyna?ecomastia",
          "lactational changes?", "fat necrosis", "abscess(?:es)?", "hamartomas?", "benign phyllodes tumou?rs?",
          // conventional adenomas with low-grade dysplasia are benign (docs/architecture.md §4, ICD-O /0)
          "\\p{L}*adenomas?,? (?:with )?(?:focal )?(?:low grade|mild|mild to moderate) dysplasia",
          "(?:tubular|tubulovillous|villous|traditional serrated|sessile serrated) adenomas?,? (?:with )?(?:focal )?"
              + "(?:low grade|mild|mild to moderate) dysplasia",
          "(?:tubular|tubulovillous|villous|serrated|sessile serrated|traditional serrated|pleomorphic|follicular"
              + "|hepatocellular|hepatic|parathyroid|basal cell|canalicular|bile duct|papillary|metanephric"
              + "|adrenal cortical|oncocytic|h[uü]rthle cell|lactating|nipple|apocrine) adenomas?",
          "(?:hyperplastic|inflammatory|juvenile|fibroepithelial|endocervical|endometrial|hamartomatous) polyps?",
          // thyroid, parathyroid
          "benign follicular nodules?", "(?:adenomatoid|colloid|hyperplastic) nodules?",
          "(?:multinodular )?goit(?:er|re)s?", "colloid", "hashimoto(?:'s)?", "graves(?:'|'s)? disease",
          // generic tissue reactions, inflammation, infection
          "\\p{L}+itis", "inflammations?", "inflamed", "inflammatory", "infections?", "infectious",
          "granulom(?:a|as|ata|atous)", "sarcoid(?:osis)?", "granulation tissue", "fibrosis", "sclerosis",
          "scars?", "keloids?", "ulcers?", "ulceration", "hyperplas(?:ia|ias|tic)", "metaplas(?:ia|tic)",
          "cysts?", "pseudocysts?", "cystic changes?", "polyps?", "atroph(?:y|ic)", "infarcts?", "infarction",
          "necrotizing granulomas?", "foreign body(?: giant cell)?(?: reaction| material)?",
          "\\p{L}*lipomas?", "hibernomas?", "\\p{L}*fibromas?", "\\p{L}*myomas?", "\\p{L}*angiomas?",
          // lymph node
          "sinus histiocytosis", "dermatopathic lymphadenopathy", "kikuchi(?:'s)?(?: disease)?",
          "cat scratch(?: disease)?", "lymphoid (?:aggregates?|follicles?)", "polyclonal",
          "progressive transformation of germinal cent(?:er|re)s",
          // bone and joint
          "(?:fracture )?callus", "fractures?", "osteonecrosis", "avascular necrosis", "(?:en)?chondromas?",
          "osteochondromas?", "osteoid osteomas?", "osteomas?", "osteoblastomas?", "chondroblastomas?",
          "aneurysmal bone cysts?", "fibrous dysplasia", "trilineage ha?ematopoiesis",
          "normocellular(?: bone)? marrow", "degenerative (?:joint disease|changes?)", "gout(?:y)?", "tophus",
          "tophi", "tophaceous", "paget(?:'s)? disease of (?:the )?bone",
          // Hardware, prostheses and other devices: a gross-only diagnosis of a non-tissue specimen
          // (CAP lists orthopaedic hardware among specimens exempt from microscopy). It states what the
          // specimen is, and it cannot harbour a neoplasm; any tissue diagnosis alongside it still wins.
          "(?:orthop(?:a)?edic |surgical |metallic )?hardware", "(?:orthop(?:a)?edic )?(?:prosthes[ie]s|implants?)",
          // lung
          "pneumonia", "emphysema(?:tous)?", "anthraco(?:sis|tic)(?: pigment)?", "anthracosilicosis",
          "bronchiectasis", "aspergill(?:us|osis|oma)", "fungal (?:organisms|infection|hyphae)",
          "mycobacteri(?:um|a|al)", "atypical mycobacteri(?:um|a|al)(?: infection)?", "acid fast bacilli",
          "interstitial lung disease",
          // liver, kidney
          "steatosis", "steatohepatitis", "cirrhosis", "cholestasis", "von meyenburg complex(?:es)?",
          "ha?emosiderosis", "oncocytomas?", "\\p{L}*nephropathy", "(?:arterio)?nephrosclerosis",
          "glomerulosclerosis", "acute tubular (?:injury|necrosis)",
          // prostate
          "bph",
          // skin, soft tissue
          "seborrh(?:e|o)ic keratos[ie]s", "na?evus", "na?evi", "dysplastic (?:compound |junctional |melanocytic )?na?ev(?:us|i)",
          "(?:solar )?lentigo", "verruca(?:e)?(?: vulgaris)?", "warts?", "psoriasis", "lichen (?:planus|simplex chronicus|sclerosus)",
          "lichenoid keratosis", "acrochordons?", "skin tags?", "xanthomas?", "xanthelasma", "molluscum(?: contagiosum)?",
          "pilomatrixoma", "trichoepithelioma", "cylindroma", "(?:eccrine )?poroma", "syringoma",
          "schwannomas?", "fasciitis", "glomus tumou?rs?", "myxomas?", "granular cell tumou?rs?",
          "fibrous histiocytomas?", "tenosynovial giant cell tumou?rs?",
          "giant cell tumou?rs? of (?:the )?tendon sheath", "neuromas?", "ganglioneuromas?",
          "(?:palmar|plantar|superficial) fibromatosis",
          // salivary
          "warthin(?:'s)? tumou?rs?", "sialolith(?:iasis|s)?", "mucoceles?", "mucous (?:extravasation|retention)(?: cyst| phenomenon)?",
          "ranulas?", "myoepitheliomas?", "lymphoepithelial (?:cysts?|lesions?)",
          // cervix, colon
          "nilm", "reactive cellular changes", "shift in (?:vaginal )?flora", "bacterial vaginosis", "candida",
          "trichomonas(?: vaginalis)?", "herpes(?: simplex)?(?: virus)?", "actinomyces",
          "sessile serrated (?:lesions?|polyps?)", "crohn(?:'s)?(?: disease)?", "melanosis coli",
          "diverticul(?:um|a|osis|ar disease)", "ha?emorrhoids?", "peutz jeghers",
          "barrett(?:'s)? (?:o)?esophagus", "barrett(?:'s)? mucosa")

      // ---------------------------------------------------------------- nondiagnostic
      .nondiagnostic(
          "non ?diagnostic", "not diagnostic", "unsatisfactory(?: for (?:evaluation|diagnosis|interpretation))?",
          "insufficient(?: for (?:diagnosis|evaluation))?", "inadequate(?: for (?:diagnosis|evaluation))?",
          "acellular", "scant(?:ly)? cellular(?:ity)?", "scant cells", "paucicellular",
          "hypocellular (?:specimen|smears?|aspirates?|samples?)",
          "(?:lesion|target|mass|nodule|lesional tissue|abnormality) (?:was |is )?not (?:sampled|represented|identified|present)",
          "no lesional (?:tissue|cells)", "lesional tissue absent", "not representative", "non ?representative",
          "no (?:target|targeted|radiologic(?:al)?|mammographic|imaging) (?:lesions?|abnormalit(?:y|ies)|mass(?:es)?)",
          "(?:does|do) not (?:account for|explain) (?:the )?(?:radiologic(?:al)?|imaging|mammographic|clinical|ultrasound"
              + "|mri|ct) (?:findings?|lesion|abnormality|mass|appearances?)",
          "non ?contributory",
          // "crush artefact precluding assessment"; "precludes assessment of the margins" is about a margin only
          "(?:precludes?|precluding|precluded|prevents?|preventing|prohibits?|prohibiting) (?:(?:a|any|further|accurate"
              + "|adequate|definitive|reliable|full|proper|meaningful|histologic(?:al)?|cytologic(?:al)?|diagnostic) )*"
              + "(?:assessment|evaluation|interpretation|diagnosis|classification|characteri[sz]ation)"
              + "(?! (?:of|for) (?:the )?(?:margins?|resection|depth|orientation|invasion|grad(?:e|ing)|lymphovascular"
              + "|perineural|stromal|muscularis|completeness|extent|size|surgical))",
          "cyst (?:fluid|contents)(?: only)?", "(?:blood|fibrin|blood clot|necrotic debris) only",
          "(?:no|without) diagnostic (?:material|tissue)", "quantity not sufficient", "qns")

      // ---------------------------------------------------------------- recognised, placed only when negated
      // "neoplasm" or "tumour" alone could be benign or malignant; "no tumour seen" is benign
      .placesOnlyWhenNegated("tumou?rs?", "neoplasms?", "neoplasia", "neoplastic(?: cells)?", "lesions?",
          "residual disease", "spindle cell (?:neoplasm|proliferation|lesion)s?", "fibroepithelial lesions?",
          "abnormal cells")
      .unplaceable("teratomas?", "paget(?:'s)? disease")

      // ---------------------------------------------------------------- cues
      .negationBefore("no", "not", "without", "negative (?:result )?for", "no evidence of",
          "without evidence of", "free of", "free from", "clear of", "absence of", "devoid of", "lack(?:s|ing)?(?: of)?",
          "neither", "nor", "uninvolved by", "not involved by", "not consistent with", "not compatible with",
          "not diagnostic of", "not indicative of", "not suggestive of", "not typical of")
      .negationAfter(
          "(?:is |are |was |were )?(?:not|none) (?:seen|identified|present|detected|found|demonstrated|observed|evident|noted|appreciated)",
          // "tumour cells are negative" negates; "tumour cells are negative for CK20" is immunohistochemistry
          "(?:is |are |was |were )?absent", "(?:is |are |was |were )negative(?!\\s*for)",
          "(?:has been |have been |was |were |is |are )?(?:ruled out|excluded)")
      .hedgeBefore("possible", "possibly", "probable", "probably", "likely", "most likely", "presumptive", "presumed",
          "presumably", "questionable", "question of", "query", "favou?r(?:s|ed|ing)?", "in favou?r of",
          "suggestive of", "suggest(?:s|ing)?", "can ?not (?:exclude|rule out)", "can't (?:exclude|rule out)", "unable to (?:exclude|rule out)",
          "not possible to (?:exclude|rule out)", "differential diagnosis(?: includes?| of| is)?", "may represent",
          "could represent", "might represent", "raises? (?:the )?possibility of", "suspected")
      // "reactive versus lymphoma": neither side is a diagnosis
      .alternative("versus", "vs\\.?")
      // suspicion is itself an atypical statement: Bethesda thyroid V, Milan V, Yokohama "suspicious"
      .suspicionBefore("(?:highly |very |strongly )?suspicious (?:for|of)", "suspect(?:ed)? (?:for|of)",
          "suspicion (?:of|for)", "worrisome (?:for|of)", "worrying (?:for|of)", "concerning (?:for|of)",
          "indeterminate for", "equivocal for", "indefinite for", "raises? (?:the )?concern (?:of|for)")
      .hedgeAfter(
          "(?:cannot|can ?not|could not|can't) be (?:entirely |completely |totally |definitively )?(?:excluded|ruled out)",
          "not (?:entirely |completely |definitively )?(?:excluded|ruled out)",
          "(?:is |are )(?:favou?red|suspected|possible|probable|likely)")
      .historyBefore("(?:clinical |past |prior |previous |remote |known |family |patient's |pt's )?(?:history|hx) of",
          "h/o", "known", "previous(?:ly)?", "prior", "status post", "s/p", "(?:to )?rules? out", "r/o",
          "to exclude", "clinical(?:ly)?(?: suspected| suspicion of| impression of| diagnosis of)?", "indication",
          "reason for (?:biopsy|referral|exam(?:ination)?)")
      // an earlier specimen's finding is history even when it "showed" something (TermKind.EARLIER_REPORT)
      .earlierReport("(?:(?:in|on|at) (?:the )?)?(?:previous|prior|earlier|preceding) "
          + "(?:(?:core|needle|punch|shave|excisional|incisional|diagnostic|breast|skin) )?(?:biops(?:y|ies)|cores?"
          + "|reports?|histology|cytology|fna|aspirates?|excisions?|resections?|specimens?|pathology|diagnos[ie]s)")
      // the site, scar or cavity of an earlier biopsy or excision is in the current specimen: what it holds is current
      .neutral("(?:previous|prior|recent|earlier) (?:(?:core|needle|punch|shave|excisional|incisional) )?(?:biops(?:y|ies)"
              + "|excisions?|resections?|surgery|surgical|operative|procedures?) (?:sites?|cavity|cavities|tracts?|scars?"
              + "|beds?|changes?|clips?)",
          "(?:sites?|beds?|cavity|tracts?|scars?|clips?) (?:of|from) (?:the |a )?(?:previous|prior|recent|earlier) "
              + "(?:(?:core|needle|punch|shave|excisional|incisional) )?(?:biops(?:y|ies)|excisions?|resections?|surgery"
              + "|procedures?)",
          "(?:(?:clinical|past|medical|family|social) )?(?:history|hx) (?:is |was )?non ?contributory")
      .affirmation("consistent with", "most consistent with", "compatible with", "diagnostic of", "in keeping with",
          "characteristic of", "indicative of", "confirm(?:s|ed|ing|atory)?(?: of)?", "positive for",
          "with features of", "showing", "shows?", "demonstrat(?:es|ing)", "represent(?:s|ing)")
      .scopeBreak("but", "however", "although", "though", "whereas", "while", "except", "with", "also",
          "in addition", "additionally")
      // immunohistochemistry idiom, not a reactive process: "tumour cells are reactive for CK7"
      .neutral("(?:immuno)?reactive (?:for|with|to)", "immunoreactiv(?:e|ity)")
      .neutral("no special type", "not otherwise specified", "not otherwise classified", "nos", "no\\.",
          "not (?:assessed|evaluated|performed|submitted|applicable|available|specified)", "not applicable",
          "cannot be (?:assessed|determined|evaluated)", "see (?:note|comment)")

      // ---------------------------------------------------------------- section headings
      .heading(SectionRole.DIAGNOSIS,
          "final (?:patho?logic(?:al)? )?diagnos[ie]s",
          "(?:patho?logic(?:al)?|histologic(?:al)?|histopathologic(?:al)?|cytologic(?:al)?|microscopic|surgical pathology"
              + "|tissue|addendum) diagnos[ie]s",
          "diagnos[ie]s", "diagnostic interpretation", "interpretation", "conclusions?", "impression", "summary",
          "results?", "specimen adequacy", "adequacy(?: of specimen)?", "general categori[sz]ation", "addendum",
          "(?:current|present) (?:biopsy|specimen|core(?: biopsy)?|excision|diagnos[ie]s)")
      // a revised diagnosis decides; the diagnosis before it is superseded (docs/architecture.md §4)
      .heading(SectionRole.REVISED,
          "(?:revised|amended|corrected|updated|modified|changed) (?:final )?(?:(?:patho?logic(?:al)?|histologic(?:al)?"
              + "|surgical pathology) )?diagnos[ie]s",
          "(?:final )?diagnos[ie]s,? (?:revised|amended|corrected)")
      .inlineHeading(SectionRole.REVISED,
          "(?:the )?(?:final )?diagnos[ie]s (?:is |has been |was |is hereby |has therefore been |is therefore )?"
              + "(?:revised|amended|corrected|changed|updated|modified) (?:to(?: read)?|as follows)")
      // a frozen section or preliminary diagnosis beside the final one is superseded context
      .heading(SectionRole.PRELIMINARY,
          "preliminary (?:(?:patho?logic(?:al)?|histologic(?:al)?|cytologic(?:al)?) )?(?:diagnos[ie]s|report|interpretation"
              + "|results?)",
          "(?:initial|original) (?:(?:final|patho?logic(?:al)?) )?diagnos[ie]s",
          "frozen section(?: (?:diagnos[ie]s|consultation|interpretation|evaluation|report))?",
          "intra ?operative (?:consultation|frozen section|diagnos[ie]s|evaluation)(?: diagnos[ie]s)?")
      .heading(SectionRole.COMMENT, "comments?", "notes?", "remarks?")
      .heading(SectionRole.OTHER, "microscopic(?: description| examination| findings)?", "synoptic (?:report|summary)",
          "recommendations?", "hormonal evaluations?", "ancillary (?:studies|tests)", "special (?:studies|stains)",
          "immunohistochemistry", "electronically signed(?: out)?(?: by)?", "signed out by", "pathologist", "differential diagnosis",
          "procedure")
      .heading(SectionRole.EXCLUDED,
          "(?:brief )?clinical (?:history|information|data|details|notes?|indications?|impression|diagnos[ie]s|summary)",
          "(?:relevant |past |medical )?history", "indications?(?: for (?:procedure|biopsy))?",
          "reason for (?:biopsy|referral|exam(?:ination)?|request)",
          "pre ?op(?:erative)? diagnos[ie]s", "post ?op(?:erative)? diagnos[ie]s", "provisional diagnos[ie]s",
          "operative findings", "gross(?: description| examination)?", "macroscopic(?: description| examination)?",
          "specimens?(?: submitted| received| source| description| type)?", "source(?: of specimen)?",
          // an earlier biopsy's or report's findings: "Previous biopsy (2019):", "Prior core 03/2021:"
          "(?:previous|prior|earlier) (?:(?:core|needle|punch|shave|excisional|incisional) )?(?:biops(?:y|ies)"
              + "|cores?|reports?|histology|cytology|pathology|specimens?|excisions?|results?|diagnos[ie]s|findings)"
              + "(?: ?\\([^():\\n]{1,30}\\))?(?: (?:of |from |dated |on )?(?:\\d{1,4}[./-]){0,2}\\d{2,4})?",
          "(?:prior|previous|past|relevant) (?:(?:medical|clinical|oncologic(?:al)?|surgical|pathology) )?history")
      .build();

  private EnglishLexicon() {}
}
