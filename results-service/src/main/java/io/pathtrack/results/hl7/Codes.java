package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.Segment;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Coded v2 fields (CWE, CE: OBR-4, OBR-24, OBR-31, OBX-3, OBX-5, OBX-8, SPM-4, SPM-7, SPM-8) as FHIR
 * CodeableConcept and Coding, the v2 coding system (CWE-3) mapped to its FHIR system URI.
 */
final class Codes {
  private Codes() {}

  /** A CWE/CE field as a CodeableConcept: primary and alternate coding, original text (CWE-9). */
  static Optional<CodeableConcept> codeable(Segment segment, int field, int rep, String defaultSystem) {
    if (segment == null) {
      return Optional.empty();
    }
    String code = Fields.get(segment, field, rep, 1);
    String display = Fields.get(segment, field, rep, 2);
    String system = Fields.get(segment, field, rep, 3);
    CodeableConcept concept = concept(code, display, system, defaultSystem);
    String altCode = Fields.get(segment, field, rep, 4);
    if (altCode != null) {
      concept.addCoding(coding(altCode, Fields.get(segment, field, rep, 5), Fields.get(segment, field, rep, 6), null));
    }
    String originalText = Fields.get(segment, field, rep, 9);
    if (originalText != null) {
      concept.setText(FormattedText.plain(originalText));
    }
    return concept.isEmpty() ? Optional.empty() : Optional.of(concept);
  }

  /**
   * A code with its display and v2 coding system. A bare identifier with neither text nor system is
   * a label, not a code (NAACCR synoptic OBX-3 such as "Histologic Type:"): it becomes the text.
   */
  static CodeableConcept concept(String code, String display, String system, String defaultSystem) {
    CodeableConcept concept = new CodeableConcept();
    if (code != null && display == null && system == null && defaultSystem == null) {
      return concept.setText(FormattedText.plain(code));
    }
    if (code != null) {
      concept.addCoding(coding(code, display, system, defaultSystem));
    } else if (display != null) {
      concept.setText(FormattedText.plain(display));
    }
    return concept;
  }

  private static Coding coding(String code, String display, String system, String defaultSystem) {
    String fhirSystem = system != null ? V2Vocabulary.system(system) : defaultSystem;
    return new Coding(fhirSystem, code, display == null ? null : FormattedText.plain(display));
  }
}
