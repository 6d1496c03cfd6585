package io.pathtrack.results.classification;

import static io.pathtrack.contract.Outcome.ATYPICAL;
import static io.pathtrack.contract.Outcome.BENIGN;
import static io.pathtrack.contract.Outcome.MALIGNANT;
import static io.pathtrack.contract.Outcome.NONDIAGNOSTIC;

import io.pathtrack.contract.Outcome;

/**
 * Reporting-system categories as they are written in reports, independent of language, mapped as in the
 * docs/architecture.md §4 table:
 * <ul>
 *   <li>Bethesda System for Reporting Thyroid Cytopathology I-VI: I nondiagnostic, II benign, III (AUS),
 *       IV (follicular neoplasm) and V (suspicious for malignancy) atypical, VI malignant;</li>
 *   <li>RCPath / NHSBSP breast core B1-B5 and cytology C1-C5: B1 and C1 nondiagnostic (B1 is normal tissue
 *       or unsatisfactory: the lesion was not sampled), B2/C2 benign, B3/B4/C3/C4 atypical, B5a/B5b/B5c and
 *       C5 malignant;</li>
 *   <li>Milan System for Reporting Salivary Gland Cytopathology I-VI: I nondiagnostic, II non-neoplastic
 *       (benign), III (AUS) atypical, IVA benign neoplasm, IVB SUMP atypical, V atypical, VI malignant;</li>
 *   <li>IAC Yokohama System for Reporting Breast FNA Biopsy Cytopathology 1-5: insufficient, benign,
 *       atypical, suspicious of malignancy (atypical), malignant;</li>
 *   <li>Bethesda cervical cytology: NILM benign; ASC-US, ASC-H, LSIL, HSIL, AGC atypical;
 *       The Paris System (urine): NHGUC benign, AUC and SHGUC atypical, HGUC malignant;</li>
 *   <li>ICD-O-3 morphology codes written in the text ("(ICD-O 8140/3)").</li>
 * </ul>
 * A negated or hedged category places nothing.
 */
final class ReportingSystemLexicon {

  private static final String SEP = "(?: ?:| ?-)? ?";
  private static final String BETHESDA =
      "(?:the )?(?:bethesda|tbsrtc)(?: system)?(?: thyroid)?(?: diagnostic)?(?: category| cat\\.?| class)?" + SEP;
  private static final String MILAN = "(?:the )?milan(?: system)?(?: diagnostic)?(?: category| cat\\.?)?" + SEP;
  private static final String YOKOHAMA =
      "(?:the )?(?:iac )?yokohama(?: system)?(?: category| cat\\.?)?" + SEP;
  private static final String CATEGORY = "(?:diagnostic )?(?:category|cat\\.?) ";
  /** A bare B or C code is only a category where the text sets it off ("B3:", "(C5)", "B2 - benign"). */
  private static final String SET_OFF = "(?=\\s*(?:[:),;.]|-\\s|$))";
  private static final String RCPATH_PREFIX = "(?:(?:rcpath|nhsbsp|uk)(?: breast)? )?(?:(?:core|cytology) )?(?:category |cat\\.? |code )?";

  static final Lexicon LEXICON = category(Lexicon.builder("reporting-systems"))
      .atypical("asc ?us", "asc ?h", "agc", "agus", "[lh] ?sil", "auc", "shguc")
      .benign("nhguc")
      .malignant("hguc")
      .resolved("icd ?o(?: ?3(?:\\.[12])?)?(?: code)?" + SEP + "(?:m ?)?\\d{4} ?/ ?\\d", IcdO3Morphology::ofText)
      .resolved("m ?\\d{4} ?/ ?\\d", IcdO3Morphology::ofText)
      .build();

  private ReportingSystemLexicon() {}

  private static Lexicon.Builder category(Lexicon.Builder b) {
    numbered(b, NONDIAGNOSTIC, "(?:i|1)");
    numbered(b, BENIGN, "(?:ii|2)");
    numbered(b, ATYPICAL, "(?:iii|3)");
    numbered(b, ATYPICAL, "(?:iv|4)");
    numbered(b, ATYPICAL, "(?:v|5)");
    numbered(b, MALIGNANT, "(?:vi|6)");

    milan(b, NONDIAGNOSTIC, "(?:i|1)");
    milan(b, BENIGN, "(?:ii|2)");
    milan(b, ATYPICAL, "(?:iii|3)");
    milan(b, BENIGN, "(?:iv ?a|4 ?a)");        // benign neoplasm
    milan(b, ATYPICAL, "(?:iv ?b|4 ?b)");      // salivary gland neoplasm of uncertain malignant potential
    milan(b, ATYPICAL, "(?:iv|4)");
    milan(b, ATYPICAL, "(?:v|5)");
    milan(b, MALIGNANT, "(?:vi|6)");

    yokohama(b, NONDIAGNOSTIC, "(?:1|i)");
    yokohama(b, BENIGN, "(?:2|ii)");
    yokohama(b, ATYPICAL, "(?:3|iii)");
    yokohama(b, ATYPICAL, "(?:4|iv)");         // suspicious of malignancy
    yokohama(b, MALIGNANT, "(?:5|v)");

    rcpath(b, NONDIAGNOSTIC, "[bc]1");
    rcpath(b, BENIGN, "[bc]2");
    rcpath(b, ATYPICAL, "[bc][34]");
    rcpath(b, MALIGNANT, "b5[abc]?");
    rcpath(b, MALIGNANT, "c5");
    return b;
  }

  private static void numbered(Lexicon.Builder b, Outcome outcome, String numeral) {
    b.finding(outcome, null, BETHESDA + numeral, CATEGORY + numeral + " ?\\(? ?(?:bethesda|tbsrtc)");
  }

  private static void milan(Lexicon.Builder b, Outcome outcome, String numeral) {
    b.finding(outcome, null, MILAN + numeral, CATEGORY + numeral + " ?\\(? ?milan");
  }

  private static void yokohama(Lexicon.Builder b, Outcome outcome, String numeral) {
    b.finding(outcome, null, YOKOHAMA + numeral, CATEGORY + numeral + " ?\\(? ?(?:iac )?yokohama");
  }

  private static void rcpath(Lexicon.Builder b, Outcome outcome, String code) {
    b.finding(outcome, null, "(?:rcpath|nhsbsp) " + code, RCPATH_PREFIX + code + SET_OFF);
  }
}
