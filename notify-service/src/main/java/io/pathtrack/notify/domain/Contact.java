package io.pathtrack.notify.domain;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person (or desk) notify-service can reach, as the directory describes them.
 *
 * @param webhook a pager/SMS gateway or other HTTP receiver (Endpoint of type rest-hook)
 * @param fhirBase the FHIR base URL of their EHR, for Communication resources (Endpoint of type hl7-fhir-rest)
 * @param covering who covers for them when they are off duty
 * @param escalatesTo who is next in the escalation chain after them (e.g. the department lead)
 * @param hours when they are on duty; empty means always
 * @param department the department they work for (their PractitionerRole's organization or specialty), for the
 *     critical-result timing figures
 */
public record Contact(
    String reference,
    String name,
    Optional<String> email,
    Optional<Webhook> webhook,
    Optional<URI> fhirBase,
    Optional<String> covering,
    Optional<String> escalatesTo,
    List<Hours> hours,
    Optional<String> department) {

  public Contact {
    department = department == null ? Optional.empty() : department;
  }

  public Contact(String reference, String name, Optional<String> email, Optional<Webhook> webhook, Optional<URI> fhirBase,
      Optional<String> covering, Optional<String> escalatesTo, List<Hours> hours) {
    this(reference, name, email, webhook, fhirBase, covering, escalatesTo, hours, Optional.empty());
  }

  /** A webhook receiver and the shared secret its signatures use. */
  public record Webhook(URI url, String secret) {}

  /** On-duty hours on some days of the week. */
  public record Hours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {}
}
