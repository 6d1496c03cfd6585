package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.v251.segment.PID;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * PID → Patient: identifiers (PID-3, PID-2, PID-4), name (PID-5), birth date (PID-7), gender (PID-8).
 * The Patients of one message's bundle: a PID repeated for several result groups is one Patient.
 */
final class Patients {
  private final Bundle bundle;
  private final Map<String, Reference> patients = new LinkedHashMap<>();

  Patients(Bundle bundle) {
    this.bundle = bundle;
  }

  /** The Patient a PID names, added to the bundle once; empty without a PID-3 identifier. */
  Optional<Reference> reference(PID pid) {
    String id = Fields.get(pid, 3, 0, 1);
    if (id == null) {
      return Optional.empty();
    }
    Patient patient = new Patient();
    for (int rep = 0; rep < Fields.repetitions(pid, 3); rep++) {
      Identifiers.cx(pid, 3, rep).ifPresent(patient::addIdentifier);
    }
    Identifiers.cx(pid, 2, 0).ifPresent(patient::addIdentifier);
    for (int rep = 0; rep < Fields.repetitions(pid, 4); rep++) {
      Identifiers.cx(pid, 4, rep).ifPresent(patient::addIdentifier);
    }
    String family = Fields.get(pid, 5, 0, 1, 1);
    String given = Fields.get(pid, 5, 0, 2);
    if (family != null || given != null) {
      HumanName name = patient.addName().setFamily(family);
      if (given != null) {
        name.addGiven(given);
      }
      Optional.ofNullable(Fields.get(pid, 5, 0, 3)).ifPresent(name::addGiven);
      Optional.ofNullable(Fields.get(pid, 5, 0, 4)).ifPresent(name::addSuffix);
      Optional.ofNullable(Fields.get(pid, 5, 0, 5)).ifPresent(name::addPrefix);
    }
    V2Times.date(Fields.get(pid, 7)).ifPresent(patient::setBirthDateElement);
    Optional.ofNullable(V2Vocabulary.gender(Fields.get(pid, 8))).ifPresent(patient::setGender);
    Identifier first = patient.getIdentifierFirstRep();
    String fullUrl = new ResourceIds("hl7v2|patient|" + first.getSystem() + "|" + first.getValue()).next("patient");
    // a PID repeated for several result groups is one Patient
    Reference reference = patients.computeIfAbsent(fullUrl, url -> BundleEntries.add(bundle, patient, url));
    return Optional.of(new Reference(reference.getReference()).setIdentifier(first.copy()));
  }
}
