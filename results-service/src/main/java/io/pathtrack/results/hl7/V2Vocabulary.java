package io.pathtrack.results.hl7;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;

/**
 * The HL7 v2 tables this mapping reads, with the FHIR codes the HL7 v2-to-FHIR implementation guide's
 * ConceptMaps give them: coding-system names (table 0396) to FHIR code system URIs, result status
 * (table 0123) to DiagnosticReport.status, observation result status (table 0085) to
 * Observation.status, administrative sex (table 0001) to Patient.gender.
 */
final class V2Vocabulary {
  static final String LOINC = "http://loinc.org";
  static final String SNOMED_CT = "http://snomed.info/sct";
  static final String ICD_O_3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
  static final String CAP_ECC = "https://cap.org/eCC";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
  static final String DIAGNOSTIC_SERVICE_SECTION = "http://terminology.hl7.org/CodeSystem/v2-0074";
  static final String ABNORMAL_FLAGS = "http://terminology.hl7.org/CodeSystem/v2-0078";

  /** Table 0396 names (upper case, punctuation removed) → FHIR code system URI. */
  private static final Map<String, String> CODING_SYSTEMS = Map.ofEntries(
      Map.entry("LN", LOINC),
      Map.entry("LOINC", LOINC),
      Map.entry("SCT", SNOMED_CT),
      Map.entry("SNM", SNOMED_CT),
      Map.entry("SNM3", SNOMED_CT),
      Map.entry("SNOMEDCT", SNOMED_CT),
      Map.entry("ICDO3", ICD_O_3),
      Map.entry("ICDO", ICD_O_3),
      Map.entry("CAPECC", CAP_ECC),
      Map.entry("CAPECP", CAP_ECC),
      Map.entry("I10", "http://hl7.org/fhir/sid/icd-10"),
      Map.entry("ICD10", "http://hl7.org/fhir/sid/icd-10"),
      Map.entry("I10C", "http://hl7.org/fhir/sid/icd-10-cm"),
      Map.entry("ICD10CM", "http://hl7.org/fhir/sid/icd-10-cm"),
      Map.entry("I9CDX", "http://hl7.org/fhir/sid/icd-9-cm"),
      Map.entry("C4", "http://www.ama-assn.org/go/cpt"),
      Map.entry("CPT4", "http://www.ama-assn.org/go/cpt"),
      Map.entry("UCUM", UCUM),
      Map.entry("CDCREC", "urn:oid:2.16.840.1.113883.6.238"));

  private V2Vocabulary() {}

  /**
   * The FHIR system for a v2 coding-system name: the table above, {@code HL7nnnn} → the HL7
   * terminology CodeSystem {@code v2-nnnn}; a name that is already a URI or OID is kept; any other
   * (local "L", "99zzz") is kept as given, so the receiver still sees what the sender meant.
   */
  static String system(String v2Name) {
    if (v2Name == null || v2Name.isBlank()) {
      return null;
    }
    String name = v2Name.trim();
    String key = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    String mapped = CODING_SYSTEMS.get(key);
    if (mapped != null) {
      return mapped;
    }
    if (key.matches("HL7\\d{4}")) {
      return "http://terminology.hl7.org/CodeSystem/v2-" + key.substring(3);
    }
    if (name.matches("\\d+(\\.\\d+)+")) {
      return "urn:oid:" + name;
    }
    return name;
  }

  /**
   * Table 0123 result status → DiagnosticReport.status (v2-to-FHIR ConceptMap "ResultStatus"):
   * O, I → registered; S, A, R → partial (some results, or not yet verified); P → preliminary;
   * F → final; C → corrected; X → cancelled.
   */
  static Optional<DiagnosticReportStatus> reportStatus(String code) {
    return Optional.ofNullable(switch (code.trim().toUpperCase(Locale.ROOT)) {
      case "O", "I" -> DiagnosticReportStatus.REGISTERED;
      case "S", "A", "R" -> DiagnosticReportStatus.PARTIAL;
      case "P" -> DiagnosticReportStatus.PRELIMINARY;
      case "F" -> DiagnosticReportStatus.FINAL;
      case "C" -> DiagnosticReportStatus.CORRECTED;
      case "X" -> DiagnosticReportStatus.CANCELLED;
      default -> null;
    });
  }

  /**
   * Table 0085 observation result status → Observation.status (v2-to-FHIR ConceptMap
   * "ObservationResultStatus"); an absent or unknown code reads as unknown.
   */
  static ObservationStatus observationStatus(String code) {
    if (code == null) {
      return ObservationStatus.UNKNOWN;
    }
    return switch (code.trim().toUpperCase(Locale.ROOT)) {
      case "F", "U" -> ObservationStatus.FINAL;
      case "C" -> ObservationStatus.CORRECTED;
      case "P", "R", "S" -> ObservationStatus.PRELIMINARY;
      case "I", "O" -> ObservationStatus.REGISTERED;
      case "X", "N" -> ObservationStatus.CANCELLED;
      case "D", "W" -> ObservationStatus.ENTEREDINERROR;
      case "A" -> ObservationStatus.AMENDED;
      default -> ObservationStatus.UNKNOWN;
    };
  }

  /** Table 0001 administrative sex → Patient.gender. */
  static AdministrativeGender gender(String code) {
    if (code == null) {
      return null;
    }
    return switch (code.trim().toUpperCase(Locale.ROOT)) {
      case "M" -> AdministrativeGender.MALE;
      case "F" -> AdministrativeGender.FEMALE;
      case "O", "A", "N" -> AdministrativeGender.OTHER;
      case "U" -> AdministrativeGender.UNKNOWN;
      default -> null;
    };
  }

  /** Identifier systems for the identifier types (table 0203) that have a national one. */
  static String identifierSystem(String typeCode) {
    if (typeCode == null) {
      return null;
    }
    return switch (typeCode.trim().toUpperCase(Locale.ROOT)) {
      case "SS" -> "http://hl7.org/fhir/sid/us-ssn";
      case "NPI" -> "http://hl7.org/fhir/sid/us-npi";
      default -> null;
    };
  }
}
