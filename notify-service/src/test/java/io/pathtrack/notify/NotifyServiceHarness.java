package io.pathtrack.notify;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Topics;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.PathologyFixtures;
import io.pathtrack.testsupport.TestKafka;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** notify-service on a real broker and a real SMTP server, with a clock the test moves. */
final class NotifyServiceHarness implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  final MutableClock clock;
  final GreenMail smtp;
  final String bootstrap = TestKafka.bootstrapServers();
  private final Path state;
  private final Path directory;
  private final List<String> settings;
  private ConfigurableApplicationContext app;
  private String base;

  NotifyServiceHarness(MutableClock clock, GreenMail smtp, Path state, URI webhook) throws IOException {
    this(clock, smtp, state, webhook, List.of());
  }

  /** With settings of the test's own ({@code --name=value}), after the usual ones. */
  NotifyServiceHarness(MutableClock clock, GreenMail smtp, Path state, URI webhook, List<String> settings) throws IOException {
    this.settings = settings;
    this.clock = clock;
    this.smtp = smtp;
    this.state = state;
    String template = new String(NotifyServiceHarness.class.getResourceAsStream("/notify/test-directory.json").readAllBytes(),
        StandardCharsets.UTF_8);
    this.directory = Files.writeString(state.resolve("directory.json"), template.replace("${WEBHOOK_URL}", webhook.toString()));
  }

  NotifyServiceHarness start() {
    List<String> args = new java.util.ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrap, "--server.port=0",
        "--NOTIFY_STATE_DIR=" + state.resolve("streams"),
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
        "--pathtrack.notify.directory=file:" + directory, "--pathtrack.notify.zone=UTC",
        "--pathtrack.notify.sweep-interval=200ms",
        "--pathtrack.notify.channels.webhook.retry.initial-delay=50ms"));
    args.addAll(io.pathtrack.testsupport.TestCallers.serviceArguments());
    args.removeIf(a -> settings.stream().anyMatch(x -> x.substring(0, x.indexOf('=')).equals(a.substring(0, a.indexOf('=')))));
    args.addAll(settings);
    app = NotifyServiceApplication.builder()
        .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", (Clock) clock))
        .run(args.toArray(String[]::new));
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    io.pathtrack.testsupport.StreamsReady.await(app, Duration.ofSeconds(120));
    return this;
  }

  String base() {
    return base;
  }

  org.springframework.context.ConfigurableApplicationContext context() {
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

  /** A classified-report event as results-service publishes it. */
  void report(String accession, Outcome outcome, String version, String orderer, Outcome previous, boolean retraction) {
    Map<String, String> headers = new java.util.LinkedHashMap<>(PathologyFixtures.classifiedHeaders(accession,
        "r-" + accession, retraction ? "entered-in-error" : "final", outcome, clock.instant(), clock.instant()));
    headers.put(EventHeaders.REPORT_VERSION, version);
    headers.put(EventHeaders.ORDERING_PRACTITIONER, orderer);
    if (previous != null) {
      headers.put(EventHeaders.PREVIOUS_OUTCOME, previous.code());
      headers.put(EventHeaders.REPLACES_VERSION, "v1");
    }
    if (retraction) {
      headers.put(EventHeaders.TYPE, EventTypes.REPORT_RETRACTED);
    }
    KafkaProbe.send(bootstrap, Topics.REPORTS_CLASSIFIED.name(), accession, classified(accession, outcome), headers);
  }

  /** The report body as results-service publishes it: with its outcome evidence and its text. */
  private static byte[] classified(String accession, Outcome outcome) {
    String conclusion = switch (outcome) {
      case MALIGNANT -> "Invasive carcinoma";
      case ATYPICAL -> "Atypical ductal hyperplasia";
      case BENIGN -> "Benign breast tissue";
      default -> "Insufficient material for diagnosis";
    };
    org.hl7.fhir.r4.model.DiagnosticReport report = PathologyFixtures.report(accession).conclusion(conclusion).build();
    report.addExtension(io.pathtrack.contract.Extensions.OUTCOME_EVIDENCE,
        new org.hl7.fhir.r4.model.StringType(outcome.code() + " <- conclusion: " + conclusion.toLowerCase(java.util.Locale.ROOT)));
    report.addPresentedForm().setContentType("text/plain").setData(("MICROSCOPY\n" + conclusion + ".\n\nDIAGNOSIS\n" + conclusion)
        .getBytes(StandardCharsets.UTF_8));
    return io.pathtrack.contract.Fhir.json().encodeResourceToString(report).getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> notifications(String accession) {
    return JSON.readValue(Http.get(base + "/notifications?accession=" + accession).body(), List.class);
  }

  List<Map<String, Object>> awaitNotifications(String accession, java.util.function.Predicate<List<Map<String, Object>>> condition) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> notifications(accession), condition);
  }

  Http.Response acknowledge(String id, String by) {
    return Http.post(base + "/notifications/" + id + "/acknowledge", "application/json", "{\"by\":\"" + by + "\"}");
  }

  List<MimeMessage> mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).toList();
  }
}
