package io.pathtrack.guard.security;


import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every call to a service's API — read, search, write, operation, and every refused attempt — as a FHIR
 * AuditEvent on {@link io.pathtrack.contract.Topics#AUDIT} ({@link AccessAuditEvents}): who (from the token), what, when, outcome.
 * Runs outside the security layer so that calls refused there (401, 403) are recorded too. The CapabilityStatement,
 * the SMART discovery document and the management port are not recorded: they hold nothing about a patient.
 * A record that cannot be written is counted ({@code pathtrack.audit.failed}) and logged, and alerted on.
 */
final class AccessAudit extends OncePerRequestFilter {
  /** Request attribute: the caller, once the token was validated. */
  static final String CALLER = "io.pathtrack.security.caller";
  static final String DETAIL = AccessAuditEvents.DETAIL;
  static final String ON_BEHALF_OF = AccessAuditEvents.ON_BEHALF_OF;
  /** Request attributes set by the access rule of a Spring MVC endpoint: the interaction and the entity. */
  static final String INTERACTION = "io.pathtrack.audit.interaction";
  static final String ENTITY = "io.pathtrack.audit.entity";

  /** The pages' style sheets and scripts: nothing about a patient. */
  private static final String PAGE_ASSETS = "/ui/assets/";

  private static final Logger log = LoggerFactory.getLogger(AccessAudit.class);

  private final Producer<String, String> producer;
  private final String topic;
  private final String service;
  private final Clock clock;
  private final MeterRegistry meters;
  private final IntPredicate managementPort;

  AccessAudit(Producer<String, String> producer, String topic, String service, Clock clock, MeterRegistry meters,
      IntPredicate managementPort) {
    this.producer = producer;
    this.topic = topic;
    this.service = service;
    this.clock = clock;
    this.meters = meters;
    // registered at zero, so that the first failure is an increase an alert sees
    meters.counter("pathtrack.audit.failed");
    this.managementPort = managementPort;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return managementPort.test(request.getLocalPort()) || path.equals("/fhir/metadata")
        || path.equals(SmartConfigurationFilter.PATH) || path.equals("/favicon.ico") || path.startsWith(PAGE_ASSETS);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      record(request, response.getStatus());
    }
  }

  private void record(HttpServletRequest request, int status) {
    AccessAuditEvents.Access access = access(request);
    Optional<Caller> caller = Optional.ofNullable((Caller) request.getAttribute(CALLER));
    Optional<String> onBehalf = Optional.ofNullable((String) request.getAttribute(ON_BEHALF_OF));
    String json = AccessAuditEvents.json(access, new AccessAuditEvents.Who(caller, onBehalf, request.getRemoteAddr()),
        status, service, clock.instant());
    String key = access.entity() == null ? "access" : access.entity();
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
    CloudEvent.of(EventTypes.ACCESS_RECORDED, service, clock.instant()).contentType(EventHeaders.FHIR_JSON)
        .writeTo(record.headers());
    String outcome = status < 400 ? "success" : status < 500 ? "refused" : "failed";
    try {
      producer.send(record, (metadata, failure) -> {
        if (failure == null) {
          meters.counter("pathtrack.audit.recorded", "outcome", outcome).increment();
        } else {
          failed(failure);
        }
      });
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private void failed(Exception e) {
    meters.counter("pathtrack.audit.failed").increment();
    log.error("An access audit record could not be written to {} ({})", topic, e.getClass().getName());
  }

  /** What the call was: as the endpoint's access rule said, or read from the FHIR path. */
  static AccessAuditEvents.Access access(HttpServletRequest request) {
    String detail = (String) request.getAttribute(DETAIL);
    String query = request.getQueryString();
    Object interaction = request.getAttribute(INTERACTION);
    if (interaction != null) {
      return new AccessAuditEvents.Access((String) interaction, (String) request.getAttribute(ENTITY), query, detail);
    }
    String path = request.getRequestURI();
    String method = request.getMethod();
    if (path.startsWith("/fhir/") || path.equals("/fhir")) {
      String[] parts = path.substring("/fhir".length()).split("/");
      // parts[0] is empty: "/Specimen/S1" → ["", "Specimen", "S1"]
      String type = parts.length > 1 && !parts[1].startsWith("$") ? parts[1] : null;
      String id = parts.length > 2 && !parts[2].startsWith("$") ? parts[2] : null;
      boolean operation = path.contains("/$");
      String what = type == null ? null : id == null ? type : type + "/" + id;
      String kind = operation ? "operation"
          : type == null ? (method.equals("POST") ? "transaction" : "operation")
          : switch (method) {
            case "GET", "HEAD" -> id == null ? "search-type" : "read";
            case "POST" -> id == null ? "create" : "operation";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> "operation";
          };
      return new AccessAuditEvents.Access(kind, what, query, detail);
    }
    return new AccessAuditEvents.Access(method.equals("GET") ? "read" : "operation", null, query, detail);
  }
}
