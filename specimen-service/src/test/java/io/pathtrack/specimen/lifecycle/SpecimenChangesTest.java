package io.pathtrack.specimen.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.specimen.domain.LifecycleStatus;
import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.testsupport.PathologyFixtures;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecimenChangesTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-23T09:00:00Z");

  /** A specimen as the service holds it: registered, then read back from its stored JSON. */
  private static Specimen held(PathologyFixtures.SpecimenBuilder builder) {
    return stored(SpecimenLifecycle.register(builder.build()));
  }

  private static Specimen stored(Specimen specimen) {
    return SpecimenOrders.parse(Fhir.json().encodeResourceToString(specimen));
  }

  private static Specimen reported(Specimen specimen) {
    ClassifiedReportEvent report = new ClassifiedReportEvent("e", "S26-1", "r1", "1", "final", Outcome.BENIGN, false,
        RECEIVED.plusSeconds(86_400), Optional.of(RECEIVED.plusSeconds(86_400)), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false);
    return stored(SpecimenLifecycle.reported(specimen, report).orElseThrow());
  }

  private static PathologyFixtures.SpecimenBuilder registration() {
    return PathologyFixtures.specimen("S26-1").patient("Patient/p-1").orderedBy("Practitioner/dr-lee").received(RECEIVED);
  }

  @ParameterizedTest(name = "{0}, {1}: {2}")
  @CsvSource({
      "Patient/p-1, Practitioner/dr-lee, ''",
      "Patient/p-2, Practitioner/dr-lee, Specimen.subject",
      "Patient/p-1, Practitioner/dr-x,   Specimen.request.resolve().requester",
      "Patient/p-2, Practitioner/dr-x,   Specimen.subject Specimen.request.resolve().requester",
      ",            ,                    ''"})
  void registrationNamingAnotherPatientOrOrdererConflictsNamingTheElements(String patient, String orderer, String conflicts) {
    Specimen again = registration().patient(patient).orderedBy(orderer).build();
    if (patient == null) {
      again.setSubject(null);
    }
    assertThat(SpecimenChanges.identityConflicts(held(registration()), again))
        .containsExactlyElementsOf(conflicts.isEmpty() ? List.of() : List.of(conflicts.split(" ")));
  }

  @Test
  void reportedSpecimenRegisteredAgainStaysReportedWithItsReport() {
    Specimen held = reported(held(registration()));
    Specimen again = SpecimenChanges.registeredAgain(held, registration().build());
    assertThat(SpecimenLifecycle.status(again)).contains(LifecycleStatus.REPORTED);
    assertThat(again.getExtensionByUrl(Extensions.REPORTED_BY)).isNotNull();
    assertThat(again.getExtensionByUrl(Extensions.TURNAROUND)).isNotNull();
  }

  @Test
  void orderedSpecimenRegisteredAgainWithItsReceiptIsReceived() {
    Specimen held = held(registration().received(null));
    Specimen again = SpecimenChanges.registeredAgain(held, registration().build());
    assertThat(SpecimenLifecycle.status(again)).contains(LifecycleStatus.RECEIVED);
    assertThat(again.getReceivedTime()).isEqualTo(Date.from(RECEIVED));
  }

  @Test
  void registrationThatLeavesTheOrderAndProcedureOutKeepsThoseHeld() {
    Specimen held = held(registration().procedure(ProcedureType.CT_BONE));
    Specimen again = SpecimenChanges.registeredAgain(held, registration().orderedBy(null).procedure(null).build());
    assertThat(SpecimenOrders.orderingPractitioner(again)).contains("Practitioner/dr-lee");
    assertThat(SpecimenOrders.procedureType(again)).contains(ProcedureType.CT_BONE);
    assertThat(SpecimenChanges.changed(held, again)).isEmpty();
  }

  @Test
  void correctionReplacesPatientAndOrdererAndNamesWhatChanged() {
    Specimen held = reported(held(registration()));
    Specimen corrected = SpecimenChanges.corrected(held,
        registration().patient("Patient/p-2").orderedBy("Practitioner/dr-x").received(null).build());
    assertThat(corrected.getSubject().getReference()).isEqualTo("Patient/p-2");
    assertThat(SpecimenOrders.orderingPractitioner(corrected)).contains("Practitioner/dr-x");
    // The contained order names the patient too.
    assertThat(SpecimenChanges.changed(held, corrected))
        .containsExactly("Specimen.subject", "Specimen.request.resolve().requester", "Specimen.request");
  }

  @Test
  void correctionKeepsTheLifecycleAndTheTimesThatStartTheClock() {
    Specimen held = reported(held(registration()));
    Specimen corrected = SpecimenChanges.corrected(held, registration().patient("Patient/p-2").received(null).build());
    assertThat(SpecimenLifecycle.status(corrected)).contains(LifecycleStatus.REPORTED);
    assertThat(corrected.getReceivedTime()).isEqualTo(Date.from(RECEIVED));
    assertThat(corrected.getExtensionByUrl(Extensions.REPORTED_BY)).isNotNull();
  }

  @Test
  void correctionStatingAnotherStatusOrReceiptIsAConflictAndTheSameOnesAreNot() {
    Specimen held = reported(held(registration()));
    Specimen backToReceived = SpecimenLifecycle.register(registration().received(RECEIVED.plusSeconds(60)).build());
    assertThat(SpecimenChanges.lifecycleConflicts(held, backToReceived))
        .containsExactly(SpecimenChanges.LIFECYCLE_STATUS, "Specimen.receivedTime");

    Specimen asRead = held.copy();
    asRead.setReceivedTimeElement(new DateTimeType("2026-11-23T09:00:00Z"));
    assertThat(SpecimenChanges.lifecycleConflicts(held, asRead)).isEmpty();
    assertThat(SpecimenChanges.lifecycleConflicts(held, registration().received(null).build())).isEmpty();
  }

  @Test
  void lifecycleMoveDecidedBeforeACorrectionKeepsTheCorrection() {
    Specimen received = held(registration());
    Specimen corrected = SpecimenChanges.corrected(received, registration().patient("Patient/p-2").build());
    Specimen move = SpecimenLifecycle.transition(received.copy(), LifecycleStatus.REJECTED, RECEIVED, "unlabelled");
    Specimen moved = SpecimenChanges.moved(corrected, move);
    assertThat(moved.getSubject().getReference()).isEqualTo("Patient/p-2");
    assertThat(SpecimenLifecycle.status(moved)).contains(LifecycleStatus.REJECTED);
    assertThat(moved.getStatus()).isEqualTo(Specimen.SpecimenStatus.UNSATISFACTORY);
    assertThat(moved.getNote()).anyMatch(n -> n.getText().equals("rejected: unlabelled"));
  }

  @Test
  void notesAreKeptAndOnlyAddedTo() {
    Specimen held = held(registration());
    held.addNote().setText("first");
    Specimen corrected = SpecimenChanges.corrected(held, registration().build().addNote(new org.hl7.fhir.r4.model.Annotation()
        .setText("second")));
    assertThat(corrected.getNote()).extracting(n -> n.getText()).containsExactly("first", "second");
    assertThat(SpecimenChanges.changed(held, corrected)).containsExactly("Specimen.note");
  }
}
