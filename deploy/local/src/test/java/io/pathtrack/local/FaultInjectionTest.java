package io.pathtrack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Topics;
import io.pathtrack.kafka.embedded.KafkaNodeProcesses;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.Trigger;
import io.pathtrack.notify.routing.NotificationCommunications;
import io.pathtrack.testsupport.PathologyFixtures;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The promise under faults: a steady stream of reports goes through the three services, each in a process of its
 * own, on a cluster of three Kafka node processes, while the test kills (destroyForcibly) each service and restarts
 * it, kills a broker, and later the active controller, and makes the mail server fail for a while (gone, hung, busy):
 * the emails wait and go out when it is back. Afterwards, as the receivers see it: every report has exactly
 * one classified event, every result exactly one notification, every urgent one its email (by Message-ID; a resend
 * with the same Message-ID is a duplicate the mail system collapses, and is counted, not failed), every urgent one,
 * left unacknowledged, escalated exactly once when its deadline passed (its timer survived the kills), and the
 * dead-letter topic holds exactly the poison records sent. Half the reports go over FHIR REST (sent again until answered
 * 201, as a LIS does), the rest on the inbound topic. The short form (this suite) runs {@code pathtrack.faults.seconds}
 * (24) seconds of load; the long form is the same test with more ({@code -Dpathtrack.faults.seconds=600}, README).
 */
class FaultInjectionTest {
  private static final String INBOUND = Topics.REPORTS_INBOUND.name();
  private static final int POISON = 3;
  private static final Duration ESCALATE_AFTER = Duration.ofSeconds(15);

  /** The nodes' logs and data and the services' logs and state, kept after the run for a look. */
  private final Path dir = Path.of("target", "faults");

