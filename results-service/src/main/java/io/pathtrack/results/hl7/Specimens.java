package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_SPECIMEN;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.SPM;
import io.pathtrack.contract.ProcedureType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;

/**
 * SPM → Specimen (accession SPM-30, placer/filler ids SPM-2, type SPM-4, collection method SPM-7 and
 * site SPM-8, collected SPM-17, received SPM-18); without SPM, the specimen an OBR describes (OBR-15,
 * OBR-7, OBR-14). Repeated SPMs of a case are one Specimen.
 */
final class Specimens {
  private final Bundle bundle;

  Specimens(Bundle bundle) {
    this.bundle = bundle;
  }

  /**
   * The Specimens of a case's orders, added to the bundle and keyed by {@link #key}: one per distinct
   * SPM, else the one its first OBR describes.
   */
  Map<String, Reference> of(List<ORU_R01_ORDER_OBSERVATION> orders, OBR obr, String accessionFallback,
      Optional<Reference> subject, Reference orderRef, ResourceIds ids) {
    Map<String, Reference> specimens = new LinkedHashMap<>();
    for (ORU_R01_ORDER_OBSERVATION group : orders) {
      for (ORU_R01_SPECIMEN specimenGroup : Groups.reps(group::getSPECIMENAll)) {
        SPM spm = specimenGroup.getSPM();
        if (!Fields.isEmpty(spm)) {
          specimens.computeIfAbsent(key(spm), k -> BundleEntries.add(bundle,
              specimen(spm, accessionFallback, subject, orderRef), ids.next("specimen")));
        }
      }
    }
    if (specimens.isEmpty()) {
      specimen(obr, accessionFallback, subject, orderRef)
          .ifPresent(s -> specimens.put("OBR", BundleEntries.add(bundle, s, ids.next("specimen"))));
    }
    return specimens;
  }

  private static Specimen specimen(SPM spm, String accessionFallback, Optional<Reference> subject, Reference order) {
    Specimen specimen = new Specimen();
    String accession = Fields.firstOf(Fields.get(spm, 30), accessionFallback, Fields.get(spm, 2, 0, 2, 1),
        Fields.get(spm, 2, 0, 1, 1));
    if (accession != null) {
      specimen.setAccessionIdentifier(Identifiers.accession(accession, Fields.get(spm, 30) != null
          ? Fields.firstOf(Fields.get(spm, 30, 0, 4, 1), Fields.get(spm, 30, 0, 4, 2)) : null));
    }
    String placer = Fields.get(spm, 2, 0, 1, 1);
    String filler = Fields.get(spm, 2, 0, 2, 1);
    if (placer != null) {
      specimen.addIdentifier(Identifiers.typed(placer, "PLAC"));
    }
    if (filler != null) {
      specimen.addIdentifier(Identifiers.typed(filler, "FILL"));
    }
    Codes.codeable(spm, 4, 0, null).ifPresent(specimen::setType);
    Codes.codeable(spm, 7, 0, null).ifPresent(method -> specimen.getCollection().setMethod(procedureType(method)));
    Codes.codeable(spm, 8, 0, null).ifPresent(site -> specimen.getCollection().setBodySite(site));
    V2Times.dateTime(Fields.get(spm, 17, 0, 1, 1)).ifPresent(t -> specimen.getCollection().setCollected(t));
    V2Times.instant(Fields.get(spm, 18)).ifPresent(specimen::setReceivedTime);
    subject.ifPresent(specimen::setSubject);
    specimen.addRequest(order);
    return specimen;
  }

  /** The specimen an OBR describes when no SPM does (v2-to-FHIR OBR → Specimen: OBR-15, OBR-7, OBR-14). */
  private static Optional<Specimen> specimen(OBR obr, String accession, Optional<Reference> subject, Reference order) {
    if (accession == null) {
      return Optional.empty();
    }
    Specimen specimen = new Specimen();
    specimen.setAccessionIdentifier(Identifiers.accession(accession, Fields.get(obr, 3, 0, 2, 1)));
    String type = Fields.get(obr, 15, 0, 1, 1);
    if (type != null) {
      specimen.setType(Codes.concept(type, Fields.get(obr, 15, 0, 1, 2), Fields.get(obr, 15, 0, 1, 3), null));
    }
    V2Times.dateTime(Fields.get(obr, 7)).ifPresent(t -> specimen.getCollection().setCollected(t));
    V2Times.instant(Fields.get(obr, 14)).ifPresent(specimen::setReceivedTime);
    subject.ifPresent(specimen::setSubject);
    specimen.addRequest(order);
    return Optional.of(specimen);
  }

  /** SPM-7 collection method; a code that is one of PathTrack's procedure types is also coded as one. */
  private static CodeableConcept procedureType(CodeableConcept method) {
    for (Coding coding : List.copyOf(method.getCoding())) {
      ProcedureType.fromCode(coding.getCode())
          .ifPresent(type -> method.addCoding(new Coding(ProcedureType.SYSTEM, type.code(), coding.getDisplay())));
    }
    return method;
  }

  /** A segment as text without its set id (field 1), to recognise a repeated segment. */
  static String key(Segment segment) {
    try {
      return segment.encode().replaceFirst("^(\\w{3}\\|)[^|]*", "$1");
    } catch (HL7Exception e) {
      return String.valueOf(System.identityHashCode(segment));
    }
  }
}
