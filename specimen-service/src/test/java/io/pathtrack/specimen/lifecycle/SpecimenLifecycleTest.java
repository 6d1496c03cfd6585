package io.pathtrack.specimen.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.specimen.domain.LifecycleStatus;
import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Outcome;
import io.pathtrack.testsupport.PathologyFixtures;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecimenLifecycleTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-23T09:00:00Z");

  private static ClassifiedReportEvent report(String status, Instant issued) {
    return new ClassifiedReportEvent("e", "S26-1", "r1", "1", status, Outcome.BENIGN, false,
        Instant.parse("2026-11-25T00:00:00Z"), Optional.ofNullable(issued), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  @Test
  void specimenWithReceiptTimeIsRegisteredAsReceived() {
    Specimen s = SpecimenLifecycle.register(PathologyFixtures.specimen("S26-1").received(RECEIVED).build());
    assertThat(SpecimenLifecycle.status(s)).contains(LifecycleStatus.RECEIVED);
    Specimen ordered = SpecimenLifecycle.register(PathologyFixtures.specimen("S26-2").received(null).build());
    assertThat(SpecimenLifecycle.status(ordered)).contains(LifecycleStatus.ORDERED);
  }

  @Test
  void finalReportMarksTheSpecimenReportedWithItsTurnaroundFromReceiptToIssue() {
    Specimen s = PathologyFixtures.specimen("S26-1").received(RECEIVED).build();
    Specimen reported = SpecimenLifecycle.reported(s, report("final", RECEIVED.plusSeconds(26 * 3600))).orElseThrow();
    assertThat(SpecimenLifecycle.status(reported)).contains(LifecycleStatus.REPORTED);
    Duration turnaround = (Duration) reported.getExtensionByUrl(Extensions.TURNAROUND).getValue();
    assertThat(turnaround.getValue().longValue()).isEqualTo(26 * 60);
  }

  @Test
  void reportWithoutIssueTimeIsTimedWhenClassified() {
    Specimen s = PathologyFixtures.specimen("S26-1").received(RECEIVED).build();
    Specimen reported = SpecimenLifecycle.reported(s, report("final", null)).orElseThrow();
    Duration turnaround = (Duration) reported.getExtensionByUrl(Extensions.TURNAROUND).getValue();
    assertThat(turnaround.getValue().longValue()).isEqualTo(39 * 60);
  }

  @Test
  void preliminaryReportDoesNotCompleteTheSpecimen() {
    Specimen s = PathologyFixtures.specimen("S26-1").received(RECEIVED).build();
    assertThat(SpecimenLifecycle.reported(s, report("preliminary", RECEIVED.plusSeconds(60)))).isEmpty();
  }

  @ParameterizedTest(name = "{0}, registered again as {1}: {2}")
  @CsvSource({
      "ORDERED,    RECEIVED, RECEIVED",
      "COLLECTED,  RECEIVED, RECEIVED",
      "RECEIVED,   RECEIVED, RECEIVED",
      "RECEIVED,   IN_PROCESS, IN_PROCESS",
      "IN_PROCESS, RECEIVED, IN_PROCESS",
      "REPORTED,   RECEIVED, REPORTED",
      "AMENDED,    RECEIVED, AMENDED",
      "REPORTED,   ORDERED,  REPORTED",
      "CANCELLED,  RECEIVED, CANCELLED"})
  void registeringAgainMovesASpecimenForwardNeverBack(LifecycleStatus held, LifecycleStatus asked, LifecycleStatus after) {
    assertThat(SpecimenLifecycle.registeredAgain(held, asked)).isEqualTo(after);
  }
}
