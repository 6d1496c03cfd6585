package io.pathtrack.specimen.registration;

import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.specimen.SpecimenProperties;
import io.pathtrack.specimen.lifecycle.LifecycleStatus;
import io.pathtrack.specimen.lifecycle.SpecimenEvents;
import io.pathtrack.specimen.lifecycle.SpecimenLifecycle;
import io.pathtrack.specimen.registration.SpecimenRegistration.RegistrationException.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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
 * specimen event on {@code pathology.specimens}, keyed by accession.
 */
@Service
public class SpecimenRegistration {
  /** The output binding to {@code pathology.specimens}. */
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

  /** A refusal to register or move a specimen, naming the element at fault. */
  public static class RegistrationException extends RuntimeException {
    /** Why: an element is missing, a value cannot be used (both 422), or the specimen's state forbids it (409). */
    public enum Kind { REQUIRED, INVALID, CONFLICT }

    private final String expression;
    private final Kind kind;

    public RegistrationException(String expression, String message, boolean conflict) {
      this(expression, message, conflict ? Kind.CONFLICT : Kind.REQUIRED);
    }

    public RegistrationException(String expression, String message, Kind kind) {
      super(message);
      this.expression = expression;
      this.kind = kind;
    }

    public String expression() {
      return expression;
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
   * Registers a specimen (its order contained or referenced in {@code Specimen.request}).
   *
   * @return the accession number
   */
  public String register(Specimen specimen) {
    String accession = check(specimen);
    SpecimenLifecycle.register(specimen);
    publish(EventTypes.SPECIMEN_REGISTERED, accession, specimen);
    return accession;
  }

  /**
   * Registers an order on its own: an ordered specimen holding the ServiceRequest. The accession comes
   * from the order's identifier typed ACSN (or its referenced Specimen).
   */
  public String registerOrder(ServiceRequest order) {
    return register(orderedSpecimen(order));
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
    var record = store.find(accession).orElseThrow(() -> new RegistrationException(
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
    publish(EventTypes.SPECIMEN_STATUS_CHANGED, accession, specimen);
    return specimen;
  }

  private void publish(String type, String accession, Specimen specimen) {
    specimen.setId(accession);
    MessageBuilder<byte[]> message = MessageBuilder
        .withPayload(Fhir.json().encodeResourceToString(specimen).getBytes(StandardCharsets.UTF_8))
        .setHeader(KafkaHeaders.KEY, accession.getBytes(StandardCharsets.UTF_8));
    SpecimenEvents.headers(type, source, accession, specimen, clock.instant()).forEach(message::setHeader);
    if (!bridge.send(BINDING, message.build())) {
      throw new IllegalStateException("specimen " + accession + " was not published");
    }
  }
}
