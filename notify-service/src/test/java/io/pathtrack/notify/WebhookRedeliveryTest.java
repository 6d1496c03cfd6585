package io.pathtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Topics;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pager (webhook) that is down when an urgent result is sent gets it when it is back: the dead-lettered delivery is
 * tried again every interval from its letter, with the notification's own Idempotency-Key, until it goes through; not
 * when the notification was acknowledged meanwhile; and given up, counted and audited, after its time. On the real
 * broker, with a real HTTP receiver, the service's clock moved by the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookRedeliveryTest {
  private static final Duration INTERVAL = Duration.ofMinutes(1);

  @TempDir
  static Path state;

  private static GreenMail smtp;
  private static RecordingReceiver pager;
  private static MutableClock clock;
  private static NotifyServiceHarness service;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    pager = new RecordingReceiver("/pager", RecordingReceiver.Response.of(503));
    clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    // A group of its own, from the topic's end: the dead letters other tests left on the shared broker (their clocks
    // elsewhere) are not this test's.
    String group = "notify-webhook-redelivery-" + java.util.UUID.randomUUID();
    service = new NotifyServiceHarness(clock, smtp, state, pager.url("/pager"), List.of(
        "--spring.cloud.stream.bindings.redeliverWebhooks-in-0.group=" + group,
        "--spring.cloud.stream.kafka.bindings.redeliverWebhooks-in-0.consumer.start-offset=latest",
        "--pathtrack.notify.channels.webhook.retry.max-attempts=2",
        "--pathtrack.notify.channels.webhook.redelivery.interval=" + INTERVAL.toSeconds() + "s",
        "--pathtrack.notify.channels.webhook.redelivery.give-up-after=10m")).start();
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        Map.<String, Object>of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, service.bootstrap))) {
      await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeConsumerGroups(List.of(group)).all().get()
          .get(group).members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty()));
    }
  }

  @AfterAll
  static void stop() {
    service.close();
    pager.close();
    smtp.stop();
  }

  @Test
  @Order(1)
  void aPagerThatWasDownGetsTheAlertWhenItIsBack() {
    // down for the two attempts and the first try again, then back
    pager.answer(RecordingReceiver.Response.of(503), RecordingReceiver.Response.of(503), RecordingReceiver.Response.of(503),
        RecordingReceiver.Response.of(200));
    String id = urgentFor("N-RDL-1");
    await().atMost(Duration.ofSeconds(30)).until(() -> letters(id).size() == 1);
    assertThat(calls(id)).hasSize(2);

    clock.advance(INTERVAL.plusSeconds(1));
    // tried once more, failed: the letter is written again, when it first failed kept
    await().atMost(Duration.ofSeconds(30)).until(() -> letters(id).size() == 2);
    assertThat(calls(id)).hasSize(3);
    assertThat(KafkaProbe.header(letters(id).get(1), EventHeaders.FIRST_FAILED)).isNotBlank();

    clock.advance(INTERVAL.plusSeconds(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> calls(id).size() == 4);
    assertThat(calls(id).get(3).answeredWith()).isEqualTo(200);
    assertThat(calls(id)).extracting(c -> c.header("Idempotency-Key")).containsOnly(id + ":webhook");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        Http.get(service.base() + "/audit?about=DiagnosticReport/r-N-RDL-1").body()).contains("tried again"));
    assertThat(counter("pathtrack_webhook_redeliveries_total", "outcome=\"sent\"")).isEqualTo(1);
    assertThat(counter("pathtrack_webhook_redeliveries_total", "outcome=\"later\"")).isEqualTo(1);
    // done with: no further call and no further letter, however long
    clock.advance(INTERVAL.multipliedBy(3));
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(calls(id)).hasSize(4);
    assertThat(letters(id)).hasSize(2);
  }

  @Test
  @Order(2)
  void anAcknowledgedNotificationIsNotPagedAgain() {
    pager.answer(RecordingReceiver.Response.of(503));
    String id = urgentFor("N-RDL-2");
    await().atMost(Duration.ofSeconds(30)).until(() -> letters(id).size() == 1);
    assertThat(service.acknowledge(id, "Practitioner/dr-mal").status()).isEqualTo(202);
    service.awaitNotifications("N-RDL-2", l -> l.stream().anyMatch(n -> "acknowledged".equals(n.get("state"))));
    int before = calls(id).size();

    clock.advance(INTERVAL.plusSeconds(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> counter("pathtrack_webhook_redeliveries_total", "outcome=\"closed\"") >= 1);
    assertThat(calls(id)).hasSize(before);
    assertThat(letters(id)).hasSize(1);
  }

  @Test
  @Order(3)
  void aDeliveryStillFailingAfterItsTimeIsGivenUpCountedAndAudited() {
    pager.answer(RecordingReceiver.Response.of(503));
    String id = urgentFor("N-RDL-3");
    await().atMost(Duration.ofSeconds(30)).until(() -> letters(id).size() == 1);
    double deadLetters = counter("pathtrack_dead_letters_total", "delivery:webhook-given-up");

    clock.advance(Duration.ofMinutes(11));
    await().atMost(Duration.ofSeconds(30)).until(() -> letters(id).size() == 2);
    ConsumerRecord<String, byte[]> last = letters(id).get(1);
    assertThat(KafkaProbe.header(last, EventHeaders.REDELIVERY)).isEqualTo("given-up");
    assertThat(KafkaProbe.header(last, EventHeaders.LAST_ERROR)).contains("not delivered within");
    assertThat(counter("pathtrack_dead_letters_total", "delivery:webhook-given-up")).isEqualTo(deadLetters + 1);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        Http.get(service.base() + "/audit?about=DiagnosticReport/r-N-RDL-3").body()).contains("given up"));
    // a given-up letter is final
    clock.advance(INTERVAL.multipliedBy(3));
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(letters(id)).hasSize(2);
  }

  /** An urgent result for dr-mal, whose pager is the receiver; the id of the notification. */
  private static String urgentFor(String accession) {
    service.report(accession, Outcome.MALIGNANT, "v1", "Practitioner/dr-mal", null, false);
    List<Map<String, Object>> notes = service.awaitNotifications(accession, l -> !l.isEmpty());
    return (String) notes.get(0).get("id");
  }

  private static List<RecordingReceiver.Request> calls(String id) {
    return pager.received().stream().filter(r -> (id + ":webhook").equals(r.header("Idempotency-Key"))).toList();
  }

  private static List<ConsumerRecord<String, byte[]>> letters(String id) {
    return KafkaProbe.readAll(service.bootstrap, Topics.NOTIFICATIONS_DLQ.name()).stream()
        .filter(r -> id.equals(KafkaProbe.header(r, EventHeaders.NOTIFICATION_ID))).toList();
  }

  private static double counter(String name, String label) {
    return io.pathtrack.testsupport.PrometheusText.sum(
        Http.get(service.management() + "/actuator/prometheus", "text/plain").body(), name, label);
  }
}
