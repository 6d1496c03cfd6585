package io.pathtrack.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/**
 * Radiology-pathology concordance of a specimen's final report (docs/architecture.md §4a), as specimen-service
 * decides it and carries it on the Specimen ({@link Extensions#CONCORDANCE}) for notify-service and the pages.
 *
 * @param state what the comparison found
 * @param category the imaging category compared, if the order stated one
 * @param outcome the outcome compared
 * @param reportReference the report version it was decided for ({@code DiagnosticReport/r1})
 * @param reportVersion that report's version
 * @param calcifications whether the target was calcifications and the report confirms them
 * @param findings what a person should do, one line each, never quoting the report
 */
public record Concordance(State state, Optional<ImagingCategory> category, Outcome outcome, String reportReference,
    String reportVersion, Calcifications calcifications, List<String> findings) {

  /** The comparison's result. */
  public enum State implements Coded {
    /** The outcome is what the imaging led one to expect. */
    CONCORDANT,
    /** Benign pathology for a lesion the imaging called highly suspicious: repeat biopsy or excision. */
    DISCORDANT,
    /** Not what the imaging led one to expect (malignant for a probably benign lesion; atypia on a highly suspicious one). */
    REVIEW,
    /** No imaging category to compare, or an outcome (nondiagnostic) that answers no question. */
    NOT_ASSESSED;

    @Override
    public Concept concept() {
      return conceptOf(this);
    }

    public static Optional<State> fromCode(String code) {
      return Coded.byCode(State.class, code);
    }
  }

  /** Calcifications as the target of the biopsy, and whether the report confirms them in the specimen. */
  public enum Calcifications implements Coded {
    NOT_TARGETED,
    CONFIRMED,
    NOT_CONFIRMED;

    @Override
    public Concept concept() {
      return conceptOf(this);
    }

    public static Optional<Calcifications> fromCode(String code) {
      return Coded.byCode(Calcifications.class, code);
    }
  }

  /** {@code NOT_ASSESSED} → code {@code not-assessed}, display "not assessed". */
  private static Coded.Concept conceptOf(Enum<?> value) {
    String code = value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return new Coded.Concept(code, code.replace('-', ' '));
  }

  public Concordance {
    findings = List.copyOf(findings);
    category = category == null ? Optional.empty() : category;
  }

  /** Whether a person must act: discordant, for review, or a finding (calcifications not confirmed, not stereotactic). */
  public boolean needsAction() {
    return state == State.DISCORDANT || state == State.REVIEW || !findings.isEmpty();
  }

  /** Puts this assessment on the specimen, replacing an earlier one. */
  public void writeTo(Specimen specimen) {
    specimen.getExtension().removeIf(e -> Extensions.CONCORDANCE.equals(e.getUrl()));
    Extension e = specimen.addExtension().setUrl(Extensions.CONCORDANCE);
    e.addExtension("state", new CodeType(state.code()));
    category.ifPresent(c -> e.addExtension("imaging-category", new CodeType(c.code())));
    e.addExtension("outcome", new CodeType(outcome.code()));
    e.addExtension("report", new Reference(reportReference));
    e.addExtension("report-version", new StringType(reportVersion));
    e.addExtension("calcifications", new CodeType(calcifications.code()));
    findings.forEach(f -> e.addExtension("finding", new StringType(f)));
  }

  /** The assessment a specimen carries, if any (one that cannot be read, or stated twice, is none). */
  public static Optional<Concordance> readFrom(Specimen specimen) {
    Optional<Extension> found = Extensions.single(specimen, Extensions.CONCORDANCE);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Extension e = found.get();
    Optional<State> state = Extensions.singleValue(e, "state").flatMap(State::fromCode);
    Optional<Outcome> outcome = Extensions.singleValue(e, "outcome").flatMap(Outcome::fromCode);
    Optional<String> report = Extensions.single(e, "report").map(Extension::getValue)
        .filter(v -> v instanceof Reference r && r.hasReference()).map(v -> ((Reference) v).getReference());
    if (state.isEmpty() || outcome.isEmpty() || report.isEmpty()) {
      return Optional.empty();
    }
    List<String> findings = new ArrayList<>();
    for (Extension f : e.getExtensionsByUrl("finding")) {
      if (f.getValue() != null && f.getValue().hasPrimitiveValue() && findings.size() < 10) {
        findings.add(f.getValue().primitiveValue());
      }
    }
    return Optional.of(new Concordance(state.get(),
        Extensions.singleValue(e, "imaging-category").flatMap(ImagingCategory::fromCode), outcome.get(), report.get(),
        Extensions.singleValue(e, "report-version").orElse("1"),
        Extensions.singleValue(e, "calcifications").flatMap(Calcifications::fromCode).orElse(Calcifications.NOT_TARGETED),
        findings));
  }
}
