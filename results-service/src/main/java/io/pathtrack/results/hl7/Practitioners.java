package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.Segment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;

/**
 * XCN fields (OBR-16 ordering provider, OBR-28 result copies to, ORC-12) and the CNN of an NDL field
 * (OBR-32 principal result interpreter) → Practitioner (id, identifier, name) and a Reference to it.
 * The Practitioners of one message's bundle: each id is added once.
 */
final class Practitioners {
  private final Bundle bundle;
  private final Map<String, Reference> practitioners = new LinkedHashMap<>();

  Practitioners(Bundle bundle) {
    this.bundle = bundle;
  }

  /**
   * A practitioner named in an XCN field (OBR-16, ORC-12) or, with {@code subcomponents}, in the CNN
   * of an NDL field (OBR-32): referenced as {@code Practitioner/<id>} with the name as display, and
   * added to the bundle once. Without an id there is only the display.
   */
  Optional<Reference> reference(Segment segment, int field, boolean subcomponents) {
    return reference(segment, field, 0, subcomponents);
  }

  Optional<Reference> reference(Segment segment, int field, int rep, boolean subcomponents) {
    IntFunction<String> part = n -> subcomponents
        ? Fields.get(segment, field, rep, 1, n) : Fields.get(segment, field, rep, n, 1);
    String id = part.apply(1);
    String family = part.apply(2);
    String given = part.apply(3);
    String middle = part.apply(4);
    if (id == null && family == null && given == null) {
      return Optional.empty();
    }
    String display = String.join(" ", Stream.of(given, middle, family).filter(Objects::nonNull).toList());
    if (id == null) {
      return Optional.of(new Reference().setDisplay(display));
    }
    String fhirId = fhirId(id);
    Reference reference = practitioners.computeIfAbsent(fhirId, key -> {
      Practitioner practitioner = new Practitioner();
      practitioner.setId(key);
      String idType = subcomponents ? null : Fields.get(segment, field, rep, 13);
      String authority = subcomponents ? part.apply(9) : Fields.get(segment, field, rep, 9);
      Identifier identifier = practitioner.addIdentifier().setValue(id);
      String system = V2Vocabulary.identifierSystem(idType != null ? idType : authority);
      identifier.setSystem(system);
      if (idType != null) {
        identifier.getType().addCoding(new Coding(V2Vocabulary.IDENTIFIER_TYPE, idType, null));
      }
      if (authority != null) {
        identifier.getAssigner().setDisplay(authority);
      }
      if (family != null || given != null) {
        HumanName name = practitioner.addName().setFamily(family);
        Stream.of(given, middle).filter(Objects::nonNull).forEach(name::addGiven);
        Optional.ofNullable(part.apply(6)).ifPresent(name::addPrefix);
        Optional.ofNullable(part.apply(7)).ifPresent(name::addSuffix);
      }
      bundle.addEntry().setFullUrl("Practitioner/" + key).setResource(practitioner);
      return new Reference("Practitioner/" + key);
    });
    return Optional.of(new Reference(reference.getReference()).setDisplay(display.isEmpty() ? null : display));
  }

  /** A FHIR id ([A-Za-z0-9-.]{1,64}) from a v2 identifier. */
  static String fhirId(String value) {
    String id = value.trim().replaceAll("[^A-Za-z0-9.-]", "-");
    return id.length() > 64 ? id.substring(0, 64) : id;
  }
}
