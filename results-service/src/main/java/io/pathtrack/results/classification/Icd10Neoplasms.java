package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICD-10 (WHO, -CM, -GM) chapter II neoplasm codes by block: C00-C97 malignant; D00-D09 in situ (malignant,
 * docs/architecture.md §4) except the intraepithelial neoplasias D06 (CIN III), D07.1 (VIN III), D07.2 (VAIN III), D07.5
 * (PIN III), which are atypical; D10-D36 benign; D37-D48 (and -CM D49) uncertain or unknown behaviour, atypical.
 * Codes outside chapter II do not place a report.
 */
final class Icd10Neoplasms {

  private static final Pattern CODE = Pattern.compile("(?i)^\\s*([CD])(\\d{2})(?:\\.?(\\d))?[0-9A-Z.]*\\s*$");

  private Icd10Neoplasms() {}

  static Outcome of(String code) {
    if (code == null) {
      return null;
    }
    Matcher m = CODE.matcher(code);
    if (!m.matches()) {
      return null;
    }
    char chapter = Character.toUpperCase(m.group(1).charAt(0));
    int block = Integer.parseInt(m.group(2));
    int sub = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
    if (chapter == 'C') {
      return block <= 97 ? Outcome.MALIGNANT : null;
    }
    if (block <= 9) {
      boolean intraepithelialNeoplasia = block == 6 || (block == 7 && (sub == 1 || sub == 2 || sub == 5));
      return intraepithelialNeoplasia ? Outcome.ATYPICAL : Outcome.MALIGNANT;
    }
    if (block <= 36) {
      return Outcome.BENIGN;
    }
    if (block <= 49) {
      return Outcome.ATYPICAL;
    }
    return null;
  }
}
