package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;

/**
 * Reads field values of a parsed segment by position, the way HL7 v2 documents name them (OBR-25,
 * SPM-2.2): through HAPI's {@link Terser}, so the same code reads any version's structures, and fields
 * a version does not define (SPM-30 "Accession ID" is v2.7, NAACCR sends it in v2.5.1) are read too.
 * An absent, empty or out-of-range value is {@code null}; values are trimmed.
 */
final class Fields {
  private Fields() {}

  static String get(Segment segment, int field) {
    return get(segment, field, 0, 1, 1);
  }

  static String get(Segment segment, int field, int repetition, int component) {
    return get(segment, field, repetition, component, 1);
  }

  static String get(Segment segment, int field, int repetition, int component, int subcomponent) {
    if (segment == null) {
      return null;
    }
    try {
      if (field > segment.numFields() || repetition >= segment.getField(field).length) {
        return null;
      }
      String value = Terser.get(segment, field, repetition, component, subcomponent);
      return value == null || value.isBlank() ? null : value.trim();
    } catch (HL7Exception | RuntimeException e) {
      return null;
    }
  }

  /** How many times a field repeats (0 when absent). */
  static int repetitions(Segment segment, int field) {
    try {
      return segment == null || field > segment.numFields() ? 0 : segment.getField(field).length;
    } catch (HL7Exception e) {
      return 0;
    }
  }

  static boolean isEmpty(Segment segment) {
    try {
      return segment == null || segment.isEmpty();
    } catch (HL7Exception e) {
      return true;
    }
  }

  /** The first of the values that is neither null nor blank; null when there is none. */
  static String firstOf(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
