package io.pathtrack.notify.delivery;

import java.net.URI;
import java.util.Locale;

/** The FHIR base URL of the EHR a recipient reads Communications in, from the practitioner directory. */
public record FhirEndpoint(URI baseUrl) {

  public FhirEndpoint {
    String scheme = baseUrl == null || baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("FHIR base URL must be an absolute http(s) URL, was " + baseUrl);
    }
  }
}
