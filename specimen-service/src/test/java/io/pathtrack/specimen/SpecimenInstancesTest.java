package io.pathtrack.specimen;

import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.Topics;
import io.pathtrack.kafka.embedded.EmbeddedKafkaBroker;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.TestIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of specimen-service on a broker of their own whose topics have four partitions, so each instance
 * owns about half the accessions: every read answers from either instance (forwarded to the owner with the
 * service's own token), listings gather both halves and are filtered for the person asking, and when one instance
 * stops without leaving the group, its accessions are read from the standby replica on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpecimenInstancesTest {
  private static final int PARTITIONS = 4;
  private static final List<String> ACCESSIONS = IntStream.range(0, 12).mapToObj(i -> "SP-INST-" + i).toList();

  @TempDir
  static Path stateA;
  @TempDir
  static Path stateB;

  private static EmbeddedKafkaBroker broker;
  private static SpecimenServiceHarness a;
  private static SpecimenServiceHarness b;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.builder().start();
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (Admin client = Admin.create(admin)) {
      client.createTopics(List.of(new NewTopic(Topics.SPECIMENS.name(), PARTITIONS, (short) 1),
          new NewTopic(Topics.REPORTS_CLASSIFIED.name(), PARTITIONS, (short) 1),
          new NewTopic(Topics.SLA_EVENTS.name(), PARTITIONS, (short) 1))).all().get();
    }
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    a = new SpecimenServiceHarness(clock, stateA, broker.bootstrapServers(), instance(freePort())).start();
    b = new SpecimenServiceHarness(clock, stateB, broker.bootstrapServers(), instance(freePort())).start();
    for (int i = 0; i < ACCESSIONS.size(); i++) {
      (i % 2 == 0 ? a : b).register(specimen(ACCESSIONS.get(i)).procedure(ProcedureType.US_CORE_NEEDLE)
          .orderedBy(i % 3 == 0 ? "Practitioner/dr-lee" : "Practitioner/dr-novak").received(clock.instant()).build());
    }
  }

  /** One instance's settings: its own port, advertised as where the other reaches it, and the service's client. */
  private static List<String> instance(int port) {
    return List.of("--server.port=" + port, "--pathtrack.instances.advertised-address=127.0.0.1:" + port,
        "--pathtrack.instances.client-id=specimen-service", "--pathtrack.instances.client-secret=specimen-service-secret",
        "--spring.cloud.stream.kafka.streams.binder.configuration.num.standby.replicas=1");
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Order(1)
  void everySpecimenReadsFromEitherInstanceAndEachOwnsSome() {
    for (String accession : ACCESSIONS) {
      for (SpecimenServiceHarness instance : List.of(a, b)) {
        Http.Response read = instance.read(accession);
        assertThat(read.status()).as(accession + " from " + instance.base() + ": " + read.body()).isEqualTo(200);
        assertThat(read.body()).contains(accession);
      }
    }
    // Each asked the other for what it does not own: both own part of the accessions.
    assertThat(counter(a.metrics(), "pathtrack_state_peer_calls_total", "outcome=\"answered\"")).isPositive();
    assertThat(counter(b.metrics(), "pathtrack_state_peer_calls_total", "outcome=\"answered\"")).isPositive();
    assertThat(a.read("SP-INST-NONE").status()).isEqualTo(404);
    assertThat(b.read("SP-INST-NONE").status()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void listingsGatherBothInstancesAndShowEachPersonTheirOwn() {
    for (SpecimenServiceHarness instance : List.of(a, b)) {
      assertThat(instance.open()).extracting(v -> (String) v.get("accession")).containsAll(ACCESSIONS);
      String lee = Http.get(instance.base() + "/fhir/Specimen?status=received", "application/fhir+json",
          Map.of("Authorization", "Bearer " + TestIdentity.shared().userToken("dr-lee"))).body();
      for (int i = 0; i < ACCESSIONS.size(); i++) {
        String id = "\"id\":\"" + ACCESSIONS.get(i) + "\"";
        if (i % 3 == 0) {
          assertThat(lee).contains(id);
        } else {
          assertThat(lee).doesNotContain(id);
        }
      }
    }
  }

  @Test
  @Order(2)
  void thePeerEndpointRefusesBadParametersAndSaysWhatItDoesNotHold() {
    Map<String, String> service = Map.of("Authorization", "Bearer " + TestIdentity.shared().clientToken("specimen-service"));
    for (String query : List.of("", "?partitions=", "?partitions=a", "?partitions=1,,2", "?partitions=99999",
        "?partitions=-1", "?partitions=0&stale=maybe")) {
      Http.Response answer = Http.get(a.base() + "/internal/state/specimens" + query, "application/json", service);
      assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("OperationOutcome").doesNotContain("99999");
    }
    assertThat(Http.get(a.base() + "/internal/state/specimens/SP-INST-0", "application/json", service).status()).isEqualTo(400);
    // A partition the topic does not have is held by nobody: 503, so the asking instance tries elsewhere.
    assertThat(Http.get(a.base() + "/internal/state/specimens?partitions=" + (PARTITIONS + 5), "application/json", service)
        .status()).isEqualTo(503);
  }

  @Test
  @Order(4)
  void whenAnInstanceStopsItsAccessionsAreReadFromTheStandbyOnTheOther() {
    // The standby replicas have caught up once every record reads from a's own copy: b is still up here.
    b.close();
    // b left without leaving the group: until the broker notices, b still owns its partitions and does not answer.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (String accession : ACCESSIONS) {
        Http.Response read = a.read(accession);
        assertThat(read.status()).as(accession + ": " + read.body()).isEqualTo(200);
      }
      assertThat(a.open()).extracting(v -> (String) v.get("accession")).containsAll(ACCESSIONS);
    });
    assertThat(counter(a.metrics(), "pathtrack_state_standby_reads_total", "store=\"specimen-store\"")).isPositive();
  }

  private static double counter(String metrics, String name, String label) {
    return io.pathtrack.testsupport.PrometheusText.sum(metrics, name, label);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
