package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.segment.NTE;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * OBX → Observation: status (OBX-11), code (OBX-3), value (OBX-5, see {@link ObservationValues}),
 * interpretation (OBX-8), effective (OBX-14), notes (NTE); the final diagnosis (OBX-3 LOINC 22637-3 or
 * a "Final Diagnosis" label) is also the report's conclusion and conclusionCode. A further OBR of a case
 * → a grouping Observation (OBR-4, OBR-25, OBR-7) whose members are its OBX.
 */
final class Observations {
  private static final String FINAL_DIAGNOSIS_LOINC = "22637-3";
  private static final Pattern FINAL_DIAGNOSIS_LABEL =
      Pattern.compile("(?i)(\\bfinal\\s+diagnos[ie]s\\b|^\\s*(pathologic(al)?\\s+)?diagnos[ie]s\\s*:?\\s*$)");

  private final Bundle bundle;

  Observations(Bundle bundle) {
    this.bundle = bundle;
  }

  /** An additional OBR of the case: a grouping Observation (its code, its status) over its results. */
  Reference section(ORU_R01_ORDER_OBSERVATION group, List<Reference> members, Optional<Reference> subject,
      ResourceIds ids) {
    OBR obr = group.getOBR();
    Observation section = new Observation();
    String status = Fields.get(obr, 25);
    section.setStatus(V2Vocabulary.observationStatus(status));
    section.setCode(Codes.codeable(obr, 4, 0, null).orElseGet(() -> new CodeableConcept().setText("report section")));
    subject.ifPresent(section::setSubject);
    V2Times.dateTime(Fields.get(obr, 7)).ifPresent(section::setEffective);
    members.forEach(section::addHasMember);
    Notes.of(Groups.reps(group::getNTEAll)).forEach(section::addNote);
    return BundleEntries.add(bundle, section, ids.next("section"));
  }

  /**
   * One OBX as an Observation added to the bundle; a final diagnosis also adds its text to
   * {@code conclusions} and its coded answer to the report's conclusionCode.
   */
  Reference observation(OBX obx, List<NTE> notes, Optional<Reference> subject, Optional<Reference> specimen,
      DiagnosticReport report, List<String> conclusions, ResourceIds ids) {
    Observation observation = new Observation();
    observation.setStatus(V2Vocabulary.observationStatus(Fields.get(obx, 11)));
    observation.setCode(Codes.codeable(obx, 3, 0, null).orElseGet(() -> new CodeableConcept().setText("(no OBX-3)")));
    subject.ifPresent(observation::setSubject);
    specimen.ifPresent(observation::setSpecimen);
    ObservationValues.value(obx, observation);
    for (int rep = 0; rep < Fields.repetitions(obx, 8); rep++) {
      Codes.codeable(obx, 8, rep, V2Vocabulary.ABNORMAL_FLAGS).ifPresent(observation::addInterpretation);
    }
    V2Times.dateTime(Fields.get(obx, 14)).ifPresent(observation::setEffective);
    Notes.of(notes).forEach(observation::addNote);
    if (isFinalDiagnosis(observation.getCode())) {
      if (observation.hasValueStringType()) {
        conclusions.add(observation.getValueStringType().getValue());
      } else if (observation.hasValueCodeableConcept()) {
        CodeableConcept answer = observation.getValueCodeableConcept();
        report.addConclusionCode(answer.copy());
        String text = answer.hasText() ? answer.getText() : answer.getCodingFirstRep().getDisplay();
        if (text != null) {
          conclusions.add(text);
        }
      }
    }
    return BundleEntries.add(bundle, observation, ids.next("observation"));
  }

  private static boolean isFinalDiagnosis(CodeableConcept code) {
    for (Coding coding : code.getCoding()) {
      if (FINAL_DIAGNOSIS_LOINC.equals(coding.getCode())
          && (!coding.hasSystem() || V2Vocabulary.LOINC.equals(coding.getSystem()))) {
        return true;
      }
      if (coding.hasDisplay() && FINAL_DIAGNOSIS_LABEL.matcher(coding.getDisplay()).find()) {
        return true;
      }
    }
    return code.hasText() && FINAL_DIAGNOSIS_LABEL.matcher(code.getText()).find();
  }
}
