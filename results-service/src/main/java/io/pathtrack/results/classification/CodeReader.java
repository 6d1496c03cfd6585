package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;
import io.pathtrack.results.classification.CodeSystems.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Places one coding: SNOMED CT by {@link SnomedCtConcepts}, ICD-O-3 by behaviour digit, ICD-10 by
 * neoplasm block, reporting-system category codes (Bethesda, RCPath, Milan, Yokohama) by category. A code
 * these tables do not place is read by its display text (CAP eCC answers are placed this way:
 * "Adenocarcinoma", "Invasive carcinoma present at margin").
 */
final class CodeReader {

  private final TextReader textReader;

  CodeReader(TextReader textReader) {
    this.textReader = textReader;
  }

  /**
   * @param reportUnplaced whether a code that places nothing is worth naming when nothing else places the
   *                       report (yes for conclusion codes and terminology codes; no for "Right", "Excision")
   */
  List<Finding> read(CodedConcept concept, String location, boolean reportUnplaced) {
    List<Finding> findings = new ArrayList<>();
    String code = concept.code() == null ? null : concept.code().trim();
    String display = concept.display() == null || concept.display().isBlank() ? null : concept.display().trim();
    Kind kind = CodeSystems.kindOf(concept.system());
    String label = CodeSystems.label(concept);
    Finding byCode = code == null || code.isEmpty() ? null : byCode(kind, concept, code, label, location);
    if (byCode != null && byCode.placed()) {
      findings.add(byCode);
      return findings;
    }
    if (display != null) {
      // the evidence quotes the whole display: it is the code's meaning, and short
      String quoted = label + (code == null ? "" : " " + code) + " '" + display + "'";
      for (Finding f : textReader.readPhrase(display, location)) {
        findings.add(new Finding(f.outcome(), f.placed() ? quoted : f.matched() + " in " + quoted, f.location()));
      }
    }
    boolean placed = findings.stream().anyMatch(Finding::placed);
    boolean terminology = kind != Kind.CAP_ECC && kind != Kind.OTHER;
    if (!placed && (reportUnplaced || terminology)) {
      findings.add(new Finding(null, label + (code == null ? "" : " " + code)
          + (display == null ? "" : " '" + display + "'") + " (code not placeable)", location));
    }
    return findings;
  }

  private Finding byCode(Kind kind, CodedConcept concept, String code, String label, String location) {
    Outcome outcome;
    String matched;
    switch (kind) {
      case SNOMED_CT -> {
        SnomedCtConcepts.Concept c = SnomedCtConcepts.lookup(code);
        outcome = c == null ? null : c.outcome();
        matched = "SNOMED CT " + code + (c == null ? "" : " |" + c.term() + "|");
      }
      case ICD_O_3 -> {
        outcome = IcdO3Morphology.ofCode(code);
        matched = "ICD-O-3 " + code;
      }
      case ICD_10 -> {
        outcome = Icd10Neoplasms.of(code);
        matched = "ICD-10 " + code;
      }
      case REPORTING_CATEGORY -> {
        CodeSystems.ReportingSystem system = CodeSystems.ReportingSystem.fromSystem(concept.system().toLowerCase(Locale.ROOT));
        outcome = textReader.readPhrase(system.asText(code), location).stream()
            .map(Finding::outcome).filter(o -> o != null).reduce(Outcome::worse).orElse(null);
        matched = label + " category " + code;
      }
      default -> {
        // a bare "8500/3" without a system is unambiguous ICD-O-3
        outcome = IcdO3Morphology.ofSlashedCode(code);
        matched = "ICD-O-3 " + code;
      }
    }
    String display = concept.display();
    if (outcome != null && display != null && !display.isBlank() && kind != Kind.SNOMED_CT) {
      matched += " '" + display.trim() + "'";
    }
    return outcome == null ? null : new Finding(outcome, matched, location);
  }
}
