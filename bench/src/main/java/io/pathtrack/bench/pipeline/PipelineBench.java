package io.pathtrack.bench.pipeline;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.management.OperatingSystemMXBean;
import io.pathtrack.bench.pipeline.Arrivals.Stage;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Topics;
import io.pathtrack.identity.IdentityServerApplication;
import io.pathtrack.kafka.embedded.EmbeddedKafkaBroker;
import io.pathtrack.guard.security.ServiceToken;
import io.pathtrack.local.PathTrackServices;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline benchmark: starts what the local stack starts (a SASL Kafka broker with its ACLs, an SMTP sink, the
 * identity server and the three services in this JVM), measures the machine's transport and parsing limits with the
 * same reports, then drives reports through Kafka and through FHIR REST and times each from when it was due to be sent
 * to its classified event and to its first notification record. Prints a table and writes JSON (README, Performance).
 *
 * <p>Settings (system properties): {@code bench.reports} (saturation run, 4000), {@code bench.rates} (offered loads a
 * second, "100,500,1000"), {@code bench.seconds} (each load, 10), {@code bench.rest.reports} (1000),
 * {@code bench.rest.concurrency} (8), {@code bench.deliveries} (delivery burst, 5000), {@code bench.out} (target/pipeline-bench.json), {@code pathtrack.corpus.dir}.
 */
public final class PipelineBench {
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Map<String, Object> results = new LinkedHashMap<>();
  private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private EmbeddedKafkaBroker broker;
  private PathTrackServices services;
  private Arrivals arrivals;
  private KafkaProducer<String, byte[]> lis;
  private BenchReports reports;
  private ConfigurableApplicationContext identity;
  private GreenMail smtp;
  private DeliveryBurst deliveries;

  public static void main(String[] args) throws Exception {
    PipelineBench bench = new PipelineBench();
    try {
      bench.run();
    } finally {
      bench.close();
    }
    System.exit(0);
  }

  private void run() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    results.put("machine", Map.of("cores", cores, "java", System.getProperty("java.version"),
        "maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024), "at", Instant.now().toString()));
    Path data = Files.createTempDirectory("pathtrack-bench-");
    long started = System.nanoTime();
    int identityPort = freePort();
    String issuer = "http://localhost:" + identityPort;
    identity = IdentityServerApplication.builder().profiles("local")
        .run("--server.port=" + identityPort, "--logging.level.root=WARN");
    broker = EmbeddedKafkaBroker.builder().brokerPort(0).dataDirectory(data.resolve("kafka")).sasl().build().start();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    deliveries = new DeliveryBurst();
    services = PathTrackServices.start(withOverrides(new PathTrackServices.Settings(broker.bootstrapServers(), "127.0.0.1",
        smtp.getSmtp().getPort(), 0, 0, 0, data.resolve("streams"), Map.of("logging.level.root", "WARN",
            "logging.level.org.apache.kafka", "ERROR", "pathtrack.results.mllp.port", 0,
            "pathtrack.security.issuer-uri", issuer,
            "pathtrack.notify.directory", "file:" + deliveries.directory(Files.createDirectories(data.resolve("directory")))))
        .withKafkaLogins(broker.securityProtocol(), broker::password), serviceOverrides()));
    results.put("startSeconds", round(Limits.seconds(System.nanoTime() - started)));
    System.out.printf("PathTrack pipeline benchmark: %d cores, heap up to %d MB; stack started in %.1f s%n", cores,
        Runtime.getRuntime().maxMemory() / (1024 * 1024), Limits.seconds(System.nanoTime() - started));

    reports = new BenchReports(42, corpus(), Long.toString(System.currentTimeMillis() % 100_000, 36).toUpperCase());
    List<BenchReports.Payload> sample = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      sample.add(reports.next());
    }
    results.put("reportBytes", Map.of("min", sample.stream().mapToInt(p -> p.json().length).min().orElse(0),
        "mean", (int) sample.stream().mapToInt(p -> p.json().length).average().orElse(0),
        "max", sample.stream().mapToInt(p -> p.json().length).max().orElse(0), "corpus", reports.usesCorpus()));

    Map<String, Object> admin = broker.clientProperties(EmbeddedKafkaBroker.ADMIN);
    double transport = Limits.transport(admin, sample, 20_000);
    double parsing = Limits.parsing(sample, cores, Duration.ofSeconds(5));
    results.put("transportLimitPerSecond", round(transport));
    results.put("parsingLimitPerSecond", round(parsing));
    System.out.printf("limits: Kafka produce→consume %.0f records/s; HAPI parse+encode on %d cores %.0f reports/s%n",
        transport, cores, parsing);

    arrivals = new Arrivals(admin);
    Map<String, Object> producer = new HashMap<>(broker.clientProperties("lis"));
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    lis = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());

