package io.pathtrack.specimen.lifecycle;

import io.pathtrack.specimen.domain.LifecycleStatus;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.SpecimenOrders;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.Type;

/**
 * What a registration, a correction or a lifecycle move may change in a specimen already held. The lab owns
 * what it registered: the patient, the order and its ordering practitioner, the procedure, containers and
 * processing. The lifecycle owns where the specimen is and how it got there: the lifecycle-status,
 * reported-by, turnaround, concordance and reported-discipline extensions, {@code Specimen.status}, the receipt and collection times that start
 * the turnaround clock, and the notes, which are kept and only added to. A registration or a correction never
 * rewrites what the lifecycle owns; a lifecycle move never rewrites what the lab owns. Elements are named by
 * FHIRPath, never by their values.
 */
public final class SpecimenChanges {
  public static final String SUBJECT = "Specimen.subject";
  /** Where the ordering practitioner is: the requester of the order (a contained ServiceRequest) in {@code Specimen.request}. */
  public static final String ORDERING_PRACTITIONER = "Specimen.request.resolve().requester";
  public static final String LIFECYCLE_STATUS = "Specimen.extension:lifecycle-status";

  private static final Set<String> LIFECYCLE_EXTENSIONS =
      Set.of(Extensions.LIFECYCLE_STATUS, Extensions.REPORTED_BY, Extensions.TURNAROUND, Extensions.CONCORDANCE,
          Extensions.REPORTED_DISCIPLINE);
  /** Elements a registration that leaves them out does not keep one by one: the resource's own, and those kept apart. */
  private static final Set<String> NOT_KEPT_ONE_BY_ONE =
      Set.of("id", "meta", "contained", "extension", "request", "status", "receivedTime", "note");

  private SpecimenChanges() {}

  /**
   * The elements in which a registration names another patient or ordering practitioner than the specimen
   * held; one the registration leaves out names no other.
   */
  public static List<String> identityConflicts(Specimen held, Specimen registration) {
    List<String> conflicts = new ArrayList<>();
    if (held.hasSubject() && registration.hasSubject() && !sameSubject(held.getSubject(), registration.getSubject())) {
      conflicts.add(SUBJECT);
    }
    Optional<String> heldOrderer = SpecimenOrders.orderingPractitioner(held);
    Optional<String> orderer = SpecimenOrders.orderingPractitioner(registration);
    if (heldOrderer.isPresent() && orderer.isPresent() && !heldOrderer.equals(orderer)) {
      conflicts.add(ORDERING_PRACTITIONER);
    }
    return conflicts;
  }

  /**
   * The specimen held, registered again with the same patient and orderer: what the registration states
   * replaces what the lab registered before, what it leaves out is kept, and the lifecycle only moves forward
   * ({@link SpecimenLifecycle#registeredAgain}), taking the receipt or collection time the move records.
   */
  public static Specimen registeredAgain(Specimen held, Specimen registration) {
    Specimen lab = registration.copy();
    keepWhatIsLeftOut(held, lab);
    Specimen again = combine(lab, held);
    LifecycleStatus from = SpecimenLifecycle.status(held).orElse(LifecycleStatus.ORDERED);
    LifecycleStatus to = SpecimenLifecycle.registeredAgain(from, SpecimenLifecycle.asked(registration));
    if (to != from) {
      SpecimenLifecycle.setStatus(again, to);
      if (!again.hasReceivedTime() && registration.hasReceivedTime()) {
        again.setReceivedTimeElement(registration.getReceivedTimeElement().copy());
      }
      if (collected(again).isEmpty() && collected(registration).isPresent()) {
        again.getCollection().setCollected(collected(registration).get().copy());
      }
    }
    return reparsed(again);
  }

  /**
   * The elements the lifecycle owns to which a correction gives another value than the specimen held has;
   * one the correction leaves out keeps its value. The lifecycle moves only by its own events.
   */
  public static List<String> lifecycleConflicts(Specimen held, Specimen correction) {
    List<String> conflicts = new ArrayList<>();
    Optional<LifecycleStatus> status = SpecimenLifecycle.status(correction);
    if (status.isPresent() && !status.equals(SpecimenLifecycle.status(held))) {
      conflicts.add(LIFECYCLE_STATUS);
    }
    if (correction.hasStatus() && correction.getStatus() != held.getStatus()) {
      conflicts.add("Specimen.status");
    }
    if (correction.hasReceivedTime()
        && !sameTime(correction.getReceivedTimeElement(), held.hasReceivedTime() ? held.getReceivedTimeElement() : null)) {
      conflicts.add("Specimen.receivedTime");
    }
    if (collected(correction).isPresent() && !sameTime(collected(correction).get(), collected(held).orElse(null))) {
      conflicts.add("Specimen.collection.collected");
    }
    return conflicts;
  }

  /** The specimen held, corrected: what the lab owns as the correction states it, what the lifecycle owns as held. */
  public static Specimen corrected(Specimen held, Specimen correction) {
    return reparsed(combine(correction, held));
  }

  /** The specimen held, moved in its lifecycle: what the lifecycle owns as the move states it, what the lab owns as held. */
  public static Specimen moved(Specimen held, Specimen move) {
    return reparsed(combine(held, move));
  }

