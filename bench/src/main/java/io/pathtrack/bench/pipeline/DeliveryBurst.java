package io.pathtrack.bench.pipeline;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.contract.Topics;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delivery stage measured on its own: urgent notifications (email and webhook) published onto the notifications
 * topic as the engine publishes them, for {@link #RECIPIENTS} recipients behind {@link #ENDPOINTS} webhook endpoints,
 * and timed until every email has reached the SMTP sink and every webhook call the local receiver. The receiver answers
 * 200 at once and counts Idempotency-Keys, so a call made twice is seen.
 */
final class DeliveryBurst implements AutoCloseable {
  static final int RECIPIENTS = 50;
  static final int ENDPOINTS = 8;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer receiver;
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong lastCall = new AtomicLong();

  DeliveryBurst() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    receiver.setExecutor(Executors.newFixedThreadPool(8));
    receiver.createContext("/hook/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        body.readAllBytes();
      }
      keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
      calls.incrementAndGet();
      lastCall.set(System.nanoTime());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
  }

  /** The local stack's practitioner directory plus the burst's recipients, each with an email and a webhook. */
  Path directory(Path dir) throws IOException {
    ObjectNode bundle;
    try (InputStream local = DeliveryBurst.class.getResourceAsStream("/practitioner-directory.json")) {
      bundle = (ObjectNode) JSON.readTree(local);
    }
    ArrayNode entries = (ArrayNode) bundle.get("entry");
    for (int e = 0; e < ENDPOINTS; e++) {
      entries.addObject().set("resource", JSON.readTree("""
          {"resourceType": "Endpoint", "id": "bench-hook-%d", "status": "active",
           "connectionType": {"system": "http://terminology.hl7.org/CodeSystem/endpoint-connection-type", "code": "rest-hook"},
           "payloadType": [{"text": "notification"}], "address": "http://127.0.0.1:%d/hook/%d",
           "header": ["X-PathTrack-Secret: bench-secret"]}""".formatted(e, receiver.getAddress().getPort(), e)));
    }
    for (int r = 0; r < RECIPIENTS; r++) {
      entries.addObject().set("resource", JSON.readTree("""
          {"resourceType": "Practitioner", "id": "bench-%d", "name": [{"text": "Bench recipient %d"}],
           "telecom": [{"system": "email", "value": "bench-%d@bench.example"}]}""".formatted(r, r, r)));
      entries.addObject().set("resource", JSON.readTree("""
          {"resourceType": "PractitionerRole", "id": "bench-%d-role", "practitioner": {"reference": "Practitioner/bench-%d"},
           "endpoint": [{"reference": "Endpoint/bench-hook-%d"}]}""".formatted(r, r, r % ENDPOINTS)));
    }
    Path file = dir.resolve("bench-directory.json");
    Files.writeString(file, JSON.writeValueAsString(bundle));
    return file;
  }

  /**
   * Publishes {@code count} urgent notifications and waits until all have arrived at both receivers (at most five
   * minutes).
   */
  Map<String, Object> run(int count, Map<String, Object> producerSettings, GreenMail smtp) throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    keys.clear();
    calls.set(0);
    List<Notification> burst = new ArrayList<>(count);
    Instant created = Instant.now();
    for (int i = 0; i < count; i++) {
      String accession = "BURST-" + i;
      burst.add(new Notification(UUID.randomUUID().toString(), accession, "DiagnosticReport/r-" + accession, "1",
          Outcome.MALIGNANT, false, Priority.URGENT, "Practitioner/bench-" + (i % RECIPIENTS), "Bench recipient", false,
          EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL, DeliveryChannel.WEBHOOK), NotificationState.CREATED,
          created, Optional.empty(), Optional.empty()));
    }
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> engine = new KafkaProducer<>(producerSettings, new StringSerializer(),
        new ByteArraySerializer())) {
      for (Notification n : burst) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.NOTIFICATIONS.name(), n.accession(),
            NotificationCommunications.json(n).getBytes(StandardCharsets.UTF_8));
        NotificationCommunications.headers(n, "urn:pathtrack:bench", created)
            .forEach((name, value) -> record.headers().add(name, value));
        engine.send(record);
      }
      engine.flush();
    }
    long published = System.nanoTime();
    long deadline = start + Duration.ofMinutes(5).toNanos();
    while ((smtp.getReceivedMessages().length < count || calls.get() < count) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long emails = smtp.getReceivedMessages().length;
    long lastEmail = System.nanoTime();
    double seconds = Limits.seconds(Math.max(lastEmail, lastCall.get()) - start);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("notifications", count);
    r.put("recipients", RECIPIENTS);
    r.put("webhookEndpoints", ENDPOINTS);
    r.put("publishSeconds", Limits.seconds(published - start));
    r.put("emailsDelivered", emails);
    r.put("webhooksDelivered", calls.get());
    r.put("webhookDuplicates", calls.get() - keys.size());
    r.put("seconds", seconds);
    r.put("emailsPerSecond", emails / Limits.seconds(lastEmail - start));
    r.put("webhooksPerSecond", calls.get() / Limits.seconds(lastCall.get() - start));
    r.put("complete", emails >= count && calls.get() >= count);
    return r;
  }

  @Override
  public void close() {
    receiver.stop(0);
    ((ExecutorService) receiver.getExecutor()).shutdownNow();
  }
}
