package io.pathtrack.results.classification;

import java.util.List;
import java.util.Objects;

/**
 * One result Observation of a report, reduced to what classification reads.
 *
 * @param label      the question: Observation.code text or display (e.g. "Histologic Type", "Margins");
 *                   may be null. A label is context, never a finding: "Margin Status for Invasive
 *                   Carcinoma" is a question, not a diagnosis.
 * @param codes      Observation.code codings (the question's codes)
 * @param valueCodes valueCodeableConcept codings (the answer, e.g. a CAP eCC answer "Adenocarcinoma")
 * @param valueText  valueString (or another textual value); may be null
 */
public record ObservationFact(String label, List<CodedConcept> codes, List<CodedConcept> valueCodes, String valueText) {

  public ObservationFact {
    codes = nonNullCopy(codes);
    valueCodes = nonNullCopy(valueCodes);
  }

  /** An observation answered by free text. */
  public static ObservationFact text(String label, String valueText) {
    return new ObservationFact(label, List.of(), List.of(), valueText);
  }

  /** An observation answered by codes (e.g. a CAP eCC coded answer). */
  public static ObservationFact coded(String label, CodedConcept... valueCodes) {
    return new ObservationFact(label, List.of(), List.of(valueCodes), null);
  }

  static <T> List<T> nonNullCopy(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
