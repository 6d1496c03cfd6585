package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICD-O-3 morphology codes ({@code 8500/3}, {@code 85003}, {@code M-8500/3}, with or without a grade digit)
 * placed by their behaviour digit (docs/architecture.md §4): /0 benign, /1 atypical (uncertain behaviour), /2 malignant
 * (carcinoma in situ), /3 /6 /9 malignant. Exception: precursor lesions that ICD-O codes /2 (or /0) but
 * docs/architecture.md §4 places as atypical.
 */
final class IcdO3Morphology {

  private static final Pattern WITH_SEPARATOR = Pattern.compile("(?i)^\\s*(?:m-?)?(\\d{4})\\s*[/-]\\s*(\\d)\\d?\\s*$");
  private static final Pattern WITHOUT_SEPARATOR = Pattern.compile("(?i)^\\s*(?:m-?)?(\\d{4})(\\d)\\d?\\s*$");
  private static final Pattern IN_TEXT = Pattern.compile("(\\d{4})\\s*/\\s*(\\d)");

  /** Precursor lesions (docs/architecture.md §4: lobular neoplasia / classic LCIS, CIN, SIL, PIN, high-grade dysplasia). */
  private static final Map<String, String> PRECURSORS = Map.ofEntries(
      Map.entry("8077/0", "squamous intraepithelial neoplasia, low grade (LSIL, CIN 1)"),
      Map.entry("8077/2", "squamous intraepithelial neoplasia, high grade (HSIL, CIN 2-3, VIN 3)"),
      Map.entry("8148/0", "glandular intraepithelial neoplasia, low grade"),
      Map.entry("8148/2", "glandular intraepithelial neoplasia, high grade (HGPIN, high-grade dysplasia)"),
      Map.entry("8520/2", "lobular carcinoma in situ, classic (lobular neoplasia)"),
      // adenomas with high-grade dysplasia: ICD-O-3.2 codes them /2; high-grade dysplasia is atypical
      Map.entry("8210/2", "adenoma with high-grade dysplasia"),
      Map.entry("8261/2", "villous adenoma with high-grade dysplasia"),
      Map.entry("8263/2", "tubulovillous adenoma with high-grade dysplasia"),
      // IPMN / MCN of the pancreas without invasion: precursor cystic neoplasms
      Map.entry("8453/0", "intraductal papillary mucinous neoplasm, low grade"),
      Map.entry("8453/2", "intraductal papillary mucinous neoplasm, high grade"),
      Map.entry("8470/0", "mucinous cystic neoplasm, low grade"),
      Map.entry("8470/2", "mucinous cystic neoplasm, high grade"));

  private IcdO3Morphology() {}

  /** A code from a coding whose system is ICD-O-3 (the slash may be missing). */
  static Outcome ofCode(String code) {
    if (code == null) {
      return null;
    }
    Matcher m = WITH_SEPARATOR.matcher(code);
    if (!m.matches()) {
      m = WITHOUT_SEPARATOR.matcher(code);
      if (!m.matches()) {
        return null;
      }
    }
    return of(m.group(1), Integer.parseInt(m.group(2)));
  }

  /** A code from a coding with no system: only the unambiguous slashed form {@code 8500/3}. */
  static Outcome ofSlashedCode(String code) {
    if (code == null || code.indexOf('/') < 0) {
      return null;
    }
    Matcher m = WITH_SEPARATOR.matcher(code);
    return m.matches() ? of(m.group(1), Integer.parseInt(m.group(2))) : null;
  }

  /** A code written in text, e.g. "(ICD-O 8140/3)". */
  static Outcome ofText(String text) {
    Matcher m = IN_TEXT.matcher(text);
    return m.find() ? of(m.group(1), Integer.parseInt(m.group(2))) : null;
  }

  static Outcome of(String morphology, int behaviour) {
    if (PRECURSORS.containsKey(morphology + "/" + behaviour)) {
      return Outcome.ATYPICAL;
    }
    return switch (behaviour) {
      case 0 -> Outcome.BENIGN;
      case 1 -> Outcome.ATYPICAL;
      case 2, 3, 6, 9 -> Outcome.MALIGNANT;
      default -> null;
    };
  }
}
