package io.pathtrack.results.mllp;

import static io.pathtrack.results.hl7.Hl7Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.Topics;
import io.pathtrack.results.ResultsServiceHarness;
import io.pathtrack.results.hl7.OruMessages;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.TestKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * results-service with MLLP over TLS that needs a client certificate, its key and trust from a Spring
 * Boot SSL bundle, and a source allow-list that holds 127.0.0.1, on a real broker and real sockets: a
 * client with a trusted certificate is answered and its message kept; one without a certificate, and a
 * plain TCP client, are refused during the handshake and counted. Started once for the class.
 *
 * <p>The key stores in {@code src/test/resources/hl7/tls} (password {@code changeit}, valid 100 years)
 * were made with keytool: {@code server.p12} and {@code client.p12} each hold an EC P-256 key with a
 * self-signed certificate ({@code -genkeypair -keyalg EC -groupname secp256r1 -validity 36500}, the
 * server's for CN=localhost with SAN dns:localhost, ip:127.0.0.1); {@code trust.p12} holds both
 * certificates ({@code -exportcert}, then {@code -importcert}) and is both sides' trust store.
 */
class Hl7MllpTlsIntegrationTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final int MLLP_START = 0x0b;

  @TempDir
  static Path state;

  private static ConfigurableApplicationContext service;
  private static MeterRegistry meters;
  private static String bootstrap;
  private static int mllpPort;

  @BeforeAll
  static void start() {
    bootstrap = TestKafka.bootstrapServers();
    service = ResultsServiceHarness.runWithoutWaiting(state,
        "--spring.ssl.bundle.jks.mllp.keystore.location=classpath:hl7/tls/server.p12",
        "--spring.ssl.bundle.jks.mllp.keystore.password=changeit",
        "--spring.ssl.bundle.jks.mllp.keystore.type=PKCS12",
        "--spring.ssl.bundle.jks.mllp.truststore.location=classpath:hl7/tls/trust.p12",
        "--spring.ssl.bundle.jks.mllp.truststore.password=changeit",
        "--spring.ssl.bundle.jks.mllp.truststore.type=PKCS12",
        "--pathtrack.results.mllp.tls.enabled=true",
        "--pathtrack.results.mllp.tls.bundle=mllp",
        "--pathtrack.results.mllp.tls.client-auth=need",
        "--pathtrack.results.mllp.allowed-sources=127.0.0.1/32,10.0.0.0/8");
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
  void aClientWithATrustedCertificateIsAnsweredOverTlsAndItsMessageKept() throws Exception {
    String sent = message("nondiagnostic.hl7").replace("HL7-N1-0001", "HL7-TLS-0001").replace("S26-HL7-N1", "S26-HL7-TLS");
    try (SSLSocket socket = tlsSocket(true)) {
      MinLowerLayerProtocol llp = new MinLowerLayerProtocol();
      llp.setCharset(StandardCharsets.UTF_8);
      llp.getWriter(socket.getOutputStream()).writeMessage(sent);
      String ack = llp.getReader(socket.getInputStream()).getMessage();
      Terser answer = new Terser(OruMessages.context(new DefaultModelClassFactory()).getPipeParser().parse(ack));
      assertThat(answer.get("/MSA-1")).isEqualTo("AA");
      assertThat(answer.get("/MSA-2")).isEqualTo("HL7-TLS-0001");
    }
    await().atMost(Duration.ofSeconds(45)).until(() -> KafkaProbe.readAll(bootstrap, Topics.REPORTS_INBOUND.name()).stream()
        .anyMatch(r -> "S26-HL7-TLS".equals(r.key()) && Arrays.equals(r.value(), sent.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aClientWithoutACertificateIsRefusedDuringTheHandshakeAndCounted() throws Exception {
    double before = refusedTls();
    try (SSLSocket socket = tlsSocket(false)) {
      assertThat(sendAndRead(socket)).as("no acknowledgement").isNotEqualTo(MLLP_START);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> refusedTls() > before);
  }

  @Test
  void aPlainTcpClientIsRefusedDuringTheHandshakeAndCounted() throws Exception {
    double before = refusedTls();
    try (Socket socket = new Socket("127.0.0.1", mllpPort)) {
      socket.setSoTimeout(30_000);
      // what comes back, if anything, is the handshake's alert record (0x15), never an MLLP frame
      assertThat(sendAndRead(socket)).as("no acknowledgement").isNotEqualTo(MLLP_START);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> refusedTls() > before);
  }

  /** A benign message framed and written; the first byte that came back, or -1 when the connection was closed. */
  private static int sendAndRead(Socket socket) {
    byte[] framed = ("\u000b" + message("benign.hl7") + "\u001c\r").getBytes(StandardCharsets.UTF_8);
    try {
      OutputStream out = socket.getOutputStream();
      out.write(framed);
      out.flush();
      InputStream in = socket.getInputStream();
      return in.read();
    } catch (IOException e) {
      // a handshake alert or a reset: refused
      return -1;
    }
  }

  private static SSLSocket tlsSocket(boolean withCertificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Hl7MllpTlsIntegrationTest.class.getResourceAsStream("/hl7/tls/trust.p12")) {
      trust.load(in, PASSWORD);
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    KeyManagerFactory keyManagers = null;
    if (withCertificate) {
      KeyStore client = KeyStore.getInstance("PKCS12");
      try (InputStream in = Hl7MllpTlsIntegrationTest.class.getResourceAsStream("/hl7/tls/client.p12")) {
        client.load(in, PASSWORD);
      }
      keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(client, PASSWORD);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", mllpPort);
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static double refusedTls() {
    Counter counter = meters.find("pathtrack.mllp.connections.refused").tag("reason", "tls").counter();
    return counter == null ? 0 : counter.count();
  }
}
