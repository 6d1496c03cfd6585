package io.pathtrack.local;

import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;

/**
 * A lab information system for the local stack: it registers specimens and, for each, publishes a
 * report, over FHIR REST, the inbound Kafka topic or HL7 v2 over MLLP in turn. The mix is realistic: mostly benign, some
 * atypical, malignant and nondiagnostic, a few third-party example reports, and now and then a bad
 * message that must be rejected with a reason. One specimen in four stays in the lab for a while ({@link #HELD_FOR}
 * cases), received hours to days ago, so the turnaround board shows specimens on track, in warning and breached; its
 * report comes later, often late.
 */
final class SimulatedLis implements AutoCloseable {
  /**
   * One kind of case.
   *
   * @param reason the order's reason (the imaging finding and its category), or null
   * @param collector the radiologist who performed the biopsy, or null
   */
  private record Case(ProcedureType procedure, String practitioner, String conclusion, String reason, String collector) {
    Case(ProcedureType procedure, String practitioner, String conclusion) {
      this(procedure, practitioner, conclusion, null, null);
    }
  }

  private static final List<Case> CASES = List.of(
      new Case(ProcedureType.US_CORE_NEEDLE, "Practitioner/dr-lee",
          "Left breast, 10 o'clock, ultrasound-guided core biopsy: fibroadenoma. No atypia or malignancy."),
      new Case(ProcedureType.STEREOTACTIC_VACUUM, "Practitioner/dr-lee",
          "Right breast, stereotactic vacuum-assisted biopsy of calcifications: ductal carcinoma in situ, intermediate nuclear grade.",
          "Mammography: grouped fine pleomorphic microcalcifications, BI-RADS 4C", "Practitioner/dr-patel"),
      new Case(ProcedureType.FINE_NEEDLE_ASPIRATION, "Practitioner/dr-okafor",
          "Thyroid, right lobe nodule, FNA: benign follicular nodule (Bethesda category II)."),
      new Case(ProcedureType.CT_LUNG_SOFT_TISSUE, "Practitioner/dr-novak",
          "Lung, right upper lobe, CT-guided core biopsy: invasive adenocarcinoma, acinar predominant."),
      new Case(ProcedureType.MRI_GUIDED, "Practitioner/dr-lee",
          "Left breast, MRI-guided biopsy: atypical ductal hyperplasia. Excision recommended."),
      new Case(ProcedureType.CT_BONE, "Practitioner/dr-okafor",
          "Iliac crest lesion, CT-guided core biopsy: nondiagnostic; crushed bone and blood only, lesion not sampled."),
      new Case(ProcedureType.STEREOTACTIC_3D_VACUUM, "Practitioner/dr-lee",
          "Left breast, 3-D stereotactic vacuum-assisted biopsy: fibrocystic changes with benign calcifications.",
          "Mammography: amorphous calcifications, BI-RADS 4A", "Practitioner/dr-patel"),
      // Benign for a BI-RADS 5 mass: discordant, told urgently to dr-lee and the radiologist; its repeat biopsy tracked.
      new Case(ProcedureType.US_CORE_NEEDLE, "Practitioner/dr-lee",
          "Left breast, 2 o'clock, ultrasound-guided core biopsy: stromal fibrosis. No atypia or malignancy identified."
              + " Repeat biopsy is recommended.",
          "Ultrasound: irregular spiculated mass, BI-RADS 5", "Practitioner/dr-patel"),
      new Case(ProcedureType.FINE_NEEDLE_ASPIRATION, "Practitioner/dr-okafor",
          "Cervical lymph node, FNA: reactive lymphoid population. Negative for malignancy."),
      new Case(ProcedureType.US_CORE_NEEDLE, "Practitioner/dr-novak",
          "Liver, segment VI, ultrasound-guided core biopsy: metastatic adenocarcinoma, consistent with colorectal primary."),
      new Case(ProcedureType.FINE_NEEDLE_ASPIRATION, "Practitioner/dr-okafor",
          "Thyroid, left lobe nodule, FNA: atypia of undetermined significance (Bethesda category III)."));

  /** How long ago a specimen that stays in the lab was received, in turn: on track, near its target, breached. */
  private static final List<Duration> HELD_AGES = List.of(Duration.ofHours(2), Duration.ofHours(20),
      Duration.ofDays(3), Duration.ofDays(6));
  /** How many cases a held specimen waits for its report. */
  static final int HELD_FOR = 40;

  private record Held(String accession, Case c, int sequence) {}

