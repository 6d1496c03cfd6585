package io.pathtrack.specimen.concordance;

import io.pathtrack.contract.ProcedureType;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The site's radiology-pathology concordance table ({@code pathtrack.specimen.concordance.*}, docs/architecture.md
 * §4a). Categories are {@link io.pathtrack.contract.ImagingCategory#code()} codes: {@code bi-rads-4c},
 * {@code lung-rads-4x}, {@code imaging-highly-suspicious}.
 *
 * @param discordantIfBenign a benign result for these is discordant (urgent, to the ordering physician and radiologist)
 * @param reviewIfMalignant a malignant result for these is flagged for review
 * @param reviewIfAtypical an atypical result for these is flagged for review
 * @param calcificationProcedures procedure-type codes fit for a calcification target (others are named)
 * @param calcificationCheck whether a benign report for a calcification target must confirm calcifications
 */
@ConfigurationProperties("pathtrack.specimen.concordance")
public record ConcordanceProperties(
    @DefaultValue({"bi-rads-4c", "bi-rads-5", "bi-rads-6", "lung-rads-4b", "lung-rads-4x", "imaging-highly-suspicious"})
    Set<String> discordantIfBenign,
    @DefaultValue({"bi-rads-1", "bi-rads-2", "bi-rads-3", "lung-rads-1", "lung-rads-2", "lung-rads-3",
        "imaging-probably-benign"})
    Set<String> reviewIfMalignant,
    @DefaultValue({"bi-rads-5", "bi-rads-6", "imaging-highly-suspicious"}) Set<String> reviewIfAtypical,
    @DefaultValue({"stereotactic-vab", "stereotactic-3d-vab"}) Set<String> calcificationProcedures,
    @DefaultValue("true") boolean calcificationCheck) {

  public ConcordancePolicy toPolicy() {
    Set<ProcedureType> procedures = new LinkedHashSet<>();
    for (String code : calcificationProcedures) {
      procedures.add(ProcedureType.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
          "pathtrack.specimen.concordance.calcification-procedures: no procedure type " + code)));
    }
    return new ConcordancePolicy(discordantIfBenign, reviewIfMalignant, reviewIfAtypical, procedures, calcificationCheck);
  }
}
