package io.pathtrack.notify.directory;

import io.pathtrack.notify.NotifyProperties;
import io.pathtrack.notify.NotifyProperties.Practitioner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The practitioners notify-service can reach, by FHIR reference (e.g. {@code Practitioner/dr-lee}). */
@Component
public class PractitionerDirectory {
  private final Map<String, Practitioner> byReference = new LinkedHashMap<>();
  private final Practitioner fallback;

  public PractitionerDirectory(NotifyProperties properties) {
    properties.practitioners().forEach(p -> byReference.put(p.reference(), p));
    this.fallback = properties.fallback() != null
        ? properties.fallback()
        : new Practitioner("Organization/results-desk", "Results desk", null);
  }

  public Optional<Practitioner> find(String reference) {
    return Optional.ofNullable(reference).map(byReference::get);
  }

  public Practitioner fallback() {
    return fallback;
  }
}