  private final java.util.Deque<Held> held = new java.util.concurrent.ConcurrentLinkedDeque<>();
  private final int mllpPort;
  private final String oruTemplate;
  private final ca.uhn.hl7v2.HapiContext hl7 = new ca.uhn.hl7v2.DefaultHapiContext();
  private final String specimenBase;
  private final String resultsBase;
  private final KafkaProducer<String, byte[]> producer;
  private final Path corpus;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** The LIS's access token (client credentials of the client {@code lis}). */
  private final java.util.function.Supplier<String> token;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "simulated-lis");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<String> corpusFiles;

  /**
   * @param kafka the LIS's Kafka client settings: the brokers and, on a secured broker, the login of {@code User:lis},
   *     which may write the inbound topic and nothing else
   * @param token the LIS's bearer token for the services' FHIR endpoints
   */
  SimulatedLis(Map<String, Object> kafka, java.util.function.Supplier<String> token, int specimenPort, int resultsPort,
      int mllpPort, Path corpus) {
    this.mllpPort = mllpPort;
    this.token = token;
    try (var in = SimulatedLis.class.getResourceAsStream("/lis/oru-template.hl7")) {
      this.oruTemplate = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    hl7.setValidationContext(ca.uhn.hl7v2.validation.impl.ValidationContextFactory.noValidation());
    this.specimenBase = "http://127.0.0.1:" + specimenPort + "/fhir";
    this.resultsBase = "http://127.0.0.1:" + resultsPort + "/fhir";
    this.corpus = corpus;
    Map<String, Object> producerConfig = new java.util.HashMap<>(kafka);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    this.corpusFiles = corpus != null && Files.isDirectory(corpus)
        ? List.of("r4core-DiagnosticReport-pap.json", "mii-DiagnosticReport-mii-exa-patho-report.json",
            "vamhv-DiagnosticReport-ex-MHV-labReport-5.json")
        : List.of();
  }

  boolean usesCorpus() {
    return !corpusFiles.isEmpty();
  }

  void start(Duration interval) {
    scheduler.scheduleWithFixedDelay(this::nextCase, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void nextCase() {
    int n = sequence.incrementAndGet();
    String accession = "S26-" + String.format("%05d", n);
    try {
      if (n % 9 == 0) {
        sendBadMessage(accession, n);
        return;
      }
      Case c = CASES.get((n - 1) % CASES.size());
      reportHeldOnes(n);
      if (n % 4 == 2) {
        register(accession, c, Instant.now().minus(HELD_AGES.get((n / 4) % HELD_AGES.size())));
        held.add(new Held(accession, c, n));
        return;
      }
      register(accession, c, Instant.now().minus(26, ChronoUnit.HOURS));
      DiagnosticReport report = n % 7 == 0 && usesCorpus()
          ? corpusReport(accession, corpusFiles.get((n / 7) % corpusFiles.size()))
          : report(accession, c);
      if (n % 5 == 0) {
        sendOru(accession, c, n);
      } else if (n % 2 == 0) {
        publish(accession, Fhir.json().encodeResourceToString(report), EventHeaders.FHIR_JSON);
      } else {
        post("/DiagnosticReport", Fhir.json().encodeResourceToString(report));
      }
    } catch (RuntimeException | IOException e) {
      System.err.println("\nsimulated LIS: case " + accession + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The reports of specimens held in the lab long enough, over FHIR REST. */
  private void reportHeldOnes(int n) throws IOException, InterruptedException {
    while (!held.isEmpty() && n - held.peekFirst().sequence() >= HELD_FOR) {
      Held h = held.pollFirst();
      post("/DiagnosticReport", Fhir.json().encodeResourceToString(report(h.accession(), h.c())));
    }
  }

  /** Cases sent so far (registrations, reports and bad messages). */
  int casesSent() {
    return sequence.get();
  }

  /** Specimens registered whose report has not been sent yet. */
  int inTheLab() {
    return held.size();
  }

  /** The report as an HL7 v2 ORU^R01 over MLLP, as most laboratory systems send it. */
  private void sendOru(String accession, Case c, int n) {
    String time = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").format(java.time.ZonedDateTime.now());
    String text = oruTemplate.replace("${ACCESSION}", accession).replace("${MSGID}", "SIM-" + n).replace("${TIME}", time)
        .replace("${PRACTITIONER}", c.practitioner().substring(c.practitioner().indexOf('/') + 1))
        .replace("${PROCEDURE}", c.procedure().code()).replace("${CONCLUSION}", c.conclusion().replace("|", "/"));
    try {
      ca.uhn.hl7v2.app.Connection connection = hl7.newClient("127.0.0.1", mllpPort, false);
      try {
        connection.getInitiator().sendAndReceive(hl7.getPipeParser().parse(text));
      } finally {
        connection.close();
      }
    } catch (ca.uhn.hl7v2.HL7Exception | ca.uhn.hl7v2.llp.LLPException | IOException e) {
      System.err.println("\nsimulated LIS: HL7 v2 message for " + accession + " failed: " + e.getMessage());
    }
  }

  private void sendBadMessage(String accession, int n) throws IOException, InterruptedException {
    if ((n / 9) % 2 == 1) {
      // An HL7 v2 result with no order (OBR) in it: dead-lettered with its reason.
      publish(accession, "MSH|^~\\&|LIS|LAB|||20261127||ORU^R01|" + n + "|P|2.5.1", "application/hl7-v2");
    } else {
      // A report without its patient: refused with an OperationOutcome naming DiagnosticReport.subject.
      DiagnosticReport report = report(accession, CASES.get(0));
      report.setSubject(null);
      post("/DiagnosticReport", Fhir.json().encodeResourceToString(report));
    }
  }

  private void register(String accession, Case c, Instant received) throws IOException, InterruptedException {
    Specimen specimen = new Specimen();
    specimen.getAccessionIdentifier().setSystem("urn:pathtrack:local-lab:accession").setValue(accession);
    specimen.setStatus(Specimen.SpecimenStatus.AVAILABLE);
    specimen.setSubject(new Reference("Patient/local-" + accession));
    specimen.setReceivedTime(Date.from(received));
    specimen.getCollection().setMethod(new CodeableConcept(
        new Coding(ProcedureType.SYSTEM, c.procedure().code(), c.procedure().display())));
    ServiceRequest order = new ServiceRequest();
    order.setId("order");
    order.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    order.setSubject(new Reference("Patient/local-" + accession));
    order.setRequester(new Reference(c.practitioner()));
    if (c.reason() != null) {
      order.addReasonCode(new CodeableConcept().setText(c.reason()));
    }
    if (c.collector() != null) {
      specimen.getCollection().setCollector(new Reference(c.collector()));
    }
    specimen.addContained(order);
    specimen.addRequest(new Reference("#order"));
    http.send(HttpRequest.newBuilder(URI.create(specimenBase + "/Specimen"))
        .header("Content-Type", "application/fhir+json")
        .header("Authorization", "Bearer " + token.get())
        .POST(HttpRequest.BodyPublishers.ofString(Fhir.json().encodeResourceToString(specimen)))
        .build(), HttpResponse.BodyHandlers.discarding());
    // Give the services' specimen tables a moment, as a real lab's report comes hours later.
    Thread.sleep(300);
  }

  private static DiagnosticReport report(String accession, Case c) {
    DiagnosticReport report = new DiagnosticReport();
    report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
    report.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "SP", "Surgical Pathology")));
    report.setCode(new CodeableConcept(new Coding("http://loinc.org", "60567-5", "Comprehensive pathology report")));
    report.setSubject(new Reference("Patient/local-" + accession));
    report.setIssued(new Date());
    addAccession(report, accession);
    report.setConclusion(c.conclusion());
    return report;
  }

  /** A third-party example report, given this lab's accession number as an integration engine would. */
  private DiagnosticReport corpusReport(String accession, String file) throws IOException {
    DiagnosticReport report = Fhir.json().parseResource(DiagnosticReport.class,
        Files.readString(corpus.resolve(file), StandardCharsets.UTF_8));
    addAccession(report, accession);
    if (!report.hasSubject()) {
      report.setSubject(new Reference("Patient/local-" + accession));
    }
    return report;
  }

  private static void addAccession(DiagnosticReport report, String accession) {
    report.addIdentifier().setValue(accession).getType()
        .addCoding(new Coding(Accessions.IDENTIFIER_TYPE_SYSTEM, Accessions.IDENTIFIER_TYPE_CODE, "Accession ID"));
  }

  private void post(String path, String json) throws IOException, InterruptedException {
    http.send(HttpRequest.newBuilder(URI.create(resultsBase + path))
        .header("Content-Type", "application/fhir+json")
        .header("Authorization", "Bearer " + token.get())
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build(), HttpResponse.BodyHandlers.discarding());
  }

  private void publish(String accession, String body, String contentType) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REPORTS_INBOUND.name(), accession,
        body.getBytes(StandardCharsets.UTF_8));
    record.headers().add(EventHeaders.CONTENT_TYPE, contentType.getBytes(StandardCharsets.UTF_8));
    producer.send(record);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      hl7.close();
    } catch (IOException e) {
      // closing on the way out
    }
    producer.close(Duration.ofSeconds(2));
  }
}
