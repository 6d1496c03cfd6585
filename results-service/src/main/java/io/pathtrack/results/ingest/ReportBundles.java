package io.pathtrack.results.ingest;

import ca.uhn.fhir.util.FhirTerser;
import io.pathtrack.contract.Fhir;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Specimen;

/**
 * Takes the reports out of a transaction, batch, collection, message or document Bundle and resolves
 * the references between its entries, the way FHIR's bundle rules say (by fullUrl, then by type and
 * id), plus one allowance for exports that write {@code Observation/urn:uuid:…}.
 */
public final class ReportBundles {
  private ReportBundles() {}

  public static List<InboundReport> reports(Bundle bundle) {
    Map<String, Resource> index = new HashMap<>();
    List<Observation> observations = new ArrayList<>();
    List<Specimen> specimens = new ArrayList<>();
    List<DiagnosticReport> reports = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      if (entry.hasFullUrl()) {
        index.put(entry.getFullUrl(), resource);
      }
      if (resource.getIdElement().hasIdPart()) {
        index.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
      }
      if (resource instanceof DiagnosticReport r) {
        reports.add(r);
      } else if (resource instanceof Observation o) {
        observations.add(o);
      } else if (resource instanceof Specimen s) {
        specimens.add(s);
      }
    }
    FhirTerser terser = Fhir.context().newTerser();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() != null) {
        resolve(entry.getResource(), index, terser);
      }
    }
    List<InboundReport> out = new ArrayList<>();
    for (DiagnosticReport report : reports) {
      Set<Observation> unmatched = new LinkedHashSet<>();
      // In a bundle of one report, every Observation is that report's, referenced or not: exports
      // leave some out of the result list (or reference them in ways no resolver can follow).
      if (reports.size() == 1) {
        Set<IBaseResource> reachable = new LinkedHashSet<>();
        report.getResult().forEach(r -> collectMembers(r.getResource(), reachable));
        observations.stream().filter(o -> !reachable.contains(o)).forEach(unmatched::add);
      }
      Optional<Specimen> onlySpecimen = report.getSpecimen().isEmpty() && specimens.size() == 1
          ? Optional.of(specimens.get(0)) : Optional.empty();
      out.add(new InboundReport(report, List.copyOf(unmatched), onlySpecimen));
    }
    return out;
  }

  private static void collectMembers(IBaseResource resource, Set<IBaseResource> into) {
    if (resource instanceof Observation o && into.add(o)) {
      o.getHasMember().forEach(m -> collectMembers(m.getResource(), into));
    }
  }

  private static void resolve(Resource resource, Map<String, Resource> index, FhirTerser terser) {
    for (Reference ref : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
      if (ref.getResource() != null || !ref.hasReference()) {
        continue;
      }
      String target = ref.getReference();
      Resource found = index.get(target);
      if (found == null) {
        int urn = target.indexOf("urn:uuid:");
        if (urn > 0) {
          found = index.get(target.substring(urn));
        }
      }
      if (found == null && target.contains("/")) {
        String[] parts = target.split("/");
        if (parts.length >= 2) {
          found = index.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
        }
      }
      if (found != null && found != resource) {
        ref.setResource(found);
      }
    }
  }
}
