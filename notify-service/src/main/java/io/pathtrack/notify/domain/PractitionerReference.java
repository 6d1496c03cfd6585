package io.pathtrack.notify.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who acknowledges or reads notifications, as a request names them: {@code Practitioner/<id>} or
 * {@code PractitionerRole/<id>}, the id a FHIR id (letters, digits, '-', '.', at most 64). Anything else —
 * a name, a sentence, a value with a line break — is refused before it reaches a topic, a header or a stream.
 */
public final class PractitionerReference {
  private static final Pattern REFERENCE = Pattern.compile("(Practitioner|PractitionerRole)/[A-Za-z0-9.-]{1,64}");
  private static final int MAX_LENGTH = "PractitionerRole/".length() + 64;

  private PractitionerReference() {}

  /** Why {@code reference} is not a practitioner reference, or empty when it is; never repeats the value. */
  public static Optional<String> problem(String reference) {
    if (reference == null || reference.isEmpty()) {
      return Optional.of("is empty; it must be a reference such as Practitioner/dr-lee");
    }
    if (reference.length() > MAX_LENGTH) {
      return Optional.of("is " + reference.length() + " characters long; a practitioner reference is at most " + MAX_LENGTH);
    }
    if (!REFERENCE.matcher(reference).matches()) {
      return Optional.of("must be a reference such as Practitioner/dr-lee: Practitioner/ or PractitionerRole/ and an id"
          + " of letters, digits, '-' or '.'");
    }
    return Optional.empty();
  }
}