  /**
   * The elements (FHIRPath) in which a revised specimen differs from the one held, in the order the Specimen
   * defines them; the ordering practitioner apart from the rest of the order.
   */
  public static List<String> changed(Specimen held, Specimen revised) {
    List<String> changed = new ArrayList<>();
    for (Property element : held.children()) {
      String name = element.getName();
      switch (name) {
        case "id", "meta", "contained" -> { }
        case "request" -> {
          if (!SpecimenOrders.orderingPractitioner(held).equals(SpecimenOrders.orderingPractitioner(revised))) {
            changed.add(ORDERING_PRACTITIONER);
          }
          if (!same(ordersApartFromRequester(held), ordersApartFromRequester(revised))) {
            changed.add("Specimen.request");
          }
        }
        case "extension" -> {
          if (!same(labExtensions(held), labExtensions(revised))) {
            changed.add("Specimen.extension");
          }
        }
        default -> {
          if (!same(element.getValues(), revised.getNamedProperty(name).getValues())) {
            changed.add("Specimen." + name);
          }
        }
      }
    }
    return changed;
  }

  /** The specimen without a version of its own: versions are the record's, given as it is stored. */
  public static Specimen unversioned(Specimen specimen) {
    if (specimen.hasMeta()) {
      specimen.getMeta().setVersionIdElement(null).setLastUpdatedElement(null);
    }
    return specimen;
  }

  /** {@code lab}, with what the lifecycle owns taken from {@code lifecycle}; the notes of both, the lifecycle's first. */
  private static Specimen combine(Specimen lab, Specimen lifecycle) {
    Specimen out = lab.copy();
    out.getExtension().removeIf(SpecimenChanges::ownedByLifecycle);
    lifecycle.getExtension().stream().filter(SpecimenChanges::ownedByLifecycle).forEach(e -> out.addExtension(e.copy()));
    out.setStatusElement(lifecycle.hasStatus() ? lifecycle.getStatusElement().copy() : null);
    out.setReceivedTimeElement(lifecycle.hasReceivedTime() ? lifecycle.getReceivedTimeElement().copy() : null);
    Optional<Type> collected = collected(lifecycle);
    if (collected.isPresent()) {
      out.getCollection().setCollected(collected.get().copy());
    } else if (out.hasCollection()) {
      out.getCollection().setCollected(null);
    }
    List<Annotation> notes = new ArrayList<>();
    lifecycle.getNote().forEach(n -> notes.add(n.copy()));
    lab.getNote().stream().filter(n -> notes.stream().noneMatch(n::equalsDeep)).forEach(n -> notes.add(n.copy()));
    out.setNote(notes);
    return out;
  }

  /** Every element of the lab's the registration leaves out is kept as held; the order with the resource it contains. */
  private static void keepWhatIsLeftOut(Specimen held, Specimen lab) {
    for (Property element : held.children()) {
      String name = element.getName();
      if (!NOT_KEPT_ONE_BY_ONE.contains(name) && element.hasValues() && !lab.getNamedProperty(name).hasValues()) {
        element.getValues().forEach(value -> lab.setProperty(name, value.copy()));
      }
    }
    if (labExtensions(lab).isEmpty()) {
      held.getExtension().stream().filter(e -> !ownedByLifecycle(e)).forEach(e -> lab.addExtension(e.copy()));
    }
    if (!lab.hasRequest() && held.hasRequest()) {
      for (Reference request : held.getRequest()) {
        Reference copy = request.copy();
        copy.setResource(null);
        lab.addRequest(copy);
      }
      held.getContained().stream()
          .filter(c -> lab.getContained().stream().noneMatch(l -> l.getIdElement().getIdPart().equals(c.getIdElement().getIdPart())))
          .forEach(c -> lab.addContained(c.copy()));
    }
  }

  private static boolean ownedByLifecycle(Extension extension) {
    return LIFECYCLE_EXTENSIONS.contains(extension.getUrl());
  }

  private static List<Base> labExtensions(Specimen specimen) {
    return specimen.getExtension().stream().filter(e -> !ownedByLifecycle(e)).map(Base.class::cast).toList();
  }

  /** The orders as compared for "the rest of the order": without their ids and requesters. */
  private static List<Base> ordersApartFromRequester(Specimen specimen) {
    List<Base> orders = new ArrayList<>();
    for (ServiceRequest order : SpecimenOrders.orders(specimen)) {
      ServiceRequest copy = order.copy();
      copy.setId((String) null);
      copy.setRequester(null);
      orders.add(copy);
    }
    if (orders.isEmpty()) {
      specimen.getRequest().forEach(orders::add);
    }
    return orders;
  }

  private static Optional<Type> collected(Specimen specimen) {
    return specimen.hasCollection() && specimen.getCollection().hasCollected()
        ? Optional.of(specimen.getCollection().getCollected()) : Optional.empty();
  }

  /** The same patient: the same reference or logical identifier; a different display is the same patient. */
  private static boolean sameSubject(Reference a, Reference b) {
    return Objects.equals(a.getReference(), b.getReference()) && a.hasIdentifier() == b.hasIdentifier()
        && (!a.hasIdentifier() || a.getIdentifier().equalsDeep(b.getIdentifier()));
  }

  /** The same instant however it is written ({@code Z} or {@code +00:00}); other types compared as they are. */
  private static boolean sameTime(Type a, Type b) {
    if (a instanceof BaseDateTimeType x && b instanceof BaseDateTimeType y) {
      return Objects.equals(x.getValue(), y.getValue());
    }
    return b != null && a.equalsDeep(b);
  }

  private static boolean same(List<? extends Base> a, List<? extends Base> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsDeep(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** As parsed again: local references resolved to the resources contained, as the rest of the service reads them. */
  private static Specimen reparsed(Specimen specimen) {
    return SpecimenOrders.parse(Fhir.json().encodeResourceToString(specimen));
  }
}
