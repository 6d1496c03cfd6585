package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.Segment;
import io.pathtrack.contract.Accessions;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;

/**
 * v2 identifiers as FHIR Identifiers: CX (PID-2, PID-3, PID-4) with its assigning authority and type
 * (table 0203), EI (OBR-2, OBR-3, ORC-2, ORC-3) typed PLAC or FILL, and the accession (type ACSN) that
 * becomes Specimen.accessionIdentifier.
 */
final class Identifiers {
  private Identifiers() {}

  /** A CX identifier (PID-3): id, assigning authority (HD) as system or assigner, type code (table 0203). */
  static Optional<Identifier> cx(Segment segment, int field, int rep) {
    String value = Fields.get(segment, field, rep, 1);
    if (value == null) {
      return Optional.empty();
    }
    Identifier identifier = new Identifier().setValue(value);
    String type = Fields.get(segment, field, rep, 5);
    if (type != null) {
      identifier.getType().addCoding(new Coding(V2Vocabulary.IDENTIFIER_TYPE, type, null));
    }
    String authority = Fields.get(segment, field, rep, 4, 1);
    String universalId = Fields.get(segment, field, rep, 4, 2);
    String universalType = Fields.get(segment, field, rep, 4, 3);
    String system = V2Vocabulary.identifierSystem(type);
    if (system == null && universalId != null && "ISO".equalsIgnoreCase(universalType)) {
      system = "urn:oid:" + universalId;
    }
    identifier.setSystem(system);
    if (authority != null || universalId != null) {
      identifier.getAssigner().setDisplay(authority != null ? authority : universalId);
    }
    return Optional.of(identifier);
  }

  /** An EI field as an identifier typed with table 0203 (FILL, PLAC); true when there was one. */
  static boolean addEi(List<Identifier> into, Segment segment, int field, String type) {
    String value = Fields.get(segment, field, 0, 1);
    if (value == null) {
      return false;
    }
    Identifier identifier = typed(value, type);
    String namespace = Fields.firstOf(Fields.get(segment, field, 0, 2), Fields.get(segment, field, 0, 3));
    if (namespace != null) {
      identifier.getAssigner().setDisplay(namespace);
    }
    into.add(identifier);
    return true;
  }

  static Identifier typed(String value, String type) {
    Identifier identifier = new Identifier().setValue(value);
    identifier.getType().addCoding(new Coding(V2Vocabulary.IDENTIFIER_TYPE, type, null));
    return identifier;
  }

  static Identifier accession(String value, String assigner) {
    Identifier identifier = typed(value, Accessions.IDENTIFIER_TYPE_CODE);
    if (assigner != null) {
      identifier.getAssigner().setDisplay(assigner);
    }
    return identifier;
  }
}