    warmUp(Integer.getInteger("bench.warmup", 2_000));
    saturation(Integer.getInteger("bench.reports", 4_000), transport, parsing);
    List<Map<String, Object>> loads = new ArrayList<>();
    for (String rate : System.getProperty("bench.rates", "100,500,1000").split(",")) {
      loads.add(offered(Integer.parseInt(rate.trim()), Integer.getInteger("bench.seconds", 10)));
      smtp.purgeEmailFromAllMailboxes();
    }
    results.put("offeredLoads", loads);
    burst(Integer.getInteger("bench.deliveries", 5_000), admin);
    rest(issuer, Integer.getInteger("bench.rest.reports", 1_000), Integer.getInteger("bench.rest.concurrency", 8));
    results.put("residentMemoryMb", memory());
    System.out.printf("resident memory: %s%n", results.get("residentMemoryMb"));

    Path out = Path.of(System.getProperty("bench.out", "target/pipeline-bench.json"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, JSON.writeValueAsString(results));
    System.out.println("results: " + out.toAbsolutePath());
  }

  /**
   * Every system property {@code service.<name>} given to all three services as {@code <name>}, to measure a setting
   * before it is adopted (e.g. {@code -Dservice.spring.cloud.stream.kafka.streams.binder.configuration.commit.interval.ms=25}).
   */
  private static Map<String, Object> serviceOverrides() {
    Map<String, Object> out = new LinkedHashMap<>();
    System.getProperties().forEach((name, value) -> {
      if (name.toString().startsWith("service.")) {
        out.put(name.toString().substring("service.".length()), value);
      }
    });
    return out;
  }

