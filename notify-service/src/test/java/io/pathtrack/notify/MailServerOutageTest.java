package io.pathtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.Outcome;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail server down for longer than any quick retry: the running service (its real dispatcher binding, not a
 * container built for the test) keeps the email until the server is back, then sends it once; meanwhile its delivery
 * health is DOWN and the failed batches are counted.
 */
class MailServerOutageTest {

  @Test
  void anEmailWaitsForTheMailServerHoweverManyTriesItTakes(@TempDir Path state) throws Exception {
    GreenMail before = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    before.start();
    int port = before.getSmtp().getPort();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    GreenMail after = null;
    try (RecordingReceiver pager = new RecordingReceiver("/pager", RecordingReceiver.Response.of(200));
        NotifyServiceHarness service = new NotifyServiceHarness(clock, before, state, pager.url("/pager"), List.of(
            "--pathtrack.notify.dispatcher.retry.initial-delay=100ms",
            "--pathtrack.notify.dispatcher.retry.max-delay=500ms")).start()) {
      before.stop();
      service.report("N-OUT-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-rst", null, false);
      // well past the three tries a binding makes by default before it logs and drops what failed
      await().atMost(Duration.ofSeconds(60)).until(() -> counter(service, "pathtrack_delivery_batches_failed_total") >= 8);
      assertThat(Http.get(service.management() + "/actuator/health", "application/json").body()).contains("DOWN");
      after = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      after.start();
      GreenMail server = after;
      await().atMost(Duration.ofSeconds(30)).until(() -> to(server, "rst@hospital.example").size() == 1);
      service.awaitNotifications("N-OUT-1", l -> l.stream().anyMatch(n -> "sent".equals(n.get("state"))));
      await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
      assertThat(to(server, "rst@hospital.example")).hasSize(1);
    } finally {
      if (after != null) {
        after.stop();
      }
    }
  }

  private static List<MimeMessage> to(GreenMail server, String address) {
    return Arrays.stream(server.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).toList();
  }

  private static double counter(NotifyServiceHarness service, String name) {
    return io.pathtrack.testsupport.PrometheusText.sum(
        Http.get(service.management() + "/actuator/prometheus", "text/plain").body(), name, "");
  }
}
