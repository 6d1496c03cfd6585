package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.HL7Exception;
import java.util.List;

/** The repetitions of a HAPI ORU^R01 group or segment (PATIENT_RESULT, ORDER_OBSERVATION, SPECIMEN, OBX, NTE). */
final class Groups {
  private Groups() {}

  /** A HAPI group getter; they declare HL7Exception, which a parsed message does not throw. */
  interface Getter<T> {
    List<T> get() throws HL7Exception;
  }

  static <T> List<T> reps(Getter<T> getter) {
    try {
      return getter.get();
    } catch (HL7Exception e) {
      return List.of();
    }
  }
}
