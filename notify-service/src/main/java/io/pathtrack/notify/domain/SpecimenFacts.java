package io.pathtrack.notify.domain;

import io.pathtrack.contract.Concordance;
import java.util.Optional;

/**
 * What a specimen event tells the notification engine.
 *
 * @param orderer the ordering practitioner of its order
 * @param performer who performed the biopsy (the radiologist a concordance question goes to)
 * @param closedAs {@code rejected} or {@code cancelled} when the lab closed the specimen without a report
 * @param reason the reason the lab gave for closing it
 * @param concordance the radiology-pathology concordance of its final report
 */
public record SpecimenFacts(Optional<String> orderer, Optional<String> performer, Optional<String> closedAs,
    Optional<String> reason, Optional<Concordance> concordance) {

  /** Longest reason carried into a notification; a longer one is cut. */
  public static final int MAX_REASON = 200;
}
