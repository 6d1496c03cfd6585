package io.pathtrack.results.mllp;

import static io.pathtrack.results.hl7.Hl7Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.results.ResultsServiceHarness;
import io.pathtrack.results.hl7.OruMessages;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * results-service with tight MLLP limits (two connections, a 4 s idle timeout), driven over real
 * sockets: an idle connection is closed, a third one is closed as soon as it is accepted and counted.
 * The pipeline runs on the real broker, but the listener's producer for the inbound topic points at a
 * closed port, so every message meets the one failure a sender is asked to send again after: AR with
 * ERR-3 207. Started once for the class.
 */
class Hl7MllpConnectionLimitsIntegrationTest {
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(4);

  @TempDir
  static Path state;

  private static ConfigurableApplicationContext service;
  private static MeterRegistry meters;
  private static int mllpPort;

  @BeforeAll
  static void start() throws IOException {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    service = ResultsServiceHarness.runWithoutWaiting(state,
        "--spring.cloud.stream.kafka.binder.brokers=127.0.0.1:" + closedPort,
        "--spring.cloud.stream.kafka.binder.configuration.default.api.timeout.ms=3000",
        "--spring.cloud.stream.kafka.binder.configuration.request.timeout.ms=3000",
        "--spring.cloud.stream.kafka.binder.producer-properties.max.block.ms=3000",
        "--pathtrack.results.mllp.max-connections=2",
        "--pathtrack.results.mllp.idle-timeout=" + IDLE_TIMEOUT.toSeconds() + "s");
    meters = service.getBean(MeterRegistry.class);
    mllpPort = ResultsServiceHarness.mllpPort(service);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      io.pathtrack.testsupport.StreamsReady.close(service, java.time.Duration.ofSeconds(60));
    }
  }

  @Test
  void anIdleConnectionIsClosedAfterTheIdleTimeoutAndCounted() throws IOException {
    double before = idleClosed();
    long start = System.nanoTime();
    try (Socket socket = connect()) {
      socket.setSoTimeout(30_000);
      assertThat(readOrClosed(socket)).as("closed by the listener").isEqualTo(-1);
    }
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertThat(waited).isBetween(IDLE_TIMEOUT.minusMillis(500), IDLE_TIMEOUT.plusSeconds(10));
    await().atMost(Duration.ofSeconds(5)).until(() -> idleClosed() > before);
  }

  @Test
  void aConnectionBeyondTheLimitIsClosedAtOnceAndCountedAndTheNextOneAfterAFreedSlotIsServed() throws Exception {
    await().atMost(Duration.ofSeconds(5)).until(() -> open() == 0);
    double refusedBefore = refused("max-connections");
    try (Socket first = connect(); Socket second = connect()) {
      await().atMost(Duration.ofSeconds(3)).until(() -> open() == 2);
      long start = System.nanoTime();
      try (Socket third = connect()) {
        third.setSoTimeout(30_000);
        assertThat(readOrClosed(third)).as("closed as soon as accepted").isEqualTo(-1);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(IDLE_TIMEOUT);
      assertThat(refused("max-connections")).isEqualTo(refusedBefore + 1);
      assertThat(open()).isEqualTo(2);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> open() == 0);
    assertThat(answer(message("nondiagnostic.hl7")).get("/MSA-1")).as("served again").isNotNull();
  }

  @Test
  void aMessageThatCouldNotBeStoredIsAnsweredArAskingForItAgain() throws Exception {
    Terser ack = answer(message("benign.hl7"));
    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/MSA-2")).isEqualTo("HL7-B1-0001");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("207");
    assertThat(ack.get("/ERR-8")).contains("send it again");
  }

  private static Socket connect() throws IOException {
    return new Socket("127.0.0.1", mllpPort);
  }

  private static Terser answer(String text) throws IOException, LLPException, HL7Exception {
    MinLowerLayerProtocol llp = new MinLowerLayerProtocol();
    llp.setCharset(StandardCharsets.UTF_8);
    try (Socket socket = connect()) {
      socket.setSoTimeout(60_000);
      llp.getWriter(socket.getOutputStream()).writeMessage(text);
      String ack = llp.getReader(socket.getInputStream()).getMessage();
      assertThat(ack).as("an acknowledgement").isNotNull();
      return new Terser(OruMessages.context(new DefaultModelClassFactory()).getPipeParser().parse(ack));
    }
  }

  /** The next byte, or -1 when the peer closed the connection (a reset counts as closed). */
  private static int readOrClosed(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read();
    } catch (SocketException e) {
      return -1;
    }
  }

  private static double open() {
    return meters.get("pathtrack.mllp.connections.open").gauge().value();
  }

  private static double refused(String reason) {
    Counter counter = meters.find("pathtrack.mllp.connections.refused").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  private static double idleClosed() {
    Counter counter = meters.find("pathtrack.mllp.connections.idle.closed").counter();
    return counter == null ? 0 : counter.count();
  }
}
