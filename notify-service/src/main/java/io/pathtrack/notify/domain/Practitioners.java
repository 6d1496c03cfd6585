package io.pathtrack.notify.domain;

import io.pathtrack.notify.directory.PractitionerDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who can be told: what the notification rules need of the practitioner directory (its FHIR form is read by
 * {@link PractitionerDirectory}).
 */
public interface Practitioners {
  /** The practitioner of this reference ({@code Practitioner/<id>}), if the directory has them. */
  Optional<Contact> find(String reference);

  /** Who gets a result nobody else can be found for: the results desk. */
  Contact fallback();

  /** Who in the lab is told of turnaround warnings and breaches. */
  Optional<Contact> labContact();

  /** Whether the practitioner works at this moment (always, when their hours are not given). */
  boolean onDuty(Contact contact, Instant at);

  /**
   * The escalation chain from {@code first}: first, their covering physician, then whom they escalate to (and so
   * on), then the results desk; no one twice.
   */
  List<Contact> chain(Contact first);
}
