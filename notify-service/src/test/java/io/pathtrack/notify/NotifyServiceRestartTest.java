package io.pathtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Topics;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart, and a notification event delivered again after it, send no second email. */
class NotifyServiceRestartTest {

  @Test
  void restartAndRedeliveryDoNotSendTheSameAlertTwice(@TempDir Path state) throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    try (RecordingReceiver pager = new RecordingReceiver("/pager", RecordingReceiver.Response.of(200))) {
      try (NotifyServiceHarness first = new NotifyServiceHarness(clock, smtp, state, pager.url("/pager")).start()) {
        first.report("N-RST-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-rst", null, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.mailTo("rst@hospital.example").size() == 1);
        first.awaitNotifications("N-RST-1", l -> l.stream().anyMatch(n -> "sent".equals(n.get("state"))));
      }
      try (NotifyServiceHarness second = new NotifyServiceHarness(clock, smtp, state, pager.url("/pager")).start()) {
        // The created event comes again, as it would if the first instance had died before committing it.
        ConsumerRecord<String, byte[]> created = KafkaProbe.readAll(second.bootstrap, Topics.NOTIFICATIONS.name()).stream()
            .filter(r -> "N-RST-1".equals(r.key())
                && EventTypes.NOTIFICATION_CREATED.equals(KafkaProbe.header(r, EventHeaders.TYPE)))
            .findFirst().orElseThrow();
        KafkaProbe.send(second.bootstrap, Topics.NOTIFICATIONS.name(), created.key(), created.value(),
            Map.of(EventHeaders.TYPE, EventTypes.NOTIFICATION_CREATED, EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_JSON));
        // The same report event again, too: the engine has already notified that version.
        second.report("N-RST-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-rst", null, false);
        // Something new still flows after the restart.
        second.report("N-RST-2", Outcome.MALIGNANT, "v1", "Practitioner/dr-rst", null, false);
        await().atMost(Duration.ofSeconds(90)).until(() -> second.mailTo("rst@hospital.example").size() >= 2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(second.mailTo("rst@hospital.example")).hasSize(2);
      }
    } finally {
      smtp.stop();
    }
  }
}
