package io.pathtrack.specimen.api;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import io.pathtrack.specimen.registration.SpecimenRegistration;
import io.pathtrack.specimen.registration.SpecimenRegistration.Registration;
import io.pathtrack.specimen.registration.SpecimenRegistration.RegistrationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a transaction Bundle of Specimens and ServiceRequests: each Specimen is
 * registered with the order it references; an order no Specimen references registers on its own. Every
 * entry is checked (and, for an accession registered already, checked against the specimen held) before the
 * first is registered, so a refused entry leaves nothing registered.
 */
@Component
public class SpecimenTransactionProvider {
  private final SpecimenRegistration registration;

  public SpecimenTransactionProvider(SpecimenRegistration registration) {
    this.registration = registration;
  }

  @Transaction
  public Bundle transaction(@TransactionParam Bundle bundle) {
    Map<String, Resource> byUrl = new HashMap<>();
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      if (e.getResource() != null) {
        if (e.hasFullUrl()) {
          byUrl.put(e.getFullUrl(), e.getResource());
        }
        if (e.getResource().getIdElement().hasIdPart()) {
          byUrl.put(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart(), e.getResource());
        }
      }
    }
    // Each entry needs what posting it alone would: an order is a ServiceRequest create. Other entries are not read.
    io.pathtrack.guard.security.Caller caller = io.pathtrack.guard.security.Caller.required();
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      if (e.getResource() instanceof Specimen || e.getResource() instanceof ServiceRequest) {
        var need = new io.pathtrack.guard.security.SmartScope.Need(e.getResource().fhirType(), 'c');
        if (!caller.permits(need)) {
          throw io.pathtrack.guard.security.AccessRefused.fhir("the token does not grant " + need + " for an entry of the "
              + "transaction: it needs scope " + need.scopesThatWouldDo());
        }
      }
    }
    Set<Resource> usedOrders = new HashSet<>();
    List<Specimen> specimens = new ArrayList<>();
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      if (e.getResource() instanceof Specimen specimen) {
        for (Reference r : specimen.getRequest()) {
          Resource order = r.getResource() instanceof Resource resolved ? resolved : byUrl.get(r.getReference());
          if (order instanceof ServiceRequest sr) {
            ServiceRequest contained = sr.copy();
            contained.setId("order");
            specimen.addContained(contained);
            r.setReference("#order");
            r.setResource(null);
            usedOrders.add(order);
          }
        }
        specimens.add(specimen);
      }
    }
    Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
    try {
      for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
        if (e.getResource() instanceof ServiceRequest order && !usedOrders.contains(order)) {
          specimens.add(SpecimenRegistration.orderedSpecimen(order));
        }
      }
      List<Registration> registrations = specimens.stream().map(registration::prepare).toList();
      for (Registration registered : registrations) {
        registration.publish(registered);
        response.addEntry().getResponse().setStatus(registered.created() ? "201 Created" : "200 OK")
            .setLocation("Specimen/" + registered.accession() + "/_history/" + registered.version())
            .setEtag("W/\"" + registered.version() + "\"");
      }
    } catch (RegistrationException e) {
      throw Refusals.of(e);
    }
    return response;
  }
}
