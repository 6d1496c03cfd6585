package io.pathtrack.specimen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Topics;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.PathologyFixtures;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** specimen-service on a real broker with a clock the test moves: start, drive, look. */
final class SpecimenServiceHarness implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  final MutableClock clock;
  final String bootstrap;
  /**
   * What the access audit would copy from each request that left one: {@code "PUT /fhir/Specimen/X"} →
   * its {@code io.pathtrack.audit.detail} attribute.
   */
  final Map<String, String> auditDetails = new ConcurrentHashMap<>();
  private final Path state;
  private final List<String> extraArguments;
  private ConfigurableApplicationContext app;
  private String base;

  SpecimenServiceHarness(MutableClock clock, Path state) {
    this(clock, state, io.pathtrack.testsupport.TestKafka.bootstrapServers(), List.of());
  }

  /** One instance of several on the broker at {@code bootstrap}; {@code arguments} override the usual ones. */
  SpecimenServiceHarness(MutableClock clock, Path state, String bootstrap, List<String> arguments) {
    this.clock = clock;
    this.state = state;
    this.bootstrap = bootstrap;
    this.extraArguments = arguments;
  }

  SpecimenServiceHarness start() {
    List<String> args = new java.util.ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrap, "--server.port=0",
        "--SPECIMEN_STATE_DIR=" + state, "--pathtrack.specimen.sla.sweep-interval=200ms"));
    args.addAll(io.pathtrack.testsupport.TestCallers.serviceArguments());
    // A command-line option given twice would read as both values joined: the override replaces the usual one.
    args.removeIf(a -> extraArguments.stream().anyMatch(x -> x.substring(0, x.indexOf('=')).equals(a.substring(0, a.indexOf('=')))));
    args.addAll(extraArguments);
    app = SpecimenServiceApplication.builder()
        .initializers(ctx -> ctx.getBeanFactory().registerSingleton("auditDetailProbe", (Filter) this::recordAuditDetail))
        .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", (Clock) clock))
        .run(args.toArray(String[]::new));
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    // Ready when Kafka Streams runs and has its state: until then the API answers 503.
    io.pathtrack.testsupport.StreamsReady.await(app, Duration.ofSeconds(120));
    await().atMost(Duration.ofSeconds(90)).until(() -> Http.get(base + "/specimens/open").status() == 200);
    return this;
  }

  String base() {
    return base;
  }

  ConfigurableApplicationContext context() {
    return app;
  }

  /** Where health probes and metrics answer (the management port). */
  String management() {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.management.port");
  }

  @Override
  public void close() {
    if (app != null) {
      app.close();
      app = null;
    }
  }

  private void recordAuditDetail(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
    if (request instanceof HttpServletRequest http && http.getAttribute("io.pathtrack.audit.detail") instanceof String detail) {
      auditDetails.put(http.getMethod() + " " + http.getRequestURI(), detail);
    }
  }

  Http.Response register(Specimen specimen) {
    String accession = specimen.getAccessionIdentifier().getValue();
    Http.Response response = Http.post(base + "/fhir/Specimen", "application/fhir+json", Fhir.json().encodeResourceToString(specimen));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    awaitView(accession, v -> true);
    return response;
  }

  /** {@code PUT /fhir/Specimen/{accession}}, with {@code If-Match} when {@code ifMatch} is not null. */
  Http.Response correct(String accession, Specimen specimen, String ifMatch) {
    return Http.put(base + "/fhir/Specimen/" + accession, "application/fhir+json", Fhir.json().encodeResourceToString(specimen),
        ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
  }

  Http.Response read(String accession) {
    return Http.get(base + "/fhir/Specimen/" + accession, "application/fhir+json");
  }

  /** The specimen events on {@link Topics#SPECIMENS} for one accession, oldest first. */
  List<ConsumerRecord<String, byte[]>> specimenEvents(String accession) {
    return KafkaProbe.readAll(bootstrap, Topics.SPECIMENS.name()).stream().filter(r -> accession.equals(r.key())).toList();
  }

  Http.Response transition(String accession, String status, String reason) {
    String params = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"status\",\"valueCode\":\"" + status + "\"}"
        + (reason == null ? "" : ",{\"name\":\"reason\",\"valueString\":\"" + reason + "\"}") + "]}";
    return Http.post(base + "/fhir/Specimen/" + accession + "/$transition", "application/fhir+json", params);
  }

  /** A final report with extra headers (the cues results-service reads: follow-ups, calcifications, imaging category). */
  void finalReportWith(String accession, Outcome outcome, Instant issued, Map<String, String> extraHeaders) {
    Map<String, String> headers = new java.util.LinkedHashMap<>(
        PathologyFixtures.classifiedHeaders(accession, "r-" + accession, "final", outcome, issued, clock.instant()));
    headers.putAll(extraHeaders);
    KafkaProbe.send(bootstrap, Topics.REPORTS_CLASSIFIED.name(), accession,
        PathologyFixtures.report(accession).json().getBytes(StandardCharsets.UTF_8), headers);
  }

  Http.Response followUp(String accession, String kind, String status) {
    String params = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"kind\",\"valueCode\":\"" + kind
        + "\"},{\"name\":\"status\",\"valueCode\":\"" + status + "\"}]}";
    return Http.post(base + "/fhir/Specimen/" + accession + "/$follow-up", "application/fhir+json", params);
  }

  void finalReport(String accession, Outcome outcome, Instant issued, String body) {
    KafkaProbe.send(bootstrap, Topics.REPORTS_CLASSIFIED.name(), accession,
        (body == null ? PathologyFixtures.report(accession).json() : body).getBytes(StandardCharsets.UTF_8),
        PathologyFixtures.classifiedHeaders(accession, "r-" + accession, "final", outcome, issued, clock.instant()));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> view(String accession) {
    Http.Response r = Http.get(base + "/specimens/" + accession);
    return r.status() == 200 ? JSON.readValue(r.body(), Map.class) : null;
  }

  Map<String, Object> awaitView(String accession, java.util.function.Predicate<Map<String, Object>> condition) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> view(accession), v -> v != null && condition.test(v));
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> open() {
    return JSON.readValue(Http.get(base + "/specimens/open").body(), List.class);
  }

  List<ConsumerRecord<String, byte[]>> slaEvents(String accession) {
    return KafkaProbe.readAll(bootstrap, Topics.SLA_EVENTS.name()).stream().filter(r -> accession.equals(r.key())).toList();
  }

  List<String> slaTypes(String accession) {
    return slaEvents(accession).stream().map(r -> KafkaProbe.header(r, EventHeaders.TYPE)).toList();
  }

  String metrics() {
    return Http.get(management() + "/actuator/prometheus", "text/plain").body();
  }
}
