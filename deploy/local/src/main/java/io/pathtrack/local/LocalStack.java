package io.pathtrack.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.Outcome;
import io.pathtrack.identity.IdentityServerApplication;
import io.pathtrack.kafka.embedded.AclList;
import io.pathtrack.kafka.embedded.EmbeddedKafka;
import io.pathtrack.kafka.embedded.EmbeddedKafkaBroker;
import io.pathtrack.kafka.embedded.EmbeddedKafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-command local stack: a real Kafka broker in this JVM, an SMTP sink, the three services and a
 * simulated LIS, with a live one-line summary. Ctrl-C stops everything.
 *
 * <p>Settings (system properties or environment): {@code pathtrack.kafka.port} (9092), {@code pathtrack.kafka.nodes} (1;
 * 3 starts a cluster of three KRaft nodes instead of one broker),
 * {@code pathtrack.smtp.port} (3025), {@code pathtrack.results.port} (8081), {@code pathtrack.specimen.port}
 * (8082), {@code pathtrack.notify.port} (8083), {@code pathtrack.mllp.port} (2575), {@code pathtrack.data.dir}
 * (a fresh temporary directory), {@code pathtrack.instances} (1; 2 or more runs each service as that many instances,
 * each with its own ports and state, the extra ones {@value PathTrackServices#INSTANCE_PORT_STEP} ports apart),
 * {@code pathtrack.lis.interval.ms} (2500), {@code pathtrack.corpus.dir} (../shared/corpus/fhir-r4, used when present).
 *
 * <p>The broker is secured as a cluster is ({@code deploy/kafka/README.md}): each service and the simulated LIS log
 * in with SASL/SCRAM as their own principal, with passwords generated at each start, and may do only what
 * {@code deploy/kafka/acls.tsv} grants them. The administrator's settings, for Kafka's command-line tools, are
 * written to {@code kafka-admin.properties} in the data directory.
 */
public final class LocalStack {
  /** Partitions of every topic when the services run as several instances. */
  static final int PARTITIONS_FOR_INSTANCES = 6;

  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    int kafkaPort = setting("pathtrack.kafka.port", 9092);
    int smtpPort = setting("pathtrack.smtp.port", 3025);
    int resultsPort = setting("pathtrack.results.port", 8081);
    int specimenPort = setting("pathtrack.specimen.port", 8082);
    int notifyPort = setting("pathtrack.notify.port", 8083);
    int mllpSetting = setting("pathtrack.mllp.port", 2575);
    int identityPort = setting("pathtrack.identity.port", 9000);
    String dataSetting = text("pathtrack.data.dir", null);
    Path data = dataSetting == null ? Files.createTempDirectory("pathtrack-local-") : Path.of(dataSetting);
    Path corpus = findCorpus(text("pathtrack.corpus.dir", null));

    System.out.println("PathTrack local stack: starting Kafka, SMTP, the identity server and the three services (data in "
        + data + ")…");
    String issuer = "http://localhost:" + identityPort;
    int instances = setting("pathtrack.instances", 1);
    java.util.List<String> identityArgs = new java.util.ArrayList<>(java.util.List.of("--server.port=" + identityPort,
        "--logging.level.root=WARN"));
    identityArgs.addAll(pageAddresses(instances, specimenPort, notifyPort));
    ConfigurableApplicationContext identity = IdentityServerApplication.builder().profiles("local")
        .run(identityArgs.toArray(String[]::new));
    int kafkaNodes = setting("pathtrack.kafka.nodes", 1);
    // One broker, or a cluster of KRaft nodes replicating every topic 3 times with min.insync.replicas 2.
    // Several instances share the work by partition: each topic gets a few, alike so the streams stay co-partitioned.
    String partitions = String.valueOf(instances > 1 ? PARTITIONS_FOR_INSTANCES : 1);
    EmbeddedKafka broker = kafkaNodes == 1
        ? EmbeddedKafkaBroker.builder().brokerPort(kafkaPort).dataDirectory(data.resolve("kafka")).sasl()
            .brokerProperty("num.partitions", partitions).build().start()
        : EmbeddedKafkaCluster.start(kafkaNodes, data.resolve("kafka-cluster"), AclList.load(),
            node -> node.brokerProperty("num.partitions", partitions));
    Path adminConfig = writeAdminConfig(broker, data);
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    PathTrackServices services = PathTrackServices.start(new PathTrackServices.Settings(
        broker.bootstrapServers(), "127.0.0.1", smtpPort, resultsPort, specimenPort, notifyPort,
        data.resolve("streams"), Map.of("logging.level.root", "WARN", "logging.level.org.apache.kafka", "ERROR",
            "pathtrack.results.mllp.port", mllpSetting, "pathtrack.security.issuer-uri", issuer))
        .withKafkaLogins(broker.securityProtocol(), broker::password), instances);
    int mllpPort = Integer.parseInt(services.results().getEnvironment().getProperty("local.mllp.port",
        services.results().getEnvironment().getProperty("pathtrack.results.mllp.port", "2575")));
    SimulatedLis lis = new SimulatedLis(broker.clientProperties("lis"),
        io.pathtrack.guard.security.ServiceToken.of(issuer, "lis", "lis-secret", "system/DiagnosticReport.c system/Specimen.cru system/ServiceRequest.c",
            java.time.Clock.systemUTC()), specimenPort, resultsPort, mllpPort, corpus);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("\nStopping…");
      long begun = System.nanoTime();
      // In this order: nothing new comes in, the services finish and commit while the broker still runs, then the rest.
      lis.close();
      services.close();
      long servicesStopped = System.nanoTime();
      smtp.stop();
      identity.close();
      broker.close();
      System.out.printf("Stopped in %.1f s (the services in %.1f s, then the broker)%n",
          (System.nanoTime() - begun) / 1e9, (servicesStopped - begun) / 1e9);
      stopped.countDown();
    }, "local-stack-stop"));

    System.out.println();
    System.out.println((kafkaNodes == 1 ? "Kafka broker      " : "Kafka cluster     ") + broker.bootstrapServers()
        + (kafkaNodes == 1 ? "" : "   (" + kafkaNodes + " KRaft nodes, replication 3, min.insync.replicas 2)")
        + "   (" + broker.securityProtocol() + ", "
        + broker.saslMechanism() + ": each service and the LIS log in as their own principal, ACLs of deploy/kafka/acls.tsv)");
    System.out.println("Kafka admin       --command-config " + adminConfig + "   (for Kafka's command-line tools)");
    System.out.println("SMTP sink         127.0.0.1:" + smtpPort);
    System.out.println("identity (OIDC)   " + issuer + "   (development users dr-lee, dr-patel, … lab-manager, results-desk "
        + "/ pathtrack; clients lis/lis-secret, ehr/ehr-secret, pathtrack-web; README, Security)");
    System.out.println("results-service   http://localhost:" + resultsPort + "/fhir/metadata   (POST /fhir/DiagnosticReport)");
    System.out.println("HL7 v2 MLLP       localhost:" + mllpPort
        + "   (ORU^R01; see README for a one-line send)");
    System.out.println("specimen-service  http://localhost:" + specimenPort + "/fhir/Specimen/S26-00001   and /specimens/open");
    System.out.println("notify-service    http://localhost:" + notifyPort + "/notifications   and /audit?about=DiagnosticReport/<id>");
    System.out.println("physician pages   http://localhost:" + notifyPort + "/ui/notifications   (in a browser: sign in as "
        + "dr-lee / pathtrack; README, Pages)");
    System.out.println("lab pages         http://localhost:" + specimenPort + "/ui/board   (turnaround board and compliance; "
        + "sign in as lab-manager / pathtrack)");
    System.out.println("health, metrics   http://localhost:" + managementPort(services.results()) + "/actuator/prometheus   "
        + "(management ports " + managementPort(services.results()) + ", " + managementPort(services.specimen()) + ", "
        + managementPort(services.notifications()) + "; every other call needs a bearer token)");
    if (instances > 1) {
      System.out.println("instances         " + instances + " of each service, each with its own state; the others on ports "
          + otherPorts(instances, resultsPort) + ", " + otherPorts(instances, specimenPort) + ", " + otherPorts(instances, notifyPort)
          + " (any instance answers any read; README, Several instances)");
    }
    System.out.println("simulated LIS     one case every " + text("pathtrack.lis.interval.ms", "2500") + " ms (FHIR REST, Kafka, HL7 v2)"
        + (lis.usesCorpus() ? ", with example reports from " + corpus : ""));
    System.out.println("Ctrl-C stops everything.");
    System.out.println();

    lis.start(Duration.ofMillis(setting("pathtrack.lis.interval.ms", 2500)));
    java.util.List<MeterRegistry> meters = services.instances(PathTrackServices.RESULTS).stream()
        .map(c -> c.getBean(MeterRegistry.class)).toList();
    Map<String, ConfigurableApplicationContext> contexts = new java.util.LinkedHashMap<>();
    for (String service : java.util.List.of(PathTrackServices.RESULTS, PathTrackServices.SPECIMEN, PathTrackServices.NOTIFY)) {
      java.util.List<ConfigurableApplicationContext> all = services.instances(service);
      for (int i = 0; i < all.size(); i++) {
        contexts.put(all.size() == 1 ? service : service + "#" + (i + 1), all.get(i));
      }
    }
    while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
      System.out.print("\r" + summary(meters, smtp) + health(contexts));
      System.out.flush();
    }
  }

  /**
   * Dead letters of every service, and any service whose liveness probe is DOWN: in one process nobody restarts
   * a stopped stream, so the line says so rather than go on counting as if all were well.
   */
  static String health(Map<String, ConfigurableApplicationContext> contexts) {
    long deadLetters = 0;
    java.util.List<String> down = new java.util.ArrayList<>();
    for (Map.Entry<String, ConfigurableApplicationContext> e : new java.util.TreeMap<>(contexts).entrySet()) {
      deadLetters += count(e.getValue().getBean(MeterRegistry.class), "pathtrack.dead.letters", Map.of());
      if (!live(e.getValue())) {
        down.add(e.getKey());
      }
    }
    return "| dead letters " + deadLetters + (down.isEmpty() ? " | all live   " : " | DOWN: " + String.join(", ", down) + "   ");
  }

  private static String managementPort(ConfigurableApplicationContext context) {
    return context.getEnvironment().getProperty("local.management.port", context.getEnvironment().getProperty("local.server.port"));
  }

  private static boolean live(ConfigurableApplicationContext context) {
    String port = managementPort(context);
    try {
      var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
          .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The results-service counters, summed over its instances. */
  static String summary(java.util.List<MeterRegistry> meters, GreenMail smtp) {
    StringBuilder line = new StringBuilder("reports in ").append(count(meters, "pathtrack.reports.received", Map.of()));
    line.append(" | classified");
    for (Outcome o : Outcome.values()) {
      line.append(' ').append(o.code()).append(' ')
          .append(count(meters, "pathtrack.reports.classified", Map.of("outcome", o.code())));
    }
    line.append(" | rejected ").append(count(meters, "pathtrack.reports.rejected", Map.of()));
    line.append(" | emails sent ").append(smtp.getReceivedMessages().length).append(' ');
    return line.toString();
  }

  private static long count(java.util.List<MeterRegistry> meters, String name, Map<String, String> tags) {
    return meters.stream().mapToLong(m -> count(m, name, tags)).sum();
  }

  /**
   * The identity server's page addresses, when the pages are served by more than one instance of a service: every
   * instance's sign-in and signed-out addresses (the development seed lists only the usual ports).
   */
  static java.util.List<String> pageAddresses(int instances, int specimenPort, int notifyPort) {
    java.util.List<String> args = new java.util.ArrayList<>();
    if (instances <= 1) {
      return args;
    }
    int n = 0;
    for (int i = 0; i < instances; i++) {
      for (int port : new int[] {notifyPort + i * PathTrackServices.INSTANCE_PORT_STEP,
          specimenPort + i * PathTrackServices.INSTANCE_PORT_STEP}) {
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
          args.add("--pathtrack.identity.web-redirect-uris[" + n + "]=http://" + host + ":" + port
              + "/login/oauth2/code/pathtrack-web");
          args.add("--pathtrack.identity.web-post-logout-redirect-uris[" + n + "]=http://" + host + ":" + port + "/ui/signed-out");
          n++;
        }
      }
    }
    return args;
  }

  private static String otherPorts(int instances, int first) {
    return java.util.stream.IntStream.range(1, instances).mapToObj(i -> String.valueOf(first + i * PathTrackServices.INSTANCE_PORT_STEP))
        .collect(java.util.stream.Collectors.joining("/"));
  }

  private static long count(MeterRegistry meters, String name, Map<String, String> tags) {
    var search = meters.find(name);
    for (Map.Entry<String, String> t : tags.entrySet()) {
      search = search.tag(t.getKey(), t.getValue());
    }
    return (long) search.counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /**
   * The administrator's client settings, for Kafka's command-line tools ({@code --command-config},
   * {@code --consumer.config}); readable by this user only, and as short-lived as the broker's password.
   */
  private static Path writeAdminConfig(EmbeddedKafka broker, Path data) throws java.io.IOException {
    Path file = data.resolve("kafka-admin.properties");
    Files.deleteIfExists(file);
    Files.createFile(file);
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own permissions apply
    }
    java.util.Properties admin = new java.util.Properties();
    admin.putAll(broker.clientProperties(EmbeddedKafkaBroker.ADMIN));
    try (var out = Files.newBufferedWriter(file)) {
      admin.store(out, "PathTrack local stack: Kafka's administrator, valid while this broker runs");
    }
    return file;
  }

  static Path findCorpus(String configured) {
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path candidate : new Path[] {Path.of("../shared/corpus/fhir-r4"), Path.of("../../shared/corpus/fhir-r4"),
        Path.of("../../../shared/corpus/fhir-r4")}) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    return null;
  }

  private static int setting(String name, int fallback) {
    return Integer.parseInt(text(name, String.valueOf(fallback)));
  }

  private static String text(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase().replace('.', '_'));
    }
    return value == null ? fallback : value;
  }
}
