package io.pathtrack.results.mllp;

import static io.pathtrack.results.hl7.Hl7Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.results.classification.OutcomeClassifier;
import io.pathtrack.results.ingest.InboundPublisher;
import io.pathtrack.results.ingest.PayloadGuard;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.ingest.ReportReader;
import io.pathtrack.results.ingest.ReportValidator;
import io.pathtrack.results.pipeline.ReportMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which answer each kind of frame gets, and what is kept, with the inbound topic replaced by a recorder
 * that can be made to fail: AR 207 ("send it again") only when storing failed for a reason that may pass.
 */
class Hl7ResultMessageReceiverTest {
  private static ReportIntake intake;

  @BeforeAll
  static void intake() {
    intake = new ReportIntake(new ReportReader(new PayloadGuard(1024 * 1024)), new ReportValidator(List.of()),
        new OutcomeClassifier());
  }

  @Test
  void aMessageThatCouldNotBeStoredForNowIsAnsweredArAskingForItAgain() throws HL7Exception {
    Inbound inbound = new Inbound(new IllegalStateException("send failed", new TimeoutException("no broker")));
    Terser ack = new Terser(receiver(inbound).receive(frame(message("benign.hl7"))).orElseThrow());
    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("207");
    assertThat(ack.get("/ERR-8")).contains("send it again");
  }

  @Test
  void aMessageTooLargeForTheTopicIsKeptTruncatedAndAnsweredAeNotAr() throws HL7Exception {
    Inbound inbound = new Inbound(new IllegalStateException("send failed", new RecordTooLargeException("too large")));
    Terser ack = new Terser(receiver(inbound).receive(frame(message("benign.hl7"))).orElseThrow());
    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/ERR-8")).contains("too large to store");
    assertThat(inbound.kept).hasSize(2);
    assertThat(inbound.kept.get(1).headers()).containsEntry(EventHeaders.TRUNCATED, "true");
  }

  @Test
  void aFrameOverTheLimitIsAnsweredAeWithItsSizeAndTheLimitAndKeptTruncated() throws HL7Exception {
    Inbound inbound = new Inbound(null);
    byte[] start = message("benign.hl7").getBytes(StandardCharsets.UTF_8);
    MllpFrame big = new MllpFrame(start, 2_000_000, "ab".repeat(32), true);
    Terser ack = new Terser(receiver(inbound).receive(big).orElseThrow());
    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/MSA-2")).isEqualTo("HL7-B1-0001");
    assertThat(ack.get("/ERR-8")).contains("2000000 bytes", "limit of 1048576 bytes");
    Kept kept = inbound.kept.get(0);
    assertThat(kept.key()).isEqualTo("HL7-B1-0001");
    assertThat(kept.body()).isEqualTo(start);
    assertThat(kept.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(EventHeaders.TRUNCATED, "true",
        EventHeaders.ORIGINAL_SIZE, "2000000", EventHeaders.ORIGINAL_SHA256, "ab".repeat(32)));
  }

  @Test
  void anAcknowledgementIsNeitherAnsweredNorKept() {
    Inbound inbound = new Inbound(null);
    Optional<Message> answer = receiver(inbound).receive(frame("MSH|^~\\&|LIS|LAB|PATHTRACK|RESULTS|20261127||ACK|A-1|P|2.5.1\rMSA|AA|X-1\r"));
    assertThat(answer).isEmpty();
    assertThat(inbound.kept).isEmpty();
  }

  @Test
  void anEmptyFrameIsAnsweredArAndKept() throws HL7Exception {
    Inbound inbound = new Inbound(null);
    Terser ack = new Terser(receiver(inbound).receive(frame("")).orElseThrow());
    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/ERR-8")).contains("empty frame");
    assertThat(inbound.kept).singleElement().satisfies(k -> assertThat(k.key()).startsWith("hl7v2-"));
  }

  @Test
  void aMessageNamingItsCharacterSetIsReadInItEvenWhenItsBytesAlsoReadAsUtf8() {
    // "Ã¼" in ISO-8859-1 is the two bytes of "ü" in UTF-8: only MSH-18 says which was meant
    String text = message("benign.hl7").replace("|P|2.5.1", "|P|2.5.1||||||8859/1").replace("Doe^Jane", "MÃ¼ller^Jane");
    assertThat(ResultMessageReceiver.text(text.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(text);
  }

  private static ResultMessageReceiver receiver(Inbound inbound) {
    return new ResultMessageReceiver(intake, inbound, new ReportMetrics(new SimpleMeterRegistry()), 64 * 1024);
  }

  private static MllpFrame frame(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new MllpFrame(bytes, bytes.length, "0".repeat(64), false);
  }

  private record Kept(String key, byte[] body, Map<String, String> headers) {}

  /** The inbound topic: records what is written, or fails the first write with the given exception. */
  private static final class Inbound extends InboundPublisher {
    private final List<Kept> kept = new ArrayList<>();
    private RuntimeException failure;

    Inbound(RuntimeException failure) {
      super(null, new org.springframework.boot.context.properties.bind.Binder(
          new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of()))
          .bindOrCreate("pathtrack.results", io.pathtrack.results.ResultsProperties.class), java.time.Clock.systemUTC());
      this.failure = failure;
    }

    @Override
    public void publish(String key, byte[] body, String contentType, String channel, Map<String, String> headers) {
      kept.add(new Kept(key, body, headers));
      if (failure != null) {
        RuntimeException e = failure;
        failure = null;
        throw e;
      }
    }
  }
}
