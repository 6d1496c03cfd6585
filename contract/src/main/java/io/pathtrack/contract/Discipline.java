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
      + "|microbiological|bacteriology|\\p{L}*kultur(?:en)?|mikrobiolog\\p{L}*|bakteriolog\\p{L}*|cultivo|coltura|colture|kweek"
      + "|microbiologie|microbiologia|microbiología|microbiologisch)(?!\\p{L})");

  /** HL7 v2-0074 sections of anatomic pathology. */
  private static final java.util.Set<String> PATHOLOGY_SECTIONS = java.util.Set.of("SP", "CP", "CY", "PAT");
  private static final Pattern PATHOLOGY_WORDS = Pattern.compile("(?i)(?<!\\p{L})(?:\\p{L}*patholog\\p{L}*|histolog\\p{L}*"
      + "|\\p{L}*cytolog\\p{L}*|zytolog\\p{L}*|biops\\p{L}*|biopt\\p{L}*|anatomopatol\\p{L}*|histopatol\\p{L}*)(?!\\p{L})");

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
   * The discipline of a report or an order, from its categories and code. Coded first: an HL7 v2-0074 {@code MB} or
   * {@code MCB} category or a culture LOINC code is microbiology — unless a pathology category ({@code SP}, {@code CP},
   * {@code CY}, {@code PAT}) stands beside it; a pathology category alone is histology. Only with neither do words
   * decide: culture words (culture, Kultur, cultivo, coltura, kweek, microbiology…) with no pathology words (pathology,
   * histology, cytology, biopsy…) are microbiology. Anything else is histology: the histology classifier is the one
   * that never misses a malignancy, so a report that is not clearly a culture is read by it.
   */
  public static Discipline of(java.util.List<CodeableConcept> categories, CodeableConcept code) {
    boolean microbiologyCoded = false;
    boolean pathologyCoded = false;
    StringBuilder text = new StringBuilder();
    java.util.List<CodeableConcept> all = new java.util.ArrayList<>(categories == null ? java.util.List.of() : categories);
    if (code != null) {
      all.add(code);
    }
    for (CodeableConcept concept : all) {
      for (Coding c : concept.getCoding()) {
        String value = c.getCode() == null ? "" : c.getCode().trim();
        if (V2_0074.equals(c.getSystem())) {
          microbiologyCoded |= value.equals("MB") || value.equals("MCB");
          pathologyCoded |= PATHOLOGY_SECTIONS.contains(value);
        }
        microbiologyCoded |= "http://loinc.org".equals(c.getSystem()) && CULTURE_LOINC.contains(value);
        text.append(' ').append(c.hasDisplay() ? c.getDisplay() : "");
      }
      text.append(' ').append(concept.hasText() ? concept.getText() : "");
      if (text.length() > 2_000) {
        break;
      }
    }
    if (pathologyCoded) {
      return HISTOLOGY;
    }
    if (microbiologyCoded) {
      return MICROBIOLOGY;
    }
    String words = text.length() > 2_000 ? text.substring(0, 2_000) : text.toString();
    return CULTURE_WORDS.matcher(words).find() && !PATHOLOGY_WORDS.matcher(words).find() ? MICROBIOLOGY : HISTOLOGY;
  }

}