  @Test
  void nothingIsLostOrSentTwiceWhenServicesAndBrokersDie() throws Exception {
    deleteRecursively(dir);
    java.nio.file.Files.createDirectories(dir);
    int seconds = Integer.getInteger("pathtrack.faults.seconds", 24);
    int perSecond = Integer.getInteger("pathtrack.faults.rate", 8);
    FlakyMailServer smtp = new FlakyMailServer();
    FlakyWebhookReceiver pager = new FlakyWebhookReceiver();
    try (KafkaNodeProcesses kafka = KafkaNodeProcesses.start(3, dir.resolve("kafka"))) {
      Map<String, Object> common = new LinkedHashMap<>(io.pathtrack.testsupport.TestCallers.serviceProperties());
      common.remove("management.server.port");
      common.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      common.put("logging.level.root", "WARN");
      common.put("spring.main.banner-mode", "off");
      Map<String, Object> notifyOwn = new LinkedHashMap<>(common);
      notifyOwn.put("spring.mail.host", "127.0.0.1");
      notifyOwn.put("spring.mail.port", smtp.port());
      notifyOwn.put("pathtrack.notify.directory", "file:" + directoryWithPager(pager));
      // the pager: a short wait for an answer, quick retries, and a dead-lettered page tried again every 5 s
      notifyOwn.put("pathtrack.notify.channels.webhook.request-timeout", "2s");
      notifyOwn.put("pathtrack.notify.channels.webhook.retry.initial-delay", "200ms");
      notifyOwn.put("pathtrack.notify.channels.webhook.breaker.open-for", "5s");
      notifyOwn.put("pathtrack.notify.channels.webhook.redelivery.interval", "5s");
      // nobody acknowledges: every urgent result escalates once its deadline passes, timers kept across the kills
      notifyOwn.put("pathtrack.notify.acknowledge-within.urgent", ESCALATE_AFTER.toSeconds() + "s");
      notifyOwn.put("pathtrack.notify.sweep-interval", "1s");
      Map<String, Object> resultsOwn = new LinkedHashMap<>(common);
      resultsOwn.put("pathtrack.results.mllp.port", 0);
      createTopics(kafka.bootstrapServers());
      // specimen-service and notify-service run as two instances each, sharing the partitions: one of each is killed
      // and comes back later (a rebalance each way under load), the other is killed and restarted at once.
      ServiceProcess specimen = new ServiceProcess("specimen-service", "io.pathtrack.specimen.SpecimenServiceApplication",
          "SPECIMEN", dir, common).asInstanceOf("specimen-service");
      ServiceProcess specimen2 = new ServiceProcess("specimen-service-2", "io.pathtrack.specimen.SpecimenServiceApplication",
          "SPECIMEN", dir, common).asInstanceOf("specimen-service");
      ServiceProcess notify = new ServiceProcess("notify-service", "io.pathtrack.notify.NotifyServiceApplication",
          "NOTIFY", dir, notifyOwn).asInstanceOf("notify-service");
      ServiceProcess notify2 = new ServiceProcess("notify-service-2", "io.pathtrack.notify.NotifyServiceApplication",
          "NOTIFY", dir, notifyOwn).asInstanceOf("notify-service");
      ServiceProcess results = new ServiceProcess("results-service", "io.pathtrack.results.ResultsServiceApplication",
          "RESULTS", dir, resultsOwn);
      List<ServiceProcess> services = List.of(specimen, specimen2, notify, notify2, results);
      try {
        services.forEach(ServiceProcess::start);
        for (ServiceProcess s : services) {
          s.awaitReady(Duration.ofMinutes(4));
        }
        Run run = load(kafka, "http://127.0.0.1:" + results.port(), seconds, perSecond, List.of(
            // beside the others, once emails flow: every email of the while waits for the server
            new Fault(0.0, "once 5 emails arrived, the mail server refuses (3 s), hangs (6 s), answers 421 (3 s)", () -> {
              smtp.awaitEmails(5, Duration.ofMinutes(4));
              smtp.outage(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(3));
            }, true),
            new Fault(0.0, "once 5 pages arrived, the pager gateway is gone (3 s), hangs (6 s), answers 500 (3 s)", () -> {
              await().atMost(Duration.ofMinutes(4)).until(() -> pager.accepted().size() >= 5);
              pager.outage(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(3));
            }, true),
            new Fault(0.05, "kill notify-service #2 (the other takes its partitions)", notify2::kill),
            new Fault(0.10, "kill results-service", () -> restart(results)),
            new Fault(0.20, "kill specimen-service #2 (the other takes its partitions)", specimen2::kill),
            new Fault(0.25, "kill notify-service", () -> restart(notify)),
            new Fault(0.35, "start notify-service #2 again (partitions move back)", notify2::start),
            new Fault(0.40, "kill Kafka node 2", () -> kafka.kill(2)),
            new Fault(0.50, "start specimen-service #2 again", specimen2::start),
            new Fault(0.55, "restart Kafka node 2", () -> kafka.restart(2)),
            new Fault(0.65, "kill specimen-service", () -> restart(specimen)),
            new Fault(0.80, "kill the active controller", () -> {
              int controller = kafka.activeController();
              kafka.kill(controller);
              kafka.restart(controller);
            })));
        for (ServiceProcess s : services) {
          s.awaitReady(Duration.ofMinutes(4));
        }
        check(kafka.bootstrapServers(), smtp, pager, run, List.of(specimen, specimen2));
        printRestores(services);
      } finally {
        services.forEach(ServiceProcess::close);
        smtp.close();
        pager.close();
      }
    }
  }

