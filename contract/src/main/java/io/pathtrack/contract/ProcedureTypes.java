package io.pathtrack.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Places a procedure, as an order or specimen codes or names it, in the {@link ProcedureType}
 * vocabulary: our own code first, then a SNOMED CT procedure code from the site's map, then the words
 * of the code's display or text. What cannot be placed is {@link ProcedureType#UNMAPPED}.
 */
public final class ProcedureTypes {
  public static final String SNOMED = "http://snomed.info/sct";

  /** A coded or named procedure: any part may be null. */
  public record Concept(String system, String code, String text) {}

  /** Word patterns, most specific first: "3-D stereotactic" before "stereotactic", bone before lung. */
  private static final List<Map.Entry<Pattern, ProcedureType>> WORDS = List.of(
      Map.entry(words("fine[- ]needle|\\bfna\\b|\\bfnab\\b|aspiration cytology"), ProcedureType.FINE_NEEDLE_ASPIRATION),
      Map.entry(words("(3-?d|three[- ]dimensional|tomosynthesis)[^.]*stereotactic|stereotactic[^.]*(3-?d|tomosynthesis)"),
          ProcedureType.STEREOTACTIC_3D_VACUUM),
      Map.entry(words("stereotactic|vacuum[- ]assisted|\\bvab\\b"), ProcedureType.STEREOTACTIC_VACUUM),
      Map.entry(words("\\bmri\\b|\\bmr[- ]guided|magnetic resonance"), ProcedureType.MRI_GUIDED),
      Map.entry(words("\\bct\\b[^.]*(bone|vertebra|iliac|sacr|femur|femoral|rib\\b|pelvi|humer|spine|osseous)"
          + "|(bone|vertebra|iliac|sacr|osseous)[^.]*\\bct\\b"), ProcedureType.CT_BONE),
      Map.entry(words("\\bct\\b[^.]*(lung|pulmonary|soft[- ]tissue|mediastin|pleura|retroperiton|mass)"
          + "|(lung|pulmonary|soft[- ]tissue)[^.]*\\bct\\b|computed tomography"), ProcedureType.CT_LUNG_SOFT_TISSUE),
      Map.entry(words("ultrasound|sonograph|\\bus[- ]guided|\\busg\\b|core needle|\\bcnb\\b"), ProcedureType.US_CORE_NEEDLE),
      Map.entry(words("excision|resection|lumpectomy|mastectomy|ectomy\\b|wide local|surgical"), ProcedureType.SURGICAL_EXCISION));

  private final Map<String, ProcedureType> snomed;

  /** @param snomed SNOMED CT procedure code → procedure type, as the site's configuration maps them */
  public ProcedureTypes(Map<String, ProcedureType> snomed) {
    this.snomed = Map.copyOf(snomed);
  }

  public ProcedureType classify(List<Concept> concepts) {
    for (Concept c : concepts) {
      if (ProcedureType.SYSTEM.equals(c.system())) {
        Optional<ProcedureType> ours = ProcedureType.fromCode(c.code());
        if (ours.isPresent()) {
          return ours.get();
        }
      }
    }
    for (Concept c : concepts) {
      if (SNOMED.equals(c.system()) && c.code() != null && snomed.containsKey(c.code().trim())) {
        return snomed.get(c.code().trim());
      }
    }
    for (Concept c : concepts) {
      Optional<ProcedureType> named = fromText(c.text());
      if (named.isPresent()) {
        return named.get();
      }
    }
    return ProcedureType.UNMAPPED;
  }

  public static Optional<ProcedureType> fromText(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.toLowerCase(Locale.ROOT);
    for (Map.Entry<Pattern, ProcedureType> w : WORDS) {
      if (w.getKey().matcher(t).find()) {
        return Optional.of(w.getValue());
      }
    }
    return Optional.empty();
  }

  private static Pattern words(String regex) {
    return Pattern.compile(regex);
  }
}
