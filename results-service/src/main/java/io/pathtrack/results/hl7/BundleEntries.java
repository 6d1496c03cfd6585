package io.pathtrack.results.hl7;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Adds the resources a message reports to the Bundle that collects them (Bundle.entry). */
final class BundleEntries {
  private BundleEntries() {}

  /**
   * Adds a resource under its urn:uuid and gives it that id, as a FHIR parser reading the bundle would:
   * a referenced resource without an id is inlined ("contained") by HAPI when the report is encoded.
   */
  static Reference add(Bundle bundle, Resource resource, String fullUrl) {
    resource.setId(fullUrl);
    bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    return new Reference(fullUrl);
  }
}
