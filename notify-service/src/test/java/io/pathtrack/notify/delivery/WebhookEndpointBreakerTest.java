package io.pathtrack.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.notify.ChannelProperties;
import io.pathtrack.notify.delivery.RecordingReceiver.Response;
import io.pathtrack.testsupport.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A webhook endpoint that keeps failing is not called for a while, and only it (real HTTP receivers, real breakers). */
class WebhookEndpointBreakerTest {
  private static final String SECRET = "s3cret-shared-with-the-pager-gateway";
  private static final ChannelProperties.Webhook SETTINGS = new ChannelProperties.Webhook(Duration.ofSeconds(2),
      Duration.ofSeconds(5), new ChannelProperties.Retry(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)),
      new ChannelProperties.Breaker(10, 4, 50, Duration.ofSeconds(30)));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:15:30Z"));
  private final EndpointBreakers breakers = new EndpointBreakers(SETTINGS.breaker(), clock);
  private final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
  /** The production publisher, to the dead-letter topic of the test broker, counting what it writes. */
  private final WebhookChannel channel = new WebhookChannel(SETTINGS, URI.create("https://pathtrack.example"),
      DeadLetterTopic.publisher(meters), clock, breakers);

  private double deadLetters(String reason) {
    var counter = meters.find("pathtrack.dead.letters").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void anEndpointThatKeepsFailingIsNotCalledForAWhileThenTriedOnceAndUsedAgainWhenItAnswers() {
    try (RecordingReceiver pager = new RecordingReceiver("/hook", Response.of(503))) {
      WebhookEndpoint endpoint = new WebhookEndpoint(pager.url("/hook"), SECRET);
      // three failed attempts: too few calls to judge the endpoint
      assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), endpoint))
          .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.attempts()).isEqualTo(3));
      assertThat(breakers.unavailable()).isZero();
      // the fourth failed call opens it: the retry that would follow is not made
      assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), endpoint))
          .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.attempts()).isEqualTo(1))
          .hasMessageContaining("is unavailable");
      assertThat(pager.received()).hasSize(4);
      assertThat(breakers.unavailable()).isEqualTo(1);

      // while open: refused at once, the endpoint is not called
      for (int i = 0; i < 5; i++) {
        assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), endpoint))
            .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.attempts()).isZero())
            .hasMessageContaining("not called").hasMessageContaining("tried again after 30 s");
      }
      assertThat(pager.received()).hasSize(4);

      // still down after the wait: one trial call, then open again
      clock.advance(Duration.ofSeconds(31));
      assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), endpoint))
          .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.attempts()).isEqualTo(1));
      assertThat(pager.received()).hasSize(5);
      assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), endpoint))
          .hasMessageContaining("not called");
    }
  }

  @Test
  void anEndpointBackAfterTheWaitIsUsedAgain() {
    try (RecordingReceiver pager = new RecordingReceiver("/hook", Response.of(503), Response.of(503),
        Response.of(503), Response.of(503), Response.of(204))) {
      WebhookEndpoint endpoint = new WebhookEndpoint(pager.url("/hook"), SECRET);
      assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), endpoint));
      assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), endpoint)).hasMessageContaining("is unavailable");
      assertThat(breakers.unavailable()).isEqualTo(1);

      clock.advance(Duration.ofSeconds(31));
      assertThat(channel.send(TestNotifications.urgentMalignant(), endpoint)).isEqualTo(new WebhookChannel.Delivery(204, 1));
      assertThat(breakers.unavailable()).isZero();
      for (int i = 0; i < 3; i++) {
        assertThat(channel.send(TestNotifications.urgentMalignant(), endpoint).status()).isEqualTo(204);
      }
      assertThat(pager.received()).hasSize(8);
    }
  }

  @Test
  void oneEndpointDownLeavesTheOthersAlone() {
    try (RecordingReceiver down = new RecordingReceiver("/hook", Response.of(500));
        RecordingReceiver up = new RecordingReceiver("/hook", Response.of(204))) {
      WebhookEndpoint broken = new WebhookEndpoint(down.url("/hook"), SECRET);
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), broken));
      }
      assertThat(breakers.unavailable()).isEqualTo(1);
      assertThat(channel.send(TestNotifications.urgentMalignant(), new WebhookEndpoint(up.url("/hook"), SECRET)).status())
          .isEqualTo(204);
      // each delivery that failed is a dead letter the alert counts: two after their retries, one not called at all
      assertThat(deadLetters("delivery:webhook")).isEqualTo(2);
      assertThat(deadLetters("delivery:webhook-unavailable")).isEqualTo(1);
      // no traffic after the wait: no longer counted as unavailable (the next delivery makes the trial call)
      clock.advance(Duration.ofSeconds(31));
      assertThat(breakers.unavailable()).isZero();
    }
  }

  @Test
  void aReceiverRefusingMessagesIsUpAndKeepsBeingCalled() {
    try (RecordingReceiver strict = new RecordingReceiver("/hook", Response.of(400))) {
      WebhookEndpoint endpoint = new WebhookEndpoint(strict.url("/hook"), SECRET);
      for (int i = 0; i < 8; i++) {
        assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), endpoint)).hasMessageContaining("HTTP 400");
      }
      assertThat(strict.received()).hasSize(8);
      assertThat(breakers.unavailable()).isZero();
    }
  }
}
