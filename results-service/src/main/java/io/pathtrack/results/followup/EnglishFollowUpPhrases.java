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

/** English follow-up vocabulary (conventions in {@link PhraseScanner}). */
final class EnglishFollowUpPhrases {

  private static final String GUIDED = "(?:(?:ultrasound|us|ct|mri|mr|image|imaging|stereotactic|endoscopic|eus) ?guided )?";
  private static final String MODALITIES =
      "imaging|mammogra\\p{L}{0,4}|ultrasound|sonograph\\p{L}{0,3}|ct|mri|mr|pet(?: ct)?|scan|x ?ray|radiograph\\p{L}{0,2}";
  private static final String MODALITY = "(?:" + MODALITIES + ")";
  private static final String CORRELATE_WITH = "(?:clinical|clinico|radiolog\\p{L}{0,6}|imaging|radiology|mammographic"
      + "|rad|patholog\\p{L}{0,6}|path|endoscopic|laboratory)";

  private EnglishFollowUpPhrases() {}

  static void mentions(Vocabulary v) {
    v.mention(REPEAT_BIOPSY,
        "repeat(?:ed)? (?:the )?" + GUIDED + "(?:(?:core|needle|punch|vacuum ?assisted) )?(?:needle )?"
            + "(?:biops(?:y|ies)|sampling|fna|fine needle aspiration|cores?)",
        "re ?biops(?:y|ies|ied)", "re ?sampl(?:e|ing)",
        "(?:further|additional|new|another|second|more|deeper|adequate|representative) (?:tissue |targeted )?"
            + GUIDED + "(?:(?:core|needle|punch) )?(?:needle )?(?:biops(?:y|ies)|sampling|tissue sampling|cores?|tissue|material)",
        "tissue diagnosis", "histologic(?:al)? (?:confirmation|sampling|diagnosis)");
    v.mention(EXCISION,
        "(?:surgical|complete|wide|wide local|local|diagnostic|formal|further|definitive|re) ?excision",
        "excision(?:al)?(?: biops(?:y|ies))?", "excise", "surgical (?:removal|resection|biops(?:y|ies)|management|treatment|intervention)",
        "complete (?:removal|resection)", "re ?resection", "resection", "lumpectomy", "mastectomy", "segmentectomy",
        "quadrantectomy", "cone biopsy", "coni[sz]ation", "lletz", "leep", "surgery");
    v.mention(IMAGING,
        "(?:radiolog\\p{L}{0,6}|imaging|mammographic|sonographic|ultrasound|ultrasonographic|radiographic|ct|mri|mr|pet)"
            + " (?:follow ?up|surveillance|review|reassessment|re ?evaluation|monitoring|assessment|evaluation|control)",
        "follow ?up " + MODALITY,
        "short ?(?:term|interval) (?:follow ?up|imaging|mammogra\\p{L}{0,4}|ultrasound|surveillance)"
            + "(?: (?:follow ?up|surveillance|" + MODALITIES + "))?",
        "repeat(?:ed)? (?:the )?(?:chest )?" + MODALITY,
        "(?:diagnostic|further|additional|follow ?up|interval|dedicated|targeted|surveillance) " + MODALITY,
        "interval (?:follow ?up|surveillance)");
    v.mention(CORRELATION,
        CORRELATE_WITH + "(?: ?(?:and|/|&|and/or) ?" + CORRELATE_WITH + "| " + CORRELATE_WITH + ")? correlation",
        "correlat(?:e|ed|es|ion|ions|ing) (?:with|to) (?:the )?(?:clinical|imaging|radiolog\\p{L}{0,6}|mammograph\\p{L}{0,4}"
            + "|ultrasound|sonograph\\p{L}{0,3}|mri|ct|endoscopic|laboratory)(?: (?:and|/|or) (?:the )?(?:clinical|imaging"
            + "|radiolog\\p{L}{0,6}|mammograph\\p{L}{0,4}|endoscopic))?(?: (?:findings|features|picture|history|data"
            + "|appearances|results|studies|presentation))?",
        "correlat(?:e|ed|es|ion|ions|ing)",
        "(?:radiolog\\p{L}{0,6}|imaging|rad) ?(?:/|and)? ?(?:patholog\\p{L}{0,6}|path) concordance",
        "concordance with (?:the )?(?:imaging|radiolog\\p{L}{0,6})");
    v.mention(MDT,
        "multi ?disciplinary(?: (?:team|meeting|tumou?r board|conference|review|discussion|case conference|board))?"
            + "(?: (?:meeting|review|discussion))?",
        "mdts?(?: (?:meeting|review|discussion))?", "mdm", "tumou?r boards?(?: (?:review|discussion|conference))?",
        "tumou?r conference", "(?:case|interdisciplinary) conference", "interdisciplinary (?:review|discussion|board|meeting)");
    v.mention(ANCILLARY,
        "molecular (?:testing|tests?|analys[ie]s|studies|study|work ?up|profiling|pathology|diagnostics?|genetic testing"
            + "|evaluation|assessment|characteri[sz]ation)",
        "(?:genetic|genomic|mutation(?:al)?|cytogenetic|germline|biomarker) (?:testing|tests?|analys[ie]s|studies|profiling"
            + "|evaluation|assessment)",
        "next ?generation sequencing", "ngs", "sequencing", "fish(?: (?:analysis|studies|testing))?",
        "in ?situ hybridi[sz]ation",
        "(?:further |additional )?immunohistochemi\\p{L}{0,6}(?: (?:stains?|studies|staining|work ?up|panel|analysis))?",
        "(?:additional|further|special) (?:immuno ?)?(?:stains?|staining)", "immuno ?stains?", "immunostaining", "ihc",
        "flow cytometr\\p{L}{0,3}", "cytogenetics?", "pcr", "clonality (?:studies|testing|analysis)",
        "(?:her2|egfr|alk|kras|braf|msi|mmr|pd ?l1|ros1|ntrk|brca) (?:testing|analysis|studies|status|assessment)",
        "karyotyp\\p{L}{0,4}", "mismatch repair (?:testing|studies|immunohistochemistry)");
    v.mention(CLINICAL,
        // "clinical and imaging follow-up" recommends both: "clinical" here, "imaging follow-up" as imaging
        "clinical(?= ?(?:and|&|/) ?(?:imaging|radiolog\\p{L}{0,6}|mammographic|sonographic) (?:follow ?up|surveillance))",
        "clinical (?:follow ?up|review|surveillance|monitoring|assessment|evaluation|examination|management|observation"
            + "|reassessment|re ?evaluation|check|attention|consultation)",
        "follow ?up(?: (?:visit|examination|appointment|care))?",
        "(?:close|regular|routine|long ?term|further|continued|periodic) (?:clinical )?(?:follow ?up|surveillance|monitoring"
            + "|observation|review)",
        // "please refer to the comment" points inside the report; it refers nobody anywhere
        "refer(?:ral|red|ring)?(?! (?:to )?(?:the )?(?:comment|addendum|report|note|section|above|below|part|specimen"
            + "|microscopic|synoptic|diagnosis|previous|prior|page|table|figure|original|separate|attached))",
        "(?:oncolog\\p{L}{0,4}|surgical|dermatolog\\p{L}{0,4}|gyn(?:a)?ecolog\\p{L}{0,4}|ha?ematolog\\p{L}{0,4}|urolog\\p{L}{0,4}"
            + "|specialist|gastroenterolog\\p{L}{0,4}|hepatolog\\p{L}{0,4}|endocrin\\p{L}{0,6}|breast (?:clinic|surgeon)"
            + "|genetic(?:s)?) (?:referral|consultation|review|opinion|assessment|evaluation|input|follow ?up)",
        "genetic counsel\\p{L}{0,6}",
        "further (?:work ?up|evaluation|investigation\\p{L}{0,1}|assessment|management|clinical evaluation)", "work ?up",
        "surveillance", "(?:endoscopic|colonoscopic) (?:surveillance|follow ?up)",
        "(?:repeat|surveillance|follow ?up) (?:colonoscopy|endoscopy|gastroscopy|cystoscopy|colposcopy|bronchoscopy)");
  }

