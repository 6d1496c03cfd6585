package io.pathtrack.guard.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The FHIR {@code id} datatype, {@code [A-Za-z0-9\-\.]{1,64}}: what an id in a request path must be before
 * it is looked up, published or logged.
 */
public final class FhirIds {
  public static final int MAX_LENGTH = 64;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9.-]{1," + MAX_LENGTH + "}");

  private FhirIds() {}

  /** Why {@code id} is not a FHIR id, or empty when it is; the reason never repeats the value. */
  public static Optional<String> problem(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.of("is empty");
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of("is " + id.length() + " characters long, over the limit of " + MAX_LENGTH);
    }
    if (!ID.matcher(id).matches()) {
      return Optional.of("may hold only ASCII letters, digits, '-' and '.'");
    }
    return Optional.empty();
  }
}
