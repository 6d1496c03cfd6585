package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import io.pathtrack.results.validation.ReportRejectedException;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;

/**
 * An ORU^R01 as the FHIR resources it reports, following the HL7 v2-to-FHIR implementation guide's
 * segment maps (PID → Patient, ORC/OBR → ServiceRequest and DiagnosticReport, OBX → Observation, SPM →
 * Specimen, NTE → note) with the choices anatomic pathology needs:
 * <ul>
 *   <li>The order groups (OBR) of one patient that share a filler order number (OBR-3), or name an
 *       earlier one as parent (OBR-29), are one pathology report: NAACCR Volume V sends a case as a
 *       comprehensive-report OBR followed by narrative and synoptic OBRs. The first OBR gives the
 *       report its code, order and interpreter; each further OBR becomes a grouping Observation whose
 *       members are its OBX.</li>
 *   <li>The report's Specimens come from its SPM segments (repeated SPMs are one Specimen), or from
 *       the OBR when there is none. The accession is SPM-30 (accession ID), else OBR-3 (filler order
 *       number, the case number), else ORC-3, else OBR-20, else SPM-2's filler specimen id.</li>
 *   <li>The final diagnosis (OBX-3 LOINC 22637-3, or a label such as "Final Diagnosis") is also the
 *       report's conclusion; its coded answers are its conclusionCode.</li>
 * </ul>
 * Pure: no I/O, the same message always gives the same resources (ids are name-based UUIDs), so a
 * message delivered twice is recognised as the same report.
 *
 * <p>{@link OruConversion} groups the orders into cases and assembles each report; the segment maps are
 * {@link ReportFields} (OBR status and times), {@link ServiceRequests} (ORC/OBR), {@link Specimens} (SPM,
 * OBR), {@link Observations} and {@link ObservationValues} (OBX), {@link Patients} (PID),
 * {@link Practitioners} (XCN, CNN), {@link Identifiers} (CX, EI), {@link Codes} (CWE, CE) and
 * {@link Notes} (NTE).
 */
public final class OruToFhir {
  private OruToFhir() {}

  /**
   * The FHIR Bundle an HL7 v2 ORU^R01 payload reports: decoded ({@link Er7Text#decode}), repaired
   * ({@link Er7Text#normalize}), parsed ({@link OruMessages#read}) and converted.
   *
   * @throws ReportRejectedException a parse failure when it is not a readable ORU^R01, else the
   *     problems {@link #convert(ORU_R01)} finds
   */
  public static Bundle convert(byte[] payload) {
    return convert(OruMessages.read(Er7Text.decode(payload)));
  }

  /**
   * What a readable ORU^R01 reports even when {@link #convert(byte[])} refuses it for an error in a
   * field the reports do not need to be keyed (an unknown OBR-25 status, say): the MLLP channel keys
   * the message it keeps by the accession it finds here. Empty when the message cannot be read.
   */
  public static Optional<Bundle> convertDespiteErrors(byte[] payload) {
    try {
      return Optional.of(new OruConversion(OruMessages.read(Er7Text.decode(payload))).run(false));
    } catch (ReportRejectedException e) {
      return Optional.empty();
    }
  }

  /**
   * @throws ReportRejectedException (not a parse failure: answered AE) when the message holds no
   *     order (OBR) or an order status (OBR-25) outside HL7 table 0123
   */
  public static Bundle convert(ORU_R01 message) {
    return new OruConversion(message).run(true);
  }
}
