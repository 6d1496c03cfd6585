package io.pathtrack.notify.delivery;

import io.pathtrack.notify.ChannelProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.notify.delivery.RecordingReceiver.Response;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.testsupport.KafkaProbe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookChannelTest {
  private static final String SECRET = "s3cret-shared-with-the-pager-gateway";
  private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
  private static final ChannelProperties.Webhook FAST = new ChannelProperties.Webhook(Duration.ofSeconds(2),
      Duration.ofSeconds(5), new ChannelProperties.Retry(3, Duration.ofMillis(50), 2.0, Duration.ofMillis(500)),
      // the breaker never opens here (WebhookEndpointBreakerTest): the tests share one channel and ports get reused
      new ChannelProperties.Breaker(100, 100, 100, Duration.ofSeconds(30)));

  private static WebhookChannel channel;

  @BeforeAll
  static void channel() {
    channel = new WebhookChannel(FAST, URI.create("https://pathtrack.example"), DeadLetterTopic.publisher(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void signatureVerifiesWithTheSharedSecretAndTheIdempotencyKeyIsSent() throws Exception {
    Notification n = TestNotifications.urgentMalignant();
    try (RecordingReceiver pager = new RecordingReceiver("/hook", Response.of(204))) {
      WebhookChannel.Delivery delivery = channel.send(n, new WebhookEndpoint(pager.url("/hook"), SECRET));

      assertThat(delivery).isEqualTo(new WebhookChannel.Delivery(204, 1));
      RecordingReceiver.Request request = pager.received().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.header("X-PathTrack-Signature")).isEqualTo("sha256=" + hmacSha256(request.body(), SECRET));
      assertThat(request.header("X-PathTrack-Signature")).isNotEqualTo("sha256=" + hmacSha256(request.body(), "another"));
      assertThat(request.header("Idempotency-Key")).isEqualTo(n.id() + ":webhook");
      assertThat(request.header("X-PathTrack-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }
  }

  @Test
  void bodyHoldsReferencePriorityStateAndLinkButNoDiagnosisPatientOrAccession() throws Exception {
    Notification n = TestNotifications.urgentMalignant();
    try (RecordingReceiver pager = new RecordingReceiver("/hook", Response.of(200))) {
      channel.send(n, new WebhookEndpoint(pager.url("/hook"), SECRET));

      String body = pager.received().get(0).bodyText();
      JsonNode json = JsonMapper.builder().build().readTree(body);
      assertThat(json.get("id").asString()).isEqualTo(n.id());
      assertThat(json.get("priority").asString()).isEqualTo("urgent");
      assertThat(json.get("state").asString()).isEqualTo("created");
      assertThat(json.get("link").asString()).isEqualTo("https://pathtrack.example/ui/notifications/" + n.id());
      assertThat(json.get("timestamp").asLong()).isEqualTo(NOW.getEpochSecond());
      for (String word : TestNotifications.phi()) {
        assertThat(body).doesNotContainIgnoringCase(word);
      }
    }
  }

  @Test
  void serverErrorThenSuccessGivesExactlyOneSuccessfulDeliveryAfterARetry() {
    Notification n = TestNotifications.urgentMalignant();
    try (RecordingReceiver pager = new RecordingReceiver("/hook", Response.of(500), Response.of(200))) {
      WebhookChannel.Delivery delivery = channel.send(n, new WebhookEndpoint(pager.url("/hook"), SECRET));

      assertThat(delivery).isEqualTo(new WebhookChannel.Delivery(200, 2));
      assertThat(pager.received()).extracting(RecordingReceiver.Request::answeredWith).containsExactly(500, 200);
      // The retry is the same request: same body, signature and idempotency key.
      assertThat(pager.received()).extracting(r -> r.header("Idempotency-Key")).containsOnly(n.id() + ":webhook");
      assertThat(pager.received().get(1).body()).isEqualTo(pager.received().get(0).body());
    }
  }

  @ParameterizedTest(name = "{0} is retried")
  @ValueSource(ints = {502, 503, 408, 429})
  void transientStatusesAreRetried(int status) {
    try (RecordingReceiver pager = new RecordingReceiver("/hook", Response.of(status), Response.of(200))) {
      assertThat(channel.send(TestNotifications.urgentMalignant(), new WebhookEndpoint(pager.url("/hook"), SECRET)))
          .isEqualTo(new WebhookChannel.Delivery(200, 2));
    }
  }

  @Test
  void receiverAlwaysFailingIsDeadLetteredWithTheLastStatusAndAttemptCount() {
    Notification n = TestNotifications.urgentMalignant();
    try (RecordingReceiver pager = new RecordingReceiver("/hook",
        new Response(500, Map.of("Content-Type", "text/plain"), "gateway\nexploded"))) {
      URI url = pager.url("/hook");
      assertThatThrownBy(() -> channel.send(n, new WebhookEndpoint(url, SECRET)))
          .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.channel()).isEqualTo("webhook");
            assertThat(e).hasMessageContaining("HTTP 500").hasMessageContaining("gateway exploded");
          });
      assertThat(pager.received()).hasSize(3);

      ConsumerRecord<String, byte[]> letter = onlyLetterOf(n);
      assertThat(letter.key()).isEqualTo(TestNotifications.ACCESSION);
      assertThat(letter.value()).isEqualTo(pager.received().get(0).body());
      assertThat(KafkaProbe.header(letter, EventHeaders.TYPE)).isEqualTo(EventTypes.NOTIFICATION_FAILED);
      assertThat(KafkaProbe.header(letter, EventHeaders.SUBJECT)).isEqualTo(TestNotifications.ACCESSION);
      assertThat(KafkaProbe.header(letter, DeadLetter.DELIVERY_CHANNEL)).isEqualTo("webhook");
      assertThat(KafkaProbe.header(letter, DeadLetter.DELIVERY_TARGET)).isEqualTo(url.toString());
      assertThat(KafkaProbe.header(letter, DeadLetter.LAST_STATUS)).isEqualTo("500");
      assertThat(KafkaProbe.header(letter, DeadLetter.LAST_ERROR)).contains("HTTP 500");
      assertThat(KafkaProbe.header(letter, DeadLetter.ATTEMPTS)).isEqualTo("3");
    }
  }

  @Test
  void receiverDownForGoodIsRetriedThenDeadLetteredWithTheConnectionError() {
    Notification n = TestNotifications.urgentMalignant();
    URI closed;
    try (RecordingReceiver gone = new RecordingReceiver("/hook", Response.of(200))) {
      closed = gone.url("/hook?token=abc");
    }

    assertThatThrownBy(() -> channel.send(n, new WebhookEndpoint(closed, SECRET)))
        .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.attempts()).isEqualTo(3))
        .hasMessageContaining("ConnectException");

    ConsumerRecord<String, byte[]> letter = onlyLetterOf(n);
    assertThat(KafkaProbe.header(letter, DeadLetter.LAST_STATUS)).isNull();
    assertThat(KafkaProbe.header(letter, DeadLetter.LAST_ERROR)).contains("ConnectException");
    assertThat(KafkaProbe.header(letter, DeadLetter.ATTEMPTS)).isEqualTo("3");
    // The query may hold a token: it never reaches the dead letter.
    assertThat(KafkaProbe.header(letter, DeadLetter.DELIVERY_TARGET)).doesNotContain("token").endsWith("/hook");
  }

  @Test
  void clientErrorIsNotRetriedAndIsDeadLettered() {
    Notification n = TestNotifications.urgentMalignant();
    try (RecordingReceiver pager = new RecordingReceiver("/hook", Response.of(400), Response.of(200))) {
      assertThatThrownBy(() -> channel.send(n, new WebhookEndpoint(pager.url("/hook"), SECRET)))
          .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.attempts()).isEqualTo(1))
          .hasMessageContaining("HTTP 400");
      assertThat(pager.received()).hasSize(1);

      ConsumerRecord<String, byte[]> letter = onlyLetterOf(n);
      assertThat(KafkaProbe.header(letter, DeadLetter.LAST_STATUS)).isEqualTo("400");
      assertThat(KafkaProbe.header(letter, DeadLetter.ATTEMPTS)).isEqualTo("1");
    }
  }

  private static ConsumerRecord<String, byte[]> onlyLetterOf(Notification n) {
    List<ConsumerRecord<String, byte[]>> letters = DeadLetterTopic.lettersOf(n.id());
    assertThat(letters).hasSize(1);
    return letters.get(0);
  }

  private static String hmacSha256(byte[] body, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
