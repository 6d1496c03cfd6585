package io.pathtrack.specimen.registration;

import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.specimen.SpecimenProperties;
import io.pathtrack.specimen.domain.LifecycleStatus;
import io.pathtrack.specimen.lifecycle.SpecimenChanges;
import io.pathtrack.specimen.lifecycle.SpecimenEvents;
import io.pathtrack.specimen.lifecycle.SpecimenLifecycle;
import io.pathtrack.specimen.registration.SpecimenRegistration.RegistrationException.Kind;
import io.pathtrack.specimen.domain.SpecimenRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Registers specimens and orders and moves them through their lifecycle, publishing each change as a
 * specimen event on {@link io.pathtrack.contract.Topics#SPECIMENS}, keyed by accession.
 */
@Service
public class SpecimenRegistration {
  /** The output binding to {@link io.pathtrack.contract.Topics#SPECIMENS}. */
  public static final String BINDING = "specimens-out";

  /** The longest ordering-practitioner reference accepted: it travels as an event header. */
  static final int MAX_REFERENCE_LENGTH = 256;

  private final StreamBridge bridge;
  private final Clock clock;
  private final SpecimenStore store;
  private final String source;

  public SpecimenRegistration(StreamBridge bridge, Clock clock, SpecimenStore store, SpecimenProperties properties) {
    this.bridge = bridge;
    this.clock = clock;
    this.store = store;
    this.source = properties.source().toString();
  }

  /**
   * A refusal to register, correct or move a specimen, naming the elements at fault (FHIRPath; an HTTP header
   * as {@code http.} and its name) and never their values.
   */
  public static class RegistrationException extends RuntimeException {
    /** Why, and so the HTTP status. */
    public enum Kind {
      /** An element is missing (422). */
      REQUIRED,
      /** A value cannot be used (422). */
      INVALID,
      /** The request contradicts itself: the accession in the body is not the id in the path (400). */
      MISMATCH,
      /** No specimen is registered with the accession (404). */
      NOT_FOUND,
      /** The specimen's state forbids it (409). */
      CONFLICT,
      /** A correction that does not name the version it corrects in If-Match (428). */
      VERSION_REQUIRED,
      /** A correction of a version the specimen has moved on from (412). */
      VERSION_STALE,
      /** A correction that was sent, but not applied yet when the answer was due (503). */
      PENDING
    }

    private final List<String> expressions;
    private final Kind kind;

    public RegistrationException(String expression, String message, boolean conflict) {
      this(expression, message, conflict ? Kind.CONFLICT : Kind.REQUIRED);
    }

    public RegistrationException(String expression, String message, Kind kind) {
      this(List.of(expression), message, kind);
    }

    public RegistrationException(List<String> expressions, String message, Kind kind) {
      super(message);
      this.expressions = List.copyOf(expressions);
      this.kind = kind;
    }

    public List<String> expressions() {
      return expressions;
    }

    public Kind kind() {
      return kind;
    }

    /** True when the request is valid but the specimen's state does not allow it (HTTP 409). */
    public boolean conflict() {
      return kind == Kind.CONFLICT;
    }
  }

  /**
   * A registration checked against the specimen held under its accession, ready to publish.
   *
   * @param specimen the specimen as it will be held: new, or the one held registered again
   * @param created true when no specimen was held under the accession
   * @param version the version the registration gives the record, as this instance sees it now
   */
  public record Registration(String accession, Specimen specimen, boolean created, long version) {}

  /**
   * Registers a specimen (its order contained or referenced in {@code Specimen.request}). An accession
   * registered already is registered again as {@link #prepare} says.
   */
  public Registration register(Specimen specimen) {
    Registration registration = prepare(specimen);
    publish(registration);
    return registration;
  }

  /**
   * Registers an order on its own: an ordered specimen holding the ServiceRequest. The accession comes
   * from the order's identifier typed ACSN (or its referenced Specimen).
   */
  public Registration registerOrder(ServiceRequest order) {
    return register(orderedSpecimen(order));
  }

  /**
   * Checks a registration ({@link #check}) and, when its accession is registered already, against the
   * specimen held: one that names another patient or ordering practitioner is refused (409), as only a
   * correction changes those; otherwise it is the same specimen registered again, whose lifecycle never
   * moves back ({@link SpecimenChanges#registeredAgain}).
   */
  public Registration prepare(Specimen specimen) {
    String accession = check(specimen);
    Optional<SpecimenRecord> held = store.find(accession);
    if (held.isEmpty()) {
      return new Registration(accession, SpecimenLifecycle.register(specimen), true, 1);
    }
    Specimen heldSpecimen = SpecimenOrders.parse(held.get().specimenJson());
    List<String> conflicts = SpecimenChanges.identityConflicts(heldSpecimen, specimen);
    if (!conflicts.isEmpty()) {
      throw new RegistrationException(conflicts, "this accession is registered for another "
          + conflicts.stream().map(SpecimenRegistration::described).collect(Collectors.joining(" and another "))
          + "; registering it again does not change that. A correction is a PUT of the corrected Specimen to Specimen/"
          + accession + " with If-Match: W/\"<versionId>\", the version read", Kind.CONFLICT);
    }
    Specimen again = SpecimenChanges.registeredAgain(heldSpecimen, SpecimenChanges.unversioned(specimen));
    again.setId(accession);
    boolean changes = !Fhir.json().encodeResourceToString(again).equals(held.get().specimenJson());
    return new Registration(accession, again, false, held.get().version() + (changes ? 1 : 0));
  }

  /** Publishes a prepared registration. */
  public void publish(Registration registration) {
    publish(registration.accession(), registration.specimen(),
        SpecimenEvents.headers(EventTypes.SPECIMEN_REGISTERED, source, registration.accession(), registration.specimen(), clock.instant()));
  }

  private static String described(String element) {
    return element.equals(SpecimenChanges.SUBJECT) ? "patient"
        : element.equals(SpecimenChanges.ORDERING_PRACTITIONER) ? "ordering practitioner" : element;
  }

  /**
   * Checks that a specimen can be registered — its accession and its requester reference can travel as a
   * Kafka key and event headers — without registering it.
   *
   * @return the accession number
   */
  public static String check(Specimen specimen) {
    String accession = accessionOf(specimen);
    SpecimenOrders.orderingPractitioner(specimen).flatMap(SpecimenRegistration::referenceProblem)
        .ifPresent(problem -> {
          throw new RegistrationException("ServiceRequest.requester.reference", problem, Kind.INVALID);
        });
    return accession;
  }

  /**
   * The specimen's accession, trimmed, once it is known to be usable as a Kafka key, an event header and a
   * resource id ({@link Accessions#problem}); otherwise a refusal naming the element, which does not repeat
   * the value.
   */
  public static String accessionOf(Specimen specimen) {
    String accession = Accessions.ofSpecimen(specimen).orElseThrow(() -> new RegistrationException(
        "Specimen.accessionIdentifier", "accessionIdentifier is required: the lab's accession number of the specimen", false));
    Accessions.problem(accession).ifPresent(problem -> {
      throw new RegistrationException("Specimen.accessionIdentifier.value", problem, Kind.INVALID);
    });
    return accession;
  }

  /**
   * The ordered specimen an order on its own stands for, the order contained; its accession comes from the
   * order's identifier typed ACSN, or from the Specimen the order references.
   */
  public static Specimen orderedSpecimen(ServiceRequest order) {
    Optional<String> accession = order.getIdentifier().stream().filter(Accessions::isAccessionType)
        .map(Identifier::getValue).filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst();
    accession.flatMap(Accessions::problem).ifPresent(problem -> {
      throw new RegistrationException("ServiceRequest.identifier.value", problem, Kind.INVALID);
    });
    Specimen specimen = order.getSpecimen().stream().map(Reference::getResource)
        .filter(Specimen.class::isInstance).map(Specimen.class::cast).findFirst().orElseGet(Specimen::new);
    if (!specimen.hasAccessionIdentifier()) {
      specimen.getAccessionIdentifier().setValue(accession.orElseThrow(() -> new RegistrationException(
          "ServiceRequest.identifier", "an order needs an identifier typed ACSN (the accession number) or a Specimen with one", false)));
    }
    ServiceRequest contained = order.copy();
    contained.setId("order");
    contained.setSpecimen(null);
    specimen.getContained().removeIf(r -> "order".equals(r.getIdElement().getIdPart()));
    specimen.addContained(contained);
    specimen.getRequest().clear();
    specimen.addRequest(new Reference("#order"));
    if (!specimen.hasSubject() && order.hasSubject()) {
      specimen.setSubject(order.getSubject());
    }
    check(specimen);
    return specimen;
  }

  /** The requester reference becomes an event header: no control characters, a sane length. */
  private static Optional<String> referenceProblem(String reference) {
    if (reference.length() > MAX_REFERENCE_LENGTH) {
      return Optional.of("the requester reference is " + reference.length() + " characters long, over the limit of "
          + MAX_REFERENCE_LENGTH);
    }
    if (reference.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.of("the requester reference contains control characters (CR, LF, tab…), which are refused");
    }
    return Optional.empty();
  }

  /** Moves a registered specimen to {@code to}; a rejection needs a reason. */
  public Specimen transition(String accession, LifecycleStatus to, Optional<Instant> at, String reason) {
    Accessions.problem(accession).ifPresent(problem -> {
      throw new RegistrationException("Specimen.id", "the specimen id in the path is its accession, and " + problem, Kind.INVALID);
    });
    SpecimenRecord record = store.find(accession).orElseThrow(() -> new RegistrationException(
        "Specimen.accessionIdentifier", "no specimen with accession " + accession, false));
    Specimen specimen = SpecimenOrders.parse(record.specimenJson());
    LifecycleStatus from = SpecimenLifecycle.status(specimen).orElse(LifecycleStatus.ORDERED);
    if (!from.next().contains(to)) {
      throw new RegistrationException("Specimen.extension:lifecycle-status",
          "a specimen that is " + from.code() + " cannot become " + to.code() + " (allowed: "
              + (from.next().isEmpty() ? "none" : from.next().stream().map(LifecycleStatus::code).toList()) + ")", true);
    }
    if (to == LifecycleStatus.REJECTED && (reason == null || reason.isBlank())) {
      throw new RegistrationException("reason", "a rejected specimen needs a reason (e.g. unlabelled, insufficient)", false);
    }
    SpecimenLifecycle.transition(specimen, to, at.orElse(clock.instant()), reason);
    publish(accession, specimen,
        SpecimenEvents.headers(EventTypes.SPECIMEN_STATUS_CHANGED, source, accession, specimen, clock.instant()));
    return specimen;
  }

  /**
   * Closes a follow-up its reports recommended: {@code completed} (done: the repeat biopsy was taken, the imaging
   * performed) or {@code cancelled} (no longer needed). Applied by the lifecycle, which stops its due timer.
   *
   * @param by who closes it, as the audit trail names them
   */
  public Specimen closeFollowUp(String accession, String kind, String status, String by) {
    Accessions.problem(accession).ifPresent(problem -> {
      throw new RegistrationException("Specimen.id", "the specimen id in the path is its accession, and " + problem, Kind.INVALID);
    });
    if (kind == null || !FOLLOW_UP_KIND.matcher(kind).matches()) {
      throw new RegistrationException("kind", "the follow-up kind is a lower-case code such as repeat-biopsy", Kind.INVALID);
    }
    if (!"completed".equals(status) && !"cancelled".equals(status)) {
      throw new RegistrationException("status", "a follow-up is closed as completed or cancelled", Kind.INVALID);
    }
    SpecimenRecord record = store.find(accession).orElseThrow(() -> new RegistrationException(
        "Specimen.accessionIdentifier", "no specimen with accession " + accession, false));
    if (record.followUps().stream().noneMatch(f -> f.kind().equals(kind) && f.status().pending())) {
      throw new RegistrationException("kind", "the specimen has no open follow-up of kind " + kind + " (open: "
          + record.followUps().stream().filter(f -> f.status().pending()).map(f -> f.kind()).toList() + ")", true);
    }
    Specimen specimen = SpecimenOrders.parse(record.specimenJson());
    publish(accession, specimen, SpecimenEvents.followUpClosed(source, accession, specimen, clock.instant(), kind, status, by));
    return specimen;
  }

  private static final java.util.regex.Pattern FOLLOW_UP_KIND = java.util.regex.Pattern.compile("[a-z][a-z-]{0,39}");

  /** Publishes a correction with the elements it changed ({@link SpecimenCorrections}). */
  void publishCorrection(String accession, Specimen specimen, List<String> changed) {
    publish(accession, specimen, SpecimenEvents.correction(source, accession, specimen, clock.instant(), changed));
  }

  private void publish(String accession, Specimen specimen, Map<String, byte[]> headers) {
    specimen.setId(accession);
    SpecimenChanges.unversioned(specimen);
    MessageBuilder<byte[]> message = MessageBuilder
        .withPayload(Fhir.json().encodeResourceToString(specimen).getBytes(StandardCharsets.UTF_8))
        .setHeader(KafkaHeaders.KEY, accession.getBytes(StandardCharsets.UTF_8));
    headers.forEach(message::setHeader);
    if (!bridge.send(BINDING, message.build())) {
      throw new IllegalStateException("specimen " + accession + " was not published");
    }
  }
}