  static void weakMentions(Vocabulary v) {
    v.weakMention(REPEAT_BIOPSY,
        GUIDED + "(?:(?:core|needle|punch|incisional|vacuum ?assisted|stereotactic|tru ?cut|shave|endoscopic) )?(?:needle )?"
            + "biops(?:y|ies)",
        "biopsied", "fna", "fine needle aspiration(?: biopsy)?");
    v.weakMention(EXCISION, "excised", "resected", "removed", "removal");
    v.weakMention(IMAGING, "imaging", "mammogra(?:m|ms|phy)", "ultrasound", "sonography", "ct(?: scan)?", "mri(?: scan)?",
        "pet ?ct", "x ?ray", "scan");
    v.weakMention(CLINICAL, "colposcopy", "colonoscopy", "endoscopy");
  }

  static void cues(Vocabulary v) {
    v.add(Role.RECOMMEND, "recommend\\p{L}{0,6}", "(?:we|i) suggest", "suggested", "suggestion", "advis(?:e|ed|able|ory)",
        "consider(?:ed|ation)?", "should", "must", "warrant(?:s|ed)?",
        "(?:is|are|be|if|as|when|where|would be) (?:clinically )?indicated", "requires?", "required", "necessary",
        "needed", "needs", "please", "(?:is|are) (?:strongly )?encouraged", "essential", "mandatory", "imperative", "(?:would|may|might|could) benefit",
        "to be (?:performed|considered|arranged)", "(?:is|would be) (?:prudent|appropriate|reasonable)", "proposed",
        "we propose", "ought to", "is to be");
    v.add(Role.NEGATE_BEFORE, "no(?=\\s)", "not(?=\\s)", "no (?:further|additional)",
        "no (?:need|indication|requirement) (?:for|of|to)", "without (?:the )?need (?:for|of)", "without", "nor", "neither",
        "need not", "no longer");
    v.add(Role.NEGATE_AFTER,
        "(?:is |are )?not (?:be )?(?:routinely |considered )?(?:recommended|required|necessary|needed|indicated|warranted"
            + "|advised|suggested|mandatory|essential)",
        "unnecessary", "unwarranted");
    v.add(Role.NEGATE_AROUND, "do(?:es)? not (?:require|need|warrant|recommend|suggest)",
        "(?:don't|doesn't) (?:require|need|warrant|recommend|suggest)");
    v.add(Role.HISTORY_BEFORE, "previous(?:ly)?", "prior(?! to)", "status post", "s/p", "s\\. ?p\\.", "history of", "h/o",
        "known", "recent(?:ly)?", "earlier", "following", "after", "already",
        "post(?= ?(?:excision|lumpectomy|biopsy|resection|mastectomy|surgery|surgical|operative))",
        "(?:was|were|has been|have been) (?:discussed|presented|reviewed) (?:at|in|by)");
    v.add(Role.HISTORY_AFTER,
        "(?:was|were|has been|have been|had been|had) (?:already )?(?:performed|done|carried out|undertaken|obtained"
            + "|completed|taken|required|necessary|needed|recommended|advised|suggested|received|submitted|reviewed"
            + "|discussed|attempted|scheduled)");
    v.add(Role.SCOPE_END, "identified", "seen", "present", "noted", "detected", "found", "observed", "excluded",
        "ruled out", "evident", "demonstrated");
    v.add(Role.CONTRAST, "but", "however", "whereas", "although", "though", "except");
  }
}
