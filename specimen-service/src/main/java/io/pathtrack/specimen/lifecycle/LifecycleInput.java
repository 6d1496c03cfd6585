package io.pathtrack.specimen.lifecycle;

import io.pathtrack.contract.serde.Deferred;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Specimen;

/** What the specimen lifecycle reads from its two input topics. */
sealed interface LifecycleInput {
  /**
   * A classified report: the event is in its headers; the body is read only for a specimen that was never registered
   * (to take the report's Specimen), so it stays unread for the rest.
   */
  record Report(Deferred<DiagnosticReport> body) implements LifecycleInput {}

  /** A specimen event (registration, correction, status change), or null for a record without a body. */
  record SpecimenEvent(Specimen specimen) implements LifecycleInput {}
}
