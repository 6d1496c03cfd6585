package io.pathtrack.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The laboratory discipline a report or an order belongs to (docs/architecture.md §4a). A CT-guided bone biopsy is often
 * sent to pathology and to microbiology: each discipline reports on its own, and the specimen's turnaround waits for
 * every discipline ordered. Carried as {@code ce_discipline} on classified reports.
 */
public enum Discipline implements Coded {
  /** Histopathology and cytopathology: the outcome classes benign, atypical, malignant, nondiagnostic. */
  HISTOLOGY("histology", "Histopathology"),
  /** Culture and susceptibility: no growth, growth (organism, susceptibilities), pending. */
  MICROBIOLOGY("microbiology", "Microbiology");

  /** HL7 v2 table 0074 (diagnostic service section), as FHIR's DiagnosticReport.category uses it. */
  public static final String V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074";
  /** LOINC codes of culture reports and culture results read as microbiology. */
  private static final java.util.Set<String> CULTURE_LOINC = java.util.Set.of("600-7", "6463-4", "11475-1", "634-6",
      "635-3", "43409-2", "580-1", "19128-8", "88461-2", "623-3", "13317-3");
  private static final Pattern CULTURE_WORDS = Pattern.compile("(?i)(?<!\\p{L})(?:culture|cultures|microbiology"
      + "|microbiological|bacteriology|kultur|mikrobiolog\\p{L}*|bakteriolog\\p{L}*|cultivo|coltura|colture|kweek"
      + "|microbiologie|microbiologia|microbiología|microbiologisch)(?!\\p{L})");

  private final Concept concept;

  Discipline(String code, String display) {
    this.concept = new Concept(code, display);
  }

  @Override
  public Concept concept() {
    return concept;
  }

  public static Optional<Discipline> fromCode(String code) {
    return Coded.byCode(Discipline.class, code == null ? null : code.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a category or code says microbiology: v2-0074 {@code MB}/{@code MCB}, a culture LOINC code, or the words
   * (culture, Kultur, cultivo, coltura, kweek, microbiology…) in its text or displays.
   */
  public static boolean microbiology(CodeableConcept concept) {
    if (concept == null) {
      return false;
    }
    for (Coding c : concept.getCoding()) {
      String code = c.getCode() == null ? "" : c.getCode().trim();
      if (V2_0074.equals(c.getSystem()) && (code.equals("MB") || code.equals("MCB"))) {
        return true;
      }
      if ("http://loinc.org".equals(c.getSystem()) && CULTURE_LOINC.contains(code)) {
        return true;
      }
      if (c.hasDisplay() && words(c.getDisplay())) {
        return true;
      }
    }
    return concept.hasText() && words(concept.getText());
  }

  private static boolean words(String text) {
    return CULTURE_WORDS.matcher(text.length() > 400 ? text.substring(0, 400) : text).find();
  }
}