  /** The local directory without working hours, dr-lee paged through the receiver as well as emailed. */
  private static Path directoryWithPager(FlakyWebhookReceiver pager) throws java.io.IOException {
    tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
    Path file = WalkingSkeletonEndToEndTest.alwaysOnDutyDirectory();
    tools.jackson.databind.node.ObjectNode bundle = (tools.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
    tools.jackson.databind.node.ArrayNode entries = (tools.jackson.databind.node.ArrayNode) bundle.get("entry");
    for (tools.jackson.databind.JsonNode entry : entries) {
      tools.jackson.databind.node.ObjectNode resource = (tools.jackson.databind.node.ObjectNode) entry.get("resource");
      if ("dr-lee-role".equals(resource.path("id").asString())) {
        resource.putArray("endpoint").addObject().put("reference", "Endpoint/fault-pager");
      }
    }
    entries.addObject().set("resource", json.readTree("{\"resourceType\": \"Endpoint\", \"id\": \"fault-pager\", "
        + "\"status\": \"active\", \"connectionType\": {\"system\": "
        + "\"http://terminology.hl7.org/CodeSystem/endpoint-connection-type\", \"code\": \"rest-hook\"}, "
        + "\"payloadType\": [{\"text\": \"notification\"}], \"address\": \"" + pager.url() + "\", "
        + "\"header\": [\"X-PathTrack-Secret: s3cret\"]}"));
    java.nio.file.Files.writeString(file, json.writeValueAsString(bundle));
    return file;
  }

  /**
   * How long each instance's state stores took to restore from their changelogs since its last start (after the kills:
   * a crash leaves exactly-once state to be rebuilt; a standby or the kept state directory shortens it).
   */
  private static void printRestores(List<ServiceProcess> services) {
    System.out.println("State restored since each instance's last start (store: restores, records, longest):");
    java.util.regex.Pattern line = java.util.regex.Pattern.compile(
        "(?m)^pathtrack_streams_restore_(seconds_count|seconds_max|records_total)\\{[^}]*store=\"([^\"]+)\"[^}]*} ([0-9.Ee+-]+)$");
    for (ServiceProcess s : services) {
      Map<String, Map<String, Double>> byStore = new TreeMap<>();
      java.util.regex.Matcher m = line.matcher(s.metrics());
      while (m.find()) {
        byStore.computeIfAbsent(m.group(2), k -> new TreeMap<>()).merge(m.group(1), Double.parseDouble(m.group(3)), Double::sum);
      }
      byStore.forEach((store, v) -> System.out.printf("  %-20s %-28s %3.0f restores, %6.0f records, longest %5.0f ms%n",
          s.name(), store, v.getOrDefault("seconds_count", 0.0), v.getOrDefault("records_total", 0.0),
          v.getOrDefault("seconds_max", 0.0) * 1000));
      if (byStore.isEmpty()) {
        System.out.printf("  %-20s nothing restored%n", s.name());
      }
    }
  }

  /**
   * The contract's topics with four partitions, replicated on all three nodes, before any service starts: the instances
   * of a service share the partitions, and the streams' inputs stay co-partitioned.
   */
  private static void createTopics(String bootstrap) throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        Map.<String, Object>of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(Topics.ALL.stream().map(t -> new org.apache.kafka.clients.admin.NewTopic(t.name(), 4, (short) 3))
          .toList()).all().get(1, java.util.concurrent.TimeUnit.MINUTES);
    }
  }

  private static void deleteRecursively(Path root) throws java.io.IOException {
    if (java.nio.file.Files.exists(root)) {
      try (var paths = java.nio.file.Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void restart(ServiceProcess service) {
    service.kill();
    service.start();
  }

  /** A fault at a share of the load's duration; {@code beside} the others, or after the one before it has ended. */
  private record Fault(double at, String what, Runnable action, boolean beside) {
    Fault(double at, String what, Runnable action) {
      this(at, what, action, false);
    }
  }

  /** What was sent: accession → malignant or not; the poison records' keys. */
  private record Run(Map<String, Boolean> reports, Set<String> poison, List<String> faults) {}

  /**
   * Sends the load: one report in four over FHIR REST (as the LIS would, with its token, sending again until it is
   * answered {@code 201}: a request lost with a killed instance is sent again, and the pipeline collapses a report it
   * receives twice), the others on the inbound topic.
   */
  private Run load(KafkaNodeProcesses kafka, String resultsUrl, int seconds, int perSecond, List<Fault> faults)
      throws Exception {
    java.util.concurrent.ExecutorService lis = java.util.concurrent.Executors.newFixedThreadPool(2);
    List<Future<Integer>> posted = new ArrayList<>();
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
    Map<String, Boolean> reports = new LinkedHashMap<>();
    Set<String> poison = new TreeSet<>();
    List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < POISON; i++) {
        String key = "FAULT-POISON-" + i;
        poison.add(key);
        acks.add(producer.send(record(key, "not a report {".getBytes(StandardCharsets.UTF_8))));
      }
      int total = seconds * perSecond;
      int nextFault = 0;
      Instant start = Instant.now();
      java.util.concurrent.CompletableFuture<Void> previous = java.util.concurrent.CompletableFuture.completedFuture(null);
      List<java.util.concurrent.CompletableFuture<Void>> besides = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        while (nextFault < faults.size() && i >= faults.get(nextFault).at() * total) {
          Fault fault = faults.get(nextFault++);
          // in its own thread: the load goes on while a service or a broker is down and comes back; faults run one
          // after the other (a broker is back before the controller is killed)
          Runnable run = () -> {
            String began = String.format("%5.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
            fault.action().run();
            done.add(began + "  " + fault.what() + String.format(" (done at %.1f s)",
                Duration.between(start, Instant.now()).toMillis() / 1000.0));
          };
          if (fault.beside()) {
            besides.add(java.util.concurrent.CompletableFuture.runAsync(run));
          } else {
            previous = previous.thenRunAsync(run);
          }
        }
        String accession = String.format("F26-%05d", i);
        boolean malignant = i % 2 == 0;
        reports.put(accession, malignant);
        byte[] json = PathologyFixtures.report(accession).requester("Practitioner/dr-lee")
            .conclusion(malignant ? "Left breast core biopsy: invasive ductal carcinoma, grade 2."
                : "Left breast core biopsy: fibroadenoma. No atypia or malignancy.")
            .json().getBytes(StandardCharsets.UTF_8);
        if (i % 4 < 2) {
          String body = new String(json, StandardCharsets.UTF_8);
          posted.add(lis.submit(() -> postUntilAccepted(resultsUrl + "/fhir/DiagnosticReport", body)));
        } else {
          acks.add(producer.send(record(accession, json)));
        }
        long due = start.toEpochMilli() + (i + 1) * 1000L / perSecond;
        long wait = due - System.currentTimeMillis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
      for (Future<Integer> post : posted) {
        assertThat(post.get(5, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(201);
      }
      lis.shutdown();
      // every fault was injected, and the service or broker it hit came back (an exception here fails the test)
      previous.get(5, java.util.concurrent.TimeUnit.MINUTES);
      for (java.util.concurrent.CompletableFuture<Void> beside : besides) {
        beside.get(5, java.util.concurrent.TimeUnit.MINUTES);
      }
      assertThat(done).hasSize(faults.size());
    }
    return new Run(reports, poison, done);
  }

  /** POSTs until the report is accepted, as a LIS does; the last status (201), or the last answer after 4 minutes. */
  private static int postUntilAccepted(String url, String body) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    int status = -1;
    while (Instant.now().isBefore(deadline)) {
      try {
        status = io.pathtrack.testsupport.Http.post(url, "application/fhir+json", body).status();
        if (status == 201) {
          return status;
        }
      } catch (RuntimeException notAnswered) {
        // the instance is down or was killed while answering: send again
      }
      Thread.sleep(500);
    }
    return status;
  }

  private static ProducerRecord<String, byte[]> record(String key, byte[] value) {
    ProducerRecord<String, byte[]> r = new ProducerRecord<>(INBOUND, key, value);
    r.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_JSON.getBytes(StandardCharsets.UTF_8));
    return r;
  }

  /** What the notification topic holds: each notification as created, and the ids escalated (with repeats). */
  private record Notified(Map<String, List<Notification>> firstByAccession, List<Notification> all,
      Map<String, Integer> escalated) {

    static Notified read(String bootstrap) {
      Map<String, List<Notification>> first = new TreeMap<>();
      List<Notification> all = new ArrayList<>();
      Map<String, Integer> escalated = new TreeMap<>();
      for (ConsumerRecord<String, byte[]> r : readAll(bootstrap, Topics.NOTIFICATIONS.name())) {
        String type = header(r, EventHeaders.TYPE);
        if (!EventTypes.NOTIFICATION_CREATED.equals(type) && !EventTypes.NOTIFICATION_ESCALATED.equals(type)) {
          continue;
        }
        Notification n = NotificationCommunications.parse(new String(r.value(), StandardCharsets.UTF_8));
        if (EventTypes.NOTIFICATION_ESCALATED.equals(type)) {
          escalated.merge(n.id(), 1, Integer::sum);
        } else {
          all.add(n);
          if (n.trigger() == Trigger.RESULT) {
            first.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(n);
          }
        }
      }
      return new Notified(first, all, escalated);
    }

    List<Notification> successorsOf(String id) {
      return all.stream().filter(n -> n.trigger() == Trigger.ESCALATION && n.replaces().filter(id::equals).isPresent())
          .toList();
    }
  }

  private void check(String bootstrap, FlakyMailServer smtp, FlakyWebhookReceiver pager, Run run,
      List<ServiceProcess> specimens) throws Exception {
    Set<String> accessions = run.reports().keySet();
    Set<String> urgent = run.reports().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
    // wait until everything has arrived (or the time is up), then read once more after a pause, so that anything
    // sent twice has had time to arrive too
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      Notified notified = Notified.read(bootstrap);
      Map<String, Integer> mails = smtp.messageIds();
      boolean complete = countByKey(bootstrap, Topics.REPORTS_CLASSIFIED.name()).keySet().containsAll(accessions)
          && notified.firstByAccession().keySet().containsAll(accessions)
          && urgent.stream().allMatch(a -> notified.firstByAccession().get(a).stream()
              .allMatch(n -> mailed(mails, n.id()) && pager.accepted().containsKey(n.id() + ":webhook")
                  && notified.escalated().containsKey(n.id())
                  && !notified.successorsOf(n.id()).isEmpty()));
      if (complete) {
        break;
      }
      Thread.sleep(2_000);
    }
    Thread.sleep(5_000);
    // the mails first: a notification is on the topic before anything can mail it, so every one mailed is read below
    // (escalations go on up the chain while this runs)
    Map<String, Integer> mails = smtp.messageIds();
    Map<String, Integer> classified = countByKey(bootstrap, Topics.REPORTS_CLASSIFIED.name());
    Notified notified = Notified.read(bootstrap);
    Map<String, List<Notification>> first = notified.firstByAccession();
    Map<String, Integer> letters = countByKey(bootstrap, Topics.REPORTS_INBOUND_DLQ.name());

    List<String> lostClassified = accessions.stream().filter(a -> !classified.containsKey(a)).toList();
    List<String> twiceClassified = classified.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    List<String> lostNotification = accessions.stream().filter(a -> !first.containsKey(a)).toList();
    List<String> twiceNotified = first.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    List<Notification> urgentFirst = urgent.stream().flatMap(a -> first.getOrDefault(a, List.of()).stream()).toList();
    List<String> lostMail = urgentFirst.stream().filter(n -> !mailed(mails, n.id())).map(Notification::accession).toList();
    Map<String, Integer> pages = pager.accepted();
    List<String> lostPage = urgentFirst.stream().filter(n -> !pages.containsKey(n.id() + ":webhook"))
        .map(Notification::accession).toList();
    long pagesCollapsible = pages.values().stream().mapToInt(n -> n - 1).sum();
    List<String> notEscalated = urgentFirst.stream()
        .filter(n -> notified.escalated().getOrDefault(n.id(), 0) != 1 || notified.successorsOf(n.id()).size() != 1)
        .map(Notification::accession).toList();
    List<String> escalatedTwice = notified.all().stream().filter(n -> notified.successorsOf(n.id()).size() > 1)
        .map(Notification::id).toList();
    long collapsible = mails.values().stream().mapToInt(n -> n - 1).sum();
    Set<String> urgentIds = notified.all().stream().filter(n -> n.priority() == io.pathtrack.contract.Priority.URGENT)
        .map(Notification::id).collect(Collectors.toCollection(TreeSet::new));
    List<String> strayMail = mails.keySet().stream()
        .filter(m -> urgentIds.stream().noneMatch(id -> m.startsWith("<" + id + ".email@"))).toList();

    System.out.println("Faults injected:");
    run.faults().forEach(f -> System.out.println("  " + f));
    System.out.println("| sent | poison dead-lettered | classified | notified | urgent emailed | urgent paged | escalated once | "
        + "resent, collapsed by Message-ID / Idempotency-Key | lost |");
    System.out.printf("| %d | %d of %d | %d | %d | %d of %d | %d of %d | %d of %d | %d / %d | %d |%n", accessions.size(),
        letters.size(), run.poison().size(), classified.size(), first.size(), urgentFirst.size() - lostMail.size(),
        urgent.size(), urgentFirst.size() - lostPage.size(), urgent.size(), urgentFirst.size() - notEscalated.size(),
        urgent.size(), collapsible, pagesCollapsible,
        lostClassified.size() + lostNotification.size() + lostMail.size() + lostPage.size() + notEscalated.size());

    assertThat(lostClassified).as("reports with no classified event").isEmpty();
    assertThat(twiceClassified).as("reports classified twice").isEmpty();
    assertThat(lostNotification).as("results nobody was notified of").isEmpty();
    assertThat(twiceNotified).as("results notified twice (different notifications)").isEmpty();
    assertThat(lostMail).as("urgent results without their email").isEmpty();
    assertThat(lostPage).as("urgent results whose page never reached the pager gateway").isEmpty();
    assertThat(notEscalated).as("unacknowledged urgent results not escalated exactly once").isEmpty();
    assertThat(escalatedTwice).as("notifications escalated to two successors").isEmpty();
    assertThat(strayMail).as("emails for no urgent notification").isEmpty();
    // Every specimen reached its final state, and either instance answers for any of them (from the one holding it).
    for (ServiceProcess instance : specimens) {
      List<String> notReported = accessions.stream().filter(a -> {
        io.pathtrack.testsupport.Http.Response view = io.pathtrack.testsupport.Http.get(
            "http://127.0.0.1:" + instance.port() + "/specimens/" + a, "application/json");
        return view.status() != 200 || !view.body().contains("\"lifecycle\":\"reported\"");
      }).toList();
      assertThat(notReported).as("specimens not reported, as " + instance.name() + " answers").isEmpty();
    }
    // The mail server's outage was felt: emails waited for it (each wait is logged, without the message).
    long waited = 0;
    for (String log : List.of("notify-service.log", "notify-service-2.log")) {
      try (var lines = java.nio.file.Files.lines(dir.resolve(log))) {
        waited += lines.filter(l -> l.contains("The mail server did not take notification")).count();
      }
    }
    System.out.println("emails that waited for the mail server: " + waited + " times");
    assertThat(waited).as("sends that found the mail server down").isPositive();
    assertThat(letters.keySet()).as("the inbound dead letters are exactly the poison records")
        .containsExactlyInAnyOrderElementsOf(run.poison());
    assertThat(letters.values()).as("each poison record dead-lettered once").containsOnly(1);
  }

  private static boolean mailed(Map<String, Integer> messageIds, String notificationId) {
    return messageIds.keySet().stream().anyMatch(m -> m.startsWith("<" + notificationId + ".email@"));
  }

  /** Records on a topic by key, read committed. */
  private static Map<String, Integer> countByKey(String bootstrap, String topic) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ConsumerRecord<String, byte[]> r : readAll(bootstrap, topic)) {
      counts.merge(r.key(), 1, Integer::sum);
    }
    return counts;
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
    return io.pathtrack.testsupport.KafkaProbe.readAll(bootstrap, topic, Duration.ofSeconds(30));
  }

}
