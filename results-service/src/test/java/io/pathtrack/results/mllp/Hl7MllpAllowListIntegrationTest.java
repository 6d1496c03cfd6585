package io.pathtrack.results.mllp;

import static io.pathtrack.results.hl7.Hl7Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.results.ResultsServiceHarness;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * results-service whose MLLP listener allows only 10.0.0.0/8 and 192.0.2.7: a connection from
 * 127.0.0.1 is closed as soon as it is accepted, unanswered, and counted. On a real broker and a real
 * socket; started once for the class.
 */
class Hl7MllpAllowListIntegrationTest {

  @TempDir
  static Path state;

  private static ConfigurableApplicationContext service;
  private static MeterRegistry meters;
  private static int mllpPort;

  @BeforeAll
  static void start() {
    service = ResultsServiceHarness.runWithoutWaiting(state,
        "--pathtrack.results.mllp.allowed-sources=10.0.0.0/8,192.0.2.7");
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
  void aConnectionFromAnAddressOutsideTheAllowListIsClosedUnansweredAndCounted() throws IOException {
    double before = refused();
    int answer;
    try (Socket socket = new Socket("127.0.0.1", mllpPort)) {
      socket.setSoTimeout(30_000);
      try {
        OutputStream out = socket.getOutputStream();
        out.write(("\u000b" + message("benign.hl7") + "\u001c\r").getBytes(StandardCharsets.UTF_8));
        out.flush();
        answer = socket.getInputStream().read();
      } catch (SocketException e) {
        answer = -1;
      }
    }
    assertThat(answer).as("closed, nothing answered").isEqualTo(-1);
    assertThat(refused()).isEqualTo(before + 1);
  }

  private static double refused() {
    Counter counter = meters.find("pathtrack.mllp.connections.refused").tag("reason", "not-allowed").counter();
    return counter == null ? 0 : counter.count();
  }
}
