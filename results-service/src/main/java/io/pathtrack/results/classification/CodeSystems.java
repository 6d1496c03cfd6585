package io.pathtrack.results.classification;

import java.util.Locale;

/**
 * Recognises code systems however a feed spells them: FHIR URIs, OIDs, HL7 v2 coding-system names
 * (table 0396), and the spelling variants real feeds use (e.g. "https://CAP.org/eCC", "CAPECC").
 */
final class CodeSystems {

  static final String SNOMED_CT = "http://snomed.info/sct";
  static final String ICD_O_3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";

  enum Kind { SNOMED_CT, ICD_O_3, ICD_10, CAP_ECC, REPORTING_CATEGORY, OTHER }

  private CodeSystems() {}

  static Kind kindOf(String system) {
    if (system == null || system.isBlank()) {
      return Kind.OTHER;
    }
    String s = system.trim().toLowerCase(Locale.ROOT);
    if (s.contains("snomed") || s.endsWith("2.16.840.1.113883.6.96") || s.equals("sct") || s.equals("snm")
        || s.equals("snm3") || s.equals("sctus")) {
      return Kind.SNOMED_CT;
    }
    String compact = s.replaceAll("[^a-z0-9.]", "");
    // ICD-O-3 morphology: HL7 terminology URI, OID 2.16.840.1.113883.6.43.1, v2 names ICDO3 / ICDO
    if (compact.contains("icdo") || s.endsWith("2.16.840.1.113883.6.43.1")) {
      return Kind.ICD_O_3;
    }
    if (compact.contains("icd10") || s.equals("i10") || s.equals("i10c") || s.endsWith("2.16.840.1.113883.6.3")
        || s.endsWith("2.16.840.1.113883.6.90")) {
      return Kind.ICD_10;
    }
    if (compact.contains("cap.org") || compact.startsWith("capec")) {
      return Kind.CAP_ECC;
    }
    if (ReportingSystem.fromSystem(s) != null) {
      return Kind.REPORTING_CATEGORY;
    }
    return Kind.OTHER;
  }

  /** A short human name for evidence texts ("SNOMED CT 254837009"). */
  static String label(CodedConcept concept) {
    return switch (kindOf(concept.system())) {
      case SNOMED_CT -> "SNOMED CT";
      case ICD_O_3 -> "ICD-O-3";
      case ICD_10 -> "ICD-10";
      case CAP_ECC -> "CAP eCC";
      case REPORTING_CATEGORY -> ReportingSystem.fromSystem(concept.system().toLowerCase(Locale.ROOT)).displayName();
      case OTHER -> concept.system() == null ? "code" : concept.system();
    };
  }

  /** Reporting systems whose category codes may arrive as codings of their own code system. */
  enum ReportingSystem {
    BETHESDA_THYROID("Bethesda thyroid", "bethesda category "),
    BETHESDA_CERVICAL("Bethesda cervical", ""),
    RCPATH_BREAST("RCPath", ""),
    MILAN("Milan", "milan category "),
    YOKOHAMA("IAC Yokohama", "yokohama category ");

    private final String displayName;
    private final String textPrefix;

    ReportingSystem(String displayName, String textPrefix) {
      this.displayName = displayName;
      this.textPrefix = textPrefix;
    }

    String displayName() {
      return displayName;
    }

    /** How a bare category code of this system reads as text, e.g. "V" → "bethesda category V". */
    String asText(String code) {
      return textPrefix + code;
    }

    static ReportingSystem fromSystem(String lowerCaseSystem) {
      String s = lowerCaseSystem;
      if (s.contains("bethesda") || s.contains("tbsrtc") || s.contains("tbs-")) {
        boolean cervical = s.contains("cerv") || s.contains("gyn") || s.contains("pap") || s.contains("tbs-");
        return cervical && !s.contains("thyroid") ? BETHESDA_CERVICAL : BETHESDA_THYROID;
      }
      if (s.contains("rcpath") || s.contains("b-category") || s.contains("c-category")) {
        return RCPATH_BREAST;
      }
      if (s.contains("milan")) {
        return MILAN;
      }
      if (s.contains("yokohama")) {
        return YOKOHAMA;
      }
      return null;
    }
  }
}