  private PathTrackServices.Settings withOverrides(PathTrackServices.Settings settings, Map<String, Object> overrides) {
    PathTrackServices.Settings out = settings;
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      out = out.withExtra(e.getKey(), e.getValue());
    }
    results.put("serviceOverrides", overrides);
    return out;
  }

  /**
   * Waits until the SMTP sink has received nothing new for 3 s (at most 5 minutes): how many messages it holds, and
   * when the last of them arrived ({@link System#nanoTime()}).
   */
  private long[] emailsDrained() throws InterruptedException {
    long count = smtp.getReceivedMessages().length;
    long lastArrival = System.nanoTime();
    long deadline = lastArrival + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() - lastArrival < Duration.ofSeconds(3).toNanos() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      long now = smtp.getReceivedMessages().length;
      if (now != count) {
        count = now;
        lastArrival = System.nanoTime();
      }
    }
    return new long[] {count, lastArrival};
  }

  /** Reports through the whole system before anything is measured, so that the figures are of a warm JVM. */
  private void warmUp(int count) throws Exception {
    List<String> sent = new ArrayList<>(count);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      sent.add(send(reports.next()));
      if (i % 200 == 199) {
        Thread.sleep(500);
      }
    }
    lis.flush();
    arrivals.awaitAll(sent, Duration.ofSeconds(20), Duration.ofSeconds(180));
    emailsDrained();
    smtp.purgeEmailFromAllMailboxes();
    System.out.printf("warm-up: %d reports in %.1f s%n", count, Limits.seconds(System.nanoTime() - start));
  }

  /** As fast as the producer can send: how many reports a second come out classified and notified. */
  private void saturation(int count, double transport, double parsing) throws Exception {
    List<String> sent = new ArrayList<>(count);
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      sent.add(send(reports.next()));
    }
    lis.flush();
    boolean complete = arrivals.awaitAll(sent, Duration.ofSeconds(20), Duration.ofSeconds(180));
    long cpuUsed = os.getProcessCpuTime() - cpu;
    long[] emails = emailsDrained();
    double emailsPerSecond = emails[0] == 0 ? 0 : emails[0] / Limits.seconds(emails[1] - start);
    double classified = rate(sent, Stage.CLASSIFIED, start);
    double notified = rate(sent, Stage.NOTIFIED, start);
    int rejected = arrivals.count(Stage.REJECTED, sent);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("reports", count);
    r.put("complete", complete);
    r.put("classifiedPerSecond", round(classified));
    r.put("notifiedPerSecond", round(notified));
    r.put("rejected", rejected);
    r.put("untimedExamples", (int) sent.stream().filter(a -> !arrivals.timed(a)).count());
    r.put("cpuMillisPerReport", round(cpuUsed / 1e6 / count));
    r.put("emailsDelivered", emails[0]);
    r.put("emailsDeliveredPerSecond", round(emailsPerSecond));
    r.put("notifiedShareOfTransportLimit", round(notified / transport));
    r.put("notifiedShareOfParsingLimit", round(notified / parsing));
    results.put("saturation", r);
    System.out.printf("saturation (%d reports over Kafka): classified %.0f/s, notification decided %.0f/s "
            + "(%.1f %% of the transport limit, %.1f %% of the parsing limit); CPU %.2f ms a report; %d rejected; "
            + "%d emails delivered at %.0f/s (ingest → at the SMTP server)%s%n",
        count, classified, notified, 100 * notified / transport, 100 * notified / parsing, cpuUsed / 1e6 / count,
        rejected, emails[0], emailsPerSecond, complete ? "" : "; NOT ALL ARRIVED");
    smtp.purgeEmailFromAllMailboxes();
  }

  /** Delivery alone: urgent notifications published as the engine publishes them, to the SMTP sink and a webhook receiver. */
  private void burst(int count, Map<String, Object> admin) throws Exception {
    emailsDrained();
    Map<String, Object> producer = new HashMap<>(admin);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    Map<String, Object> r = deliveries.run(count, producer, smtp);
    results.put("deliveryBurst", r);
    System.out.printf("delivery (%d urgent notifications, %d recipients, %d webhook endpoints): %d emails at %.0f/s, "
            + "%d webhook calls at %.0f/s (%d duplicates), all in %.1f s%s%n", count, DeliveryBurst.RECIPIENTS,
        DeliveryBurst.ENDPOINTS, r.get("emailsDelivered"), r.get("emailsPerSecond"), r.get("webhooksDelivered"),
        r.get("webhooksPerSecond"), r.get("webhookDuplicates"), r.get("seconds"),
        Boolean.TRUE.equals(r.get("complete")) ? "" : "; NOT ALL ARRIVED");
    smtp.purgeEmailFromAllMailboxes();
  }

  /** Reports due at a fixed rate for a while; latency from each one's due time to its classified and notified event. */
  private Map<String, Object> offered(int perSecond, int seconds) throws Exception {
    int count = perSecond * seconds;
    Map<String, Long> due = new ConcurrentHashMap<>();
    long interval = 1_000_000_000L / perSecond;
    long start = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < count; i++) {
      BenchReports.Payload p = reports.next();
      long at = start + i * interval;
      while (System.nanoTime() < at) {
        LockSupport.parkNanos(Math.min(200_000, at - System.nanoTime()));
      }
      due.put(p.accession(), at);
      send(p);
    }
    lis.flush();
    boolean complete = arrivals.awaitAll(due.keySet(), Duration.ofSeconds(20), Duration.ofSeconds(120));
    Latency classified = new Latency();
    Latency notified = new Latency();
    due.forEach((accession, at) -> {
      if (!arrivals.timed(accession)) {
        return;
      }
      Long c = arrivals.at(Stage.CLASSIFIED, accession);
      Long n = arrivals.at(Stage.NOTIFIED, accession);
      if (c != null) {
        classified.record(c - at);
      }
      if (n != null) {
        notified.record(n - at);
      }
    });
    long timed = due.keySet().stream().filter(arrivals::timed).count();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("perSecond", perSecond);
    r.put("reports", count);
    r.put("timed", timed);
    r.put("complete", complete);
    r.put("classifiedMs", classified.summary());
    r.put("notifiedMs", notified.summary());
    System.out.printf("%5d/s for %d s: classified p50 %s p95 %s p99 %s max %s ms | notification decided p50 %s p95 %s "
            + "p99 %s max %s ms (%d of %d timed)%s%n", perSecond, seconds, classified.summary().p50(),
        classified.summary().p95(), classified.summary().p99(), classified.summary().max(), notified.summary().p50(),
        notified.summary().p95(), notified.summary().p99(), notified.summary().max(), notified.summary().count(), timed,
        complete ? "" : "; NOT ALL ARRIVED");
    return r;
  }

  /** The LIS's way in over FHIR REST: creates a second, and the time from each create to its notification. */
  private void rest(String issuer, int count, int concurrency) throws Exception {
    ServiceToken token = ServiceToken.of(issuer, "lis", "lis-secret", "system/DiagnosticReport.c", Clock.systemUTC());
    URI endpoint = URI.create("http://127.0.0.1:" + services.resultsPort() + "/fhir/DiagnosticReport");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, Long> posted = new ConcurrentHashMap<>();
    AtomicInteger created = new AtomicInteger();
    List<BenchReports.Payload> payloads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      payloads.add(reports.next());
    }
    token.get();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    for (int c = 0; c < concurrency; c++) {
      clients.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          BenchReports.Payload p = payloads.get(i);
          long at = System.nanoTime();
          posted.put(p.accession(), at);
          HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint)
              .header("Content-Type", "application/fhir+json").header("Authorization", "Bearer " + token.get())
              .POST(HttpRequest.BodyPublishers.ofByteArray(p.json())).build(), HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() / 100 == 2) {
            created.incrementAndGet();
          } else {
            posted.remove(p.accession());
          }
        }
        return null;
      });
    }
    clients.shutdown();
    clients.awaitTermination(10, TimeUnit.MINUTES);
    double createsPerSecond = created.get() / Limits.seconds(System.nanoTime() - start);
    boolean complete = arrivals.awaitAll(posted.keySet(), Duration.ofSeconds(20), Duration.ofSeconds(120));
    Latency notified = new Latency();
    posted.forEach((accession, at) -> {
      Long n = arrivals.at(Stage.NOTIFIED, accession);
      if (n != null) {
        notified.record(n - at);
      }
    });
    double notifiedPerSecond = rate(new ArrayList<>(posted.keySet()), Stage.NOTIFIED, start);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("reports", count);
    r.put("concurrency", concurrency);
    r.put("created", created.get());
    r.put("createsPerSecond", round(createsPerSecond));
    r.put("notifiedPerSecond", round(notifiedPerSecond));
    r.put("complete", complete);
    r.put("createToNotifiedMs", notified.summary());
    results.put("rest", r);
    System.out.printf("FHIR REST, %d clients: %.0f creates/s (%d of %d created), notification decided %.0f/s, "
            + "create→notified p50 %s p99 %s ms%n", concurrency, createsPerSecond, created.get(), count,
        notifiedPerSecond, notified.summary().p50(), notified.summary().p99());
  }

  private String send(BenchReports.Payload p) {
    if (!p.timed()) {
      arrivals.untimed(p.accession());
    }
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REPORTS_INBOUND.name(), p.accession(), p.json());
    record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_JSON.getBytes(StandardCharsets.UTF_8));
    lis.send(record);
    return p.accession();
  }

  /** Arrivals a second at a stage: how many arrived, over the time from the first send to the last arrival. */
  private double rate(List<String> accessions, Stage stage, long start) {
    long last = accessions.stream().map(a -> arrivals.at(stage, a)).filter(t -> t != null).mapToLong(Long::longValue)
        .max().orElse(start);
    int arrived = arrivals.count(stage, accessions);
    return last == start ? 0 : arrived / Limits.seconds(last - start);
  }

  /** Resident set size now and at its peak, from /proc (Linux). */
  private static Map<String, Long> memory() throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    Path status = Path.of("/proc/self/status");
    if (Files.exists(status)) {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          out.put(line.startsWith("VmRSS:") ? "now" : "peak", kb / 1024);
        }
      }
    }
    return out;
  }

  private static Path corpus() {
    String configured = System.getProperty("pathtrack.corpus.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    for (String candidate : new String[] {"../shared/corpus/fhir-r4", "../../shared/corpus/fhir-r4"}) {
      if (Files.isDirectory(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private void close() {
    if (arrivals != null) {
      arrivals.close();
    }
    if (lis != null) {
      lis.close(Duration.ofSeconds(2));
    }
    if (services != null) {
      services.close();
    }
    if (deliveries != null) {
      deliveries.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (identity != null) {
      identity.close();
    }
    if (broker != null) {
      broker.close();
    }
  }
}
