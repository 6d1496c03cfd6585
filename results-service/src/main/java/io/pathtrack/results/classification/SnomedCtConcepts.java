package io.pathtrack.results.classification;

import static io.pathtrack.contract.Outcome.ATYPICAL;
import static io.pathtrack.contract.Outcome.BENIGN;
import static io.pathtrack.contract.Outcome.MALIGNANT;

import io.pathtrack.contract.Outcome;
import java.util.Map;

/**
 * SNOMED CT concepts common in pathology conclusions, with their docs/architecture.md §4 outcome. Deliberately short:
 * only concepts whose identifier and meaning are certain. A SNOMED CT code not listed here is placed by
 * its display text, if the report sends one (the display is the concept's own term), else reported as
 * unplaceable.
 */
final class SnomedCtConcepts {

  record Concept(Outcome outcome, String term) {}

  private static final Map<String, Concept> CONCEPTS = Map.ofEntries(
      // malignant neoplasms, morphologic abnormalities and disorders
      entry("86049000", MALIGNANT, "Malignant neoplasm, primary (morphologic abnormality)"),
      entry("363346000", MALIGNANT, "Malignant neoplastic disease (disorder)"),
      entry("14799000", MALIGNANT, "Neoplasm, metastatic (morphologic abnormality)"),
      entry("128462008", MALIGNANT, "Secondary malignant neoplastic disease (disorder)"),
      entry("68453008", MALIGNANT, "Carcinoma, no subtype (morphologic abnormality)"),
      entry("35917007", MALIGNANT, "Adenocarcinoma, no subtype (morphologic abnormality)"),
      entry("28899001", MALIGNANT, "Squamous cell carcinoma, no ICD-O subtype (morphologic abnormality)"),
      entry("82711006", MALIGNANT, "Infiltrating duct carcinoma (morphologic abnormality)"),
      // DCIS: carcinoma in situ is malignant (docs/architecture.md §4)
      entry("86616005", MALIGNANT, "Intraductal carcinoma, noninfiltrating (morphologic abnormality)"),
      entry("1338007", MALIGNANT, "Basal cell carcinoma (morphologic abnormality)"),
      entry("72495009", MALIGNANT, "Mucinous adenocarcinoma (morphologic abnormality)"),
      entry("2227007", MALIGNANT, "Adrenal cortical carcinoma (morphologic abnormality)"),
      entry("372244006", MALIGNANT, "Malignant melanoma (disorder)"),
      entry("118600007", MALIGNANT, "Malignant lymphoma (disorder)"),
      entry("93143009", MALIGNANT, "Leukemia, disease (disorder)"),
      entry("109989006", MALIGNANT, "Multiple myeloma (disorder)"),
      entry("254837009", MALIGNANT, "Malignant neoplasm of breast (disorder)"),
      entry("372064008", MALIGNANT, "Malignant neoplasm of female breast (disorder)"),
      entry("93796005", MALIGNANT, "Primary malignant neoplasm of female breast (disorder)"),
      entry("363358000", MALIGNANT, "Malignant tumor of lung (disorder)"),
      entry("254637007", MALIGNANT, "Non-small cell lung cancer (disorder)"),
      entry("254632001", MALIGNANT, "Small cell carcinoma of lung (disorder)"),
      entry("399068003", MALIGNANT, "Malignant tumor of prostate (disorder)"),
      entry("363406005", MALIGNANT, "Malignant tumor of colon (disorder)"),
      entry("188340000", MALIGNANT, "Malignant tumor of craniopharyngeal duct (disorder)"),
      // precursor lesions: atypical (docs/architecture.md §4)
      entry("25723000", ATYPICAL, "Dysplasia (morphologic abnormality)"),
      entry("55237006", ATYPICAL, "Severe dysplasia (morphologic abnormality)"),
      // benign
      entry("3898006", BENIGN, "Neoplasm, benign (morphologic abnormality)"),
      entry("20376005", BENIGN, "Benign neoplastic disease (disorder)"),
      entry("23583003", BENIGN, "Inflammation (morphologic abnormality)"),
      entry("84499006", BENIGN, "Chronic inflammation (morphologic abnormality)"),
      entry("6266001", BENIGN, "Granulomatous inflammation (morphologic abnormality)"),
      entry("17621005", BENIGN, "Normal (qualifier value)"));

  private SnomedCtConcepts() {}

  static Concept lookup(String code) {
    return code == null ? null : CONCEPTS.get(code.trim());
  }

  private static Map.Entry<String, Concept> entry(String code, Outcome outcome, String term) {
    return Map.entry(code, new Concept(outcome, term));
  }
}
