package io.pathtrack.specimen.concordance;

import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Concordance;
import io.pathtrack.contract.Concordance.Calcifications;
import io.pathtrack.contract.Concordance.State;
import io.pathtrack.contract.ImagingCategory;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.ReportCues;
import io.pathtrack.contract.SpecimenOrders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Specimen;

/**
 * Radiology-pathology concordance (docs/architecture.md §4a) as a table the site configures
 * ({@code pathtrack.specimen.concordance}): the imaging category the order states, compared with the final report's
 * outcome, and for a calcification target whether the report confirms calcifications in the specimen.
 *
 * <ul>
 *   <li>benign for a category in {@code discordant-if-benign} (BI-RADS 4C, 5, 6; Lung-RADS 4B, 4X; "highly
 *       suspicious"): <b>discordant</b> — repeat biopsy or excision per protocol;
 *   <li>malignant for a category in {@code review-if-malignant} (BI-RADS 1–3, Lung-RADS 1–3, "probably benign"), or
 *       atypical for one in {@code review-if-atypical} (BI-RADS 5, 6, "highly suspicious"): <b>review</b>;
 *   <li>any other pairing with a category: concordant; no category, or a nondiagnostic outcome: not assessed;
 *   <li>a calcification target with a benign report that does not say calcifications are present: calcifications
 *       <b>not confirmed</b> in the specimen; a calcification target biopsied other than stereotactically is named.
 * </ul>
 *
 * <p>Findings are fixed sentences with the category and the procedure: never words of the report.
 */
public final class ConcordancePolicy {
  private final Set<String> discordantIfBenign;
  private final Set<String> reviewIfMalignant;
  private final Set<String> reviewIfAtypical;
  private final Set<ProcedureType> calcificationProcedures;
  private final boolean calcificationCheck;

  public ConcordancePolicy(Set<String> discordantIfBenign, Set<String> reviewIfMalignant, Set<String> reviewIfAtypical,
      Set<ProcedureType> calcificationProcedures, boolean calcificationCheck) {
    this.discordantIfBenign = lower(discordantIfBenign);
    this.reviewIfMalignant = lower(reviewIfMalignant);
    this.reviewIfAtypical = lower(reviewIfAtypical);
    this.calcificationProcedures = Set.copyOf(calcificationProcedures);
    this.calcificationCheck = calcificationCheck;
  }

  /** The defaults above. */
  public static ConcordancePolicy defaults() {
    return new ConcordancePolicy(
        Set.of("bi-rads-4c", "bi-rads-5", "bi-rads-6", "lung-rads-4b", "lung-rads-4x", "imaging-highly-suspicious"),
        Set.of("bi-rads-1", "bi-rads-2", "bi-rads-3", "lung-rads-1", "lung-rads-2", "lung-rads-3",
            "imaging-probably-benign"),
        Set.of("bi-rads-5", "bi-rads-6", "imaging-highly-suspicious"),
        Set.of(ProcedureType.STEREOTACTIC_VACUUM, ProcedureType.STEREOTACTIC_3D_VACUUM), true);
  }

  /**
   * The concordance of a final report with the specimen's order.
   *
   * @param specimen the specimen as held, with its order
   * @param procedure the specimen's procedure type, if placed
   * @param cues what the report says beyond its outcome (its own order's category, calcifications)
   */
  public Concordance assess(Specimen specimen, Optional<ProcedureType> procedure, ClassifiedReportEvent report,
      ReportCues cues) {
    Optional<ImagingCategory> category = SpecimenOrders.imagingCategory(specimen).or(cues::imagingCategory);
    Outcome outcome = report.outcome();
    List<String> findings = new ArrayList<>();
    State state = State.NOT_ASSESSED;
    if (category.isPresent() && outcome != Outcome.NONDIAGNOSTIC) {
      String code = category.get().code();
      String shown = category.get().display();
      state = State.CONCORDANT;
      if (outcome == Outcome.BENIGN && discordantIfBenign.contains(code)) {
        state = State.DISCORDANT;
        findings.add("benign result, imaging highly suspicious (" + shown + "): repeat biopsy or excision per protocol");
      } else if (outcome == Outcome.MALIGNANT && reviewIfMalignant.contains(code)) {
        state = State.REVIEW;
        findings.add("malignant result for a lesion imaging did not call suspicious (" + shown
            + "): review radiology-pathology correlation");
      } else if (outcome == Outcome.ATYPICAL && reviewIfAtypical.contains(code)) {
        state = State.REVIEW;
        findings.add("atypical result, imaging highly suspicious (" + shown + "): review for repeat biopsy or excision");
      }
    }
    Calcifications calcifications = Calcifications.NOT_TARGETED;
    if (calcificationCheck && SpecimenOrders.calcificationTarget(specimen)) {
      boolean present = cues.calcifications().map("present"::equals).orElse(false);
      calcifications = present ? Calcifications.CONFIRMED : Calcifications.NOT_CONFIRMED;
      // Only a benign report is flagged: atypical or malignant tissue answers the question the calcifications asked.
      if (!present && outcome == Outcome.BENIGN) {
        findings.add("calcifications not confirmed in specimen: check the specimen radiograph or deeper levels");
      }
      procedure.filter(p -> p != ProcedureType.UNMAPPED && !calcificationProcedures.contains(p)).ifPresent(p ->
          findings.add("calcification target biopsied by " + p.display().toLowerCase(Locale.ROOT)
              + ", not stereotactically: confirm the calcifications were sampled"));
    }
    return new Concordance(state, category, outcome, report.reportReference(), report.reportVersion(), calcifications,
        findings);
  }

  private static Set<String> lower(Set<String> codes) {
    return codes.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }
}
