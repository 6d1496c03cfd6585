package io.pathtrack.results.mllp;

import static io.pathtrack.results.hl7.Hl7Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Topics;
import io.pathtrack.results.ResultsServiceHarness;
import io.pathtrack.results.classification.OutcomeClassifier;
import io.pathtrack.results.hl7.Er7Text;
import io.pathtrack.results.hl7.Hl7Fixtures;
import io.pathtrack.results.hl7.OruMessages;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.PayloadGuard;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.ingest.ReportReader;
import io.pathtrack.results.ingest.ReportValidator;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.TestKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * results-service on a real Kafka broker, sent HL7 v2 over a real socket as an LIS sends it: the
 * corpus messages byte for byte through HAPI's MLLP writer (their LF separators and glued segments
 * intact), the team-written ones through HAPI's MLLP client ({@code Initiator.sendAndReceive}), and
 * garbage, broken connections and hostile frames (over the size limit, empty, an ACK, two messages, a
 * segment hidden in a value) through a plain socket. Started once for the class.
 */
class Hl7MllpListenerIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(45);

  @TempDir
  static Path state;

  private static ConfigurableApplicationContext service;
  private static String bootstrap;
  private static String base;
  private static int mllpPort;
  private static ExecutorService clientThreads;
  private static HapiContext client;
  private static Connection connection;
  private static ReportIntake intake;

  @BeforeAll
  static void start() throws Exception {
    bootstrap = TestKafka.bootstrapServers();
    service = ResultsServiceHarness.runWithoutWaiting(state);
    base = ResultsServiceHarness.base(service);
    mllpPort = ResultsServiceHarness.mllpPort(service);
    clientThreads = Executors.newCachedThreadPool();
    client = OruMessages.context(new DefaultModelClassFactory());
    client.setExecutorService(clientThreads);
    connection = client.newClient("127.0.0.1", mllpPort, false);
    connection.getInitiator().setTimeout(30, TimeUnit.SECONDS);
    intake = new ReportIntake(new ReportReader(new PayloadGuard(1024 * 1024)), new ReportValidator(List.of()),
        new OutcomeClassifier());
    // The listener answers as soon as it is up; the pipeline may take longer to join its consumer group
    // (state restored from the changelog when another instance ran before). Wait for it once, here.
    send(message("benign.hl7"));
    await().atMost(Duration.ofSeconds(120)).until(
        () -> KafkaProbe.readAll(bootstrap, Topics.REPORTS_CLASSIFIED.name()).stream().anyMatch(r -> "S26-HL7-B1".equals(r.key())));
  }

  @AfterAll
  static void stop() throws IOException {
    if (connection != null) {
      connection.close();
    }
    if (clientThreads != null) {
      clientThreads.shutdownNow();
    }
    if (service != null) {
      io.pathtrack.testsupport.StreamsReady.close(service, java.time.Duration.ofSeconds(60));
    }
  }

  @ParameterizedTest(name = "{0}: {1}, {3}")
  @CsvFileSource(resources = "/hl7/corpus-expectations.csv", commentCharacter = '#')
  void corpusMessageSentAsIsIsAcknowledgedAndClassifiedAsItsSourceStates(String file, String ack, String accession,
      String outcome) throws Exception {
    byte[] bytes = Hl7Fixtures.corpus(file);
    String acknowledgement = sendRaw(new String(bytes, StandardCharsets.UTF_8));
    assertThat(parse(acknowledgement).get("/MSA-1")).as(acknowledgement).isEqualTo(ack);

    // The event of exactly this message: the same accession and the content hash of its report.
    ClassifiedReport expected = intake.assess(bytes, Er7Text.CONTENT_TYPE).get(0);
    ConsumerRecord<String, byte[]> event = awaitRecord(Topics.REPORTS_CLASSIFIED.name(), r -> accession.equals(r.key())
        && expected.contentHash().equals(KafkaProbe.header(r, EventHeaders.CONTENT_HASH)));
    assertThat(KafkaProbe.header(event, EventHeaders.OUTCOME)).isEqualTo(outcome);
    assertThat(KafkaProbe.header(event, EventHeaders.CHANNEL)).isEqualTo("hl7v2");
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
      "benign.hl7, S26-HL7-B1, benign",
      "atypical.hl7, S26-HL7-A1, atypical",
      "nondiagnostic.hl7, S26-HL7-N1, nondiagnostic"})
  void teamWrittenResultSentWithHapisClientIsAcceptedAndClassified(String file, String accession, String outcome)
      throws Exception {
    Message answer = send(message(file));
    assertThat(new Terser(answer).get("/MSA-1")).isEqualTo("AA");

    ConsumerRecord<String, byte[]> event = awaitRecord(Topics.REPORTS_CLASSIFIED.name(), r -> accession.equals(r.key()));
    assertThat(KafkaProbe.header(event, EventHeaders.OUTCOME)).isEqualTo(outcome);
    assertThat(KafkaProbe.header(event, EventHeaders.NEEDS_REVIEW)).isEqualTo("false");
    assertThat(KafkaProbe.header(event, EventHeaders.REPORT_STATUS)).isEqualTo("final");
    assertThat(KafkaProbe.header(event, EventHeaders.ORDERING_PRACTITIONER)).startsWith("Practitioner/dr-");
  }

  @Test
  void benignResultCarriesItsOrderingPractitionerAndProcedureType() throws Exception {
    send(message("benign.hl7"));
    ConsumerRecord<String, byte[]> event = awaitRecord(Topics.REPORTS_CLASSIFIED.name(), r -> "S26-HL7-B1".equals(r.key()));
    assertThat(KafkaProbe.header(event, EventHeaders.ORDERING_PRACTITIONER)).isEqualTo("Practitioner/dr-lee");
    assertThat(KafkaProbe.header(event, EventHeaders.PROCEDURE_TYPE)).isEqualTo("us-core");
    assertThat(KafkaProbe.header(event, EventHeaders.REPORT_ISSUED)).isEqualTo("2026-11-26T15:10:00Z");
  }

  @Test
  void correctedResultReplacesTheFinalOneAndSaysTheOutcomeChanged() throws Exception {
    assertThat(new Terser(send(message("corrected-1-final.hl7"))).get("/MSA-1")).isEqualTo("AA");
    awaitRecords(Topics.REPORTS_CLASSIFIED.name(), r -> "S26-HL7-C1".equals(r.key()), 1);
    assertThat(new Terser(send(message("corrected-2-corrected.hl7"))).get("/MSA-1")).isEqualTo("AA");

    List<ConsumerRecord<String, byte[]>> events = awaitRecords(Topics.REPORTS_CLASSIFIED.name(), r -> "S26-HL7-C1".equals(r.key()), 2);
    ConsumerRecord<String, byte[]> correction = events.get(1);
    assertThat(KafkaProbe.header(events.get(0), EventHeaders.OUTCOME)).isEqualTo("benign");
    assertThat(KafkaProbe.header(correction, EventHeaders.REPORT_STATUS)).isEqualTo("corrected");
    assertThat(KafkaProbe.header(correction, EventHeaders.OUTCOME)).isEqualTo("malignant");
    assertThat(KafkaProbe.header(correction, EventHeaders.REPLACES_VERSION))
        .isEqualTo(KafkaProbe.header(events.get(0), EventHeaders.REPORT_VERSION));
    assertThat(KafkaProbe.header(correction, EventHeaders.PREVIOUS_OUTCOME)).isEqualTo("benign");
    assertThat(KafkaProbe.header(correction, EventHeaders.OUTCOME_CHANGED)).isEqualTo("true");
  }

  @ParameterizedTest(name = "{0}: {1} at {2}-{4}")
  @CsvSource({
      "invalid-no-patient-id.hl7, AE, PID, 1, 3, 101, S26-HL7-X1",
      "invalid-no-order.hl7, AE, OBR, 1, , 101, HL7-X2-0001",
      "invalid-status.hl7, AE, OBR, 1, 25, 103, S26-HL7-X3",
      "adt-a01.hl7, AR, MSH, 1, 9, 200, HL7-X4-0001"})
  void wrongMessageIsAnsweredWithTheSegmentAndFieldAtFaultAndStillKeptThenDeadLettered(String file, String code,
      String segment, String sequence, String field, String errorCode, String key) throws Exception {
    Terser answer = new Terser(send(message(file)));
    assertThat(answer.get("/MSA-1")).isEqualTo(code);
    assertThat(answer.get("/ERR-2-1")).isEqualTo(segment);
    assertThat(answer.get("/ERR-2-2")).isEqualTo(sequence);
    assertThat(answer.get("/ERR-2-3")).isEqualTo(field);
    assertThat(answer.get("/ERR-3-1")).isEqualTo(errorCode);
    assertThat(answer.get("/ERR-8")).isNotBlank();

    ConsumerRecord<String, byte[]> kept = awaitRecord(Topics.REPORTS_INBOUND.name(), r -> key.equals(r.key()));
    assertThat(KafkaProbe.header(kept, EventHeaders.CONTENT_TYPE)).isEqualTo("application/hl7-v2");
    ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.REPORTS_INBOUND_DLQ.name(), r -> key.equals(r.key()));
    assertThat(KafkaProbe.header(dead, EventHeaders.REJECTION_REASON)).isNotBlank();
    assertThat(dead.value()).isEqualTo(kept.value());
  }

  @Test
  void theRawMessageIsKeptOnTheInboundTopicAsReceived() throws Exception {
    String sent = message("nondiagnostic.hl7");
    assertThat(parse(sendRaw(sent)).get("/MSA-1")).isEqualTo("AA");
    ConsumerRecord<String, byte[]> kept = awaitRecord(Topics.REPORTS_INBOUND.name(),
        r -> "S26-HL7-N1".equals(r.key()) && Arrays.equals(r.value(), sent.getBytes(StandardCharsets.UTF_8)));
    assertThat(KafkaProbe.header(kept, EventHeaders.CONTENT_TYPE)).isEqualTo("application/hl7-v2");
    assertThat(KafkaProbe.header(kept, EventHeaders.CHANNEL)).isEqualTo("hl7v2");
  }

  @Test
  void framedGarbageIsAnsweredArAndKeptAndTheNextMessageIsStillAnswered() throws Exception {
    String garbage = "\u0001\u0002 GET / HTTP/1.1 not an HL7 message";
    Terser answer = parse(sendRaw(garbage));
    assertThat(answer.get("/MSA-1")).isEqualTo("AR");
    assertThat(answer.get("/ERR-8")).contains("MSH");
    awaitRecord(Topics.REPORTS_INBOUND.name(), r -> Arrays.equals(r.value(), garbage.getBytes(StandardCharsets.UTF_8)));

    assertThat(new Terser(send(message("atypical.hl7"))).get("/MSA-1")).isEqualTo("AA");
  }

  @Test
  void unframedGarbageClosesThatConnectionOnlyAndTheListenerServesTheNextClient() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", mllpPort)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertThat(readToEnd(socket.getInputStream())).as("nothing answered, connection closed").isEmpty();
    }
    assertThat(parse(sendRaw(message("atypical.hl7"))).get("/MSA-1")).isEqualTo("AA");
  }

  @Test
  void aConnectionDroppedMidMessageDoesNotStopTheListener() throws Exception {
    String half = message("benign.hl7").substring(0, 200);
    try (Socket socket = new Socket("127.0.0.1", mllpPort)) {
      OutputStream out = socket.getOutputStream();
      out.write(0x0b);
      out.write(half.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
    assertThat(new Terser(send(message("nondiagnostic.hl7"))).get("/MSA-1")).isEqualTo("AA");
    assertThat(parse(sendRaw(message("atypical.hl7"))).get("/MSA-1")).isEqualTo("AA");
  }

  @Test
  void aMessageOverTheSizeLimitIsAnsweredAeNamingSizeAndLimitAndKeptTruncatedWithItsSizeAndHash() throws Exception {
    String big = message("benign.hl7").replace("HL7-B1-0001", "HL7-BIG-0001").replace("S26-HL7-B1", "S26-HL7-BIG")
        .replace("No atypia.", "No atypia. " + "Benign ducts and stroma. ".repeat(50_000));
    byte[] sent = big.getBytes(StandardCharsets.UTF_8);
    assertThat(sent.length).isGreaterThan(1024 * 1024);
    try (Socket socket = connect()) {
      Terser answer = parse(exchange(socket, big));
      assertThat(answer.get("/MSA-1")).as("sending it again cannot succeed").isEqualTo("AE");
      assertThat(answer.get("/MSA-2")).isEqualTo("HL7-BIG-0001");
      assertThat(answer.get("/ERR-8")).contains(sent.length + " bytes", "limit of 1048576 bytes");
      assertThat(parse(exchange(socket, message("atypical.hl7"))).get("/MSA-1"))
          .as("the next message on the same connection").isEqualTo("AA");
    }
    ConsumerRecord<String, byte[]> kept = awaitRecord(Topics.REPORTS_INBOUND.name(), r -> "HL7-BIG-0001".equals(r.key()));
    assertThat(KafkaProbe.header(kept, EventHeaders.TRUNCATED)).isEqualTo("true");
    assertThat(KafkaProbe.header(kept, EventHeaders.ORIGINAL_SIZE)).isEqualTo(Integer.toString(sent.length));
    assertThat(KafkaProbe.header(kept, EventHeaders.ORIGINAL_SHA256))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent)));
    assertThat(kept.value()).isEqualTo(Arrays.copyOf(sent, 64 * 1024));
  }

  @Test
  void anEmptyFrameIsAnsweredArWithItsReasonAndKept() throws Exception {
    Terser answer = parse(sendRaw(""));
    assertThat(answer.get("/MSA-1")).isEqualTo("AR");
    assertThat(answer.get("/ERR-8")).contains("empty frame");
    awaitRecord(Topics.REPORTS_INBOUND.name(), r -> r.key().startsWith("hl7v2-") && r.value().length == 0);
  }

  @Test
  void aBareAcknowledgementIsNeitherAnsweredNorKeptAndTheConnectionGoesOn() throws Exception {
    String ack = "MSH|^~\\&|LIS|CITYLAB|PATHTRACK|RESULTS|20261127||ACK^R01^ACK|ACK-T-0001|P|2.5.1\rMSA|AA|PT-0001\r";
    String next = message("atypical.hl7").replace("HL7-A1-0001", "HL7-A1-AFTER-ACK");
    try (Socket socket = connect()) {
      write(socket, ack);
      Terser answer = parse(exchange(socket, next));
      assertThat(answer.get("/MSA-2")).as("the first answer is the next message's").isEqualTo("HL7-A1-AFTER-ACK");
      assertThat(answer.get("/MSA-1")).isEqualTo("AA");
    }
    awaitRecord(Topics.REPORTS_INBOUND.name(), r -> new String(r.value(), StandardCharsets.UTF_8).contains("HL7-A1-AFTER-ACK"));
    assertThat(KafkaProbe.readAll(bootstrap, Topics.REPORTS_INBOUND.name()))
        .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("ACK-T-0001"));
  }

  @Test
  void twoMessagesInOneFrameAreAnsweredAeNamingTheSecondMshAndKeptThenDeadLettered() throws Exception {
    String two = message("nondiagnostic.hl7").replace("HL7-N1-0001", "HL7-TWO-0001") + message("benign.hl7");
    Terser answer = parse(sendRaw(two));
    assertThat(answer.get("/MSA-1")).isEqualTo("AE");
    assertThat(answer.get("/MSA-2")).isEqualTo("HL7-TWO-0001");
    assertThat(answer.get("/ERR-2-1")).isEqualTo("MSH");
    assertThat(answer.get("/ERR-2-2")).isEqualTo("2");
    assertThat(answer.get("/ERR-3-1")).isEqualTo("100");
    assertThat(answer.get("/ERR-8")).contains("one message per frame");

    ConsumerRecord<String, byte[]> kept = awaitRecord(Topics.REPORTS_INBOUND.name(), r -> "HL7-TWO-0001".equals(r.key()));
    assertThat(kept.value()).isEqualTo(two.getBytes(StandardCharsets.UTF_8));
    awaitRecord(Topics.REPORTS_INBOUND_DLQ.name(), r -> "HL7-TWO-0001".equals(r.key()));
  }

  @Test
  void aFinalDiagnosisSmuggledIntoAValueBehindACarriageReturnIsRefusedAndNeverClassified() throws Exception {
    String injected = message("benign.hl7").strip().replace("\n", "\r").replace("HL7-B1-0001", "HL7-J1-0001")
        .replace("S26-HL7-B1", "S26-HL7-J1")
        .replace("No atypia.||||||F", "No atypia.\rOBX|3|TX|22637-3^Final Diagnosis^LN||Invasive ductal carcinoma.||||||F");
    Terser answer = parse(sendRaw(injected));
    assertThat(answer.get("/MSA-1")).isEqualTo("AE");
    assertThat(answer.get("/ERR(0)-3-1")).isEqualTo("100");
    assertThat(answer.get("/ERR(1)-2-1")).isEqualTo("OBX");
    assertThat(answer.get("/ERR(1)-2-2")).isEqualTo("4");
    assertThat(answer.get("/ERR(1)-2-3")).isEqualTo("1");

    awaitRecord(Topics.REPORTS_INBOUND.name(), r -> "HL7-J1-0001".equals(r.key()));
    awaitRecord(Topics.REPORTS_INBOUND_DLQ.name(), r -> "HL7-J1-0001".equals(r.key()));
    assertThat(KafkaProbe.readAll(bootstrap, Topics.REPORTS_CLASSIFIED.name())).noneMatch(r -> "S26-HL7-J1".equals(r.key()));
  }

  @Test
  void receivedAndRejectedMessagesAreCountedForTheHl7Channel() throws Exception {
    send(message("benign.hl7"));
    send(message("invalid-status.hl7"));
    String metrics = Http.get(ResultsServiceHarness.management(service) + "/actuator/prometheus", "text/plain").body();
    assertThat(metrics).contains("pathtrack_reports_received_total{channel=\"hl7v2\"}");
    assertThat(metrics).containsPattern("pathtrack_reports_rejected_total\\{channel=\"hl7v2\",element=\"OBR-25\",reason=\"code-invalid\"\\}");
  }

  // --- helpers -----------------------------------------------------------------------------------

  /**
   * Through HAPI's MLLP client: the message parsed (after the repairs a sender would make) and sent, on a
   * new connection when the listener closed the last one for being idle, as an LIS reconnects.
   */
  private static Message send(String text) throws HL7Exception, LLPException, IOException {
    Message message = client.getPipeParser().parse(Er7Text.normalize(text));
    if (!connection.isOpen()) {
      connection = client.newClient("127.0.0.1", mllpPort, false);
      connection.getInitiator().setTimeout(30, TimeUnit.SECONDS);
    }
    return connection.getInitiator().sendAndReceive(message);
  }

  /** Through HAPI's MLLP framing on a plain socket: the text exactly as given. Returns the ACK text. */
  private static String sendRaw(String text) throws IOException, LLPException {
    try (Socket socket = connect()) {
      return exchange(socket, text);
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", mllpPort);
    socket.setSoTimeout(30_000);
    return socket;
  }

  /** One frame written with HAPI's MLLP writer, the text exactly as given. */
  private static void write(Socket socket, String text) throws IOException, LLPException {
    MinLowerLayerProtocol llp = new MinLowerLayerProtocol();
    llp.setCharset(StandardCharsets.UTF_8);
    llp.getWriter(socket.getOutputStream()).writeMessage(text);
  }

  /** One frame written and the next answer on the same connection read. */
  private static String exchange(Socket socket, String text) throws IOException, LLPException {
    write(socket, text);
    MinLowerLayerProtocol llp = new MinLowerLayerProtocol();
    llp.setCharset(StandardCharsets.UTF_8);
    String ack = llp.getReader(socket.getInputStream()).getMessage();
    assertThat(ack).as("an acknowledgement").isNotNull();
    return ack;
  }

  private static Terser parse(String ack) throws HL7Exception {
    return new Terser(client.getPipeParser().parse(ack));
  }

  private static byte[] readToEnd(InputStream in) throws IOException {
    try {
      return in.readAllBytes();
    } catch (java.net.SocketException e) {
      return new byte[0];
    }
  }

  private static ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
    return awaitRecords(topic, match, 1).get(0);
  }

  /** The matching records of a topic once at least {@code atLeast} have arrived, in order. */
  private static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic,
      Predicate<ConsumerRecord<String, byte[]>> match, int atLeast) {
    return await().atMost(WAIT).until(
        () -> KafkaProbe.readAll(bootstrap, topic).stream().filter(match).toList(),
        list -> list.size() >= atLeast);
  }
}
