package io.pathtrack.specimen;

import static io.pathtrack.testsupport.EdgeAnswers.assertNoInternals;
import static io.pathtrack.testsupport.EdgeAnswers.outcome;
import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.contract.Topics;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.PathologyFixtures.SpecimenBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering an accession again, and correcting a registration on purpose, on a real broker: a registration
 * never overwrites another patient or ordering practitioner, a correction names the version it corrects, and
 * neither ever moves a specimen back in its lifecycle. The service starts once.
 */
class SpecimenCorrectionTest {
  private static final String ORDERER = "Specimen.request.resolve().requester";

  @TempDir
  static Path state;

  private static SpecimenServiceHarness service;

  @BeforeAll
  static void start() {
    service = new SpecimenServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), state).start();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static SpecimenBuilder registration(String accession) {
    return specimen(accession).patient("Patient/p-1001").orderedBy("Practitioner/dr-lee").received(service.clock.instant());
  }

  private static Http.Response post(Specimen specimen) {
    return Http.post(service.base() + "/fhir/Specimen", "application/fhir+json", Fhir.json().encodeResourceToString(specimen));
  }

  /** Registers another specimen and waits for it: one partition, so whatever was sent before has been applied. */
  private static void awaitEverythingSentSoFar(String marker) {
    service.register(specimen(marker).build());
  }

  private static Map<String, Object> reported(String accession) {
    service.register(registration(accession).build());
    service.finalReport(accession, Outcome.BENIGN, service.clock.instant().plusSeconds(3600), null);
    return service.awaitView(accession, v -> "reported".equals(v.get("lifecycle")));
  }

  private static Specimen read(String accession) {
    Http.Response r = service.read(accession);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return Fhir.json().parseResource(Specimen.class, r.body());
  }

  private static String lifecycle(Specimen specimen) {
    return specimen.getExtensionByUrl(Extensions.LIFECYCLE_STATUS).getValue().primitiveValue();
  }

  @Test
  void registeringAnAccessionAgainForAnotherPatientIsAConflictNamingTheSubjectWithoutItsValue() {
    service.register(registration("SP-RR-PAT").build());
    Http.Response r = post(registration("SP-RR-PAT").patient("Patient/p-9999").build());

    assertThat(r.status()).as(r.body()).isEqualTo(409);
    OperationOutcome.OperationOutcomeIssueComponent issue = outcome(r).getIssueFirstRep();
    assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);
    assertThat(issue.getExpression()).extracting(e -> e.getValue()).containsExactly("Specimen.subject");
    assertThat(issue.getDiagnostics()).contains("PUT").contains("If-Match");
    assertThat(r.body()).doesNotContain("p-9999").doesNotContain("p-1001").doesNotContain("dr-lee");
    assertNoInternals(r.body());

    awaitEverythingSentSoFar("SP-RR-PAT-AFTER");
    assertThat(read("SP-RR-PAT").getSubject().getReference()).isEqualTo("Patient/p-1001");
  }

  @Test
  void registeringAnAccessionAgainForAnotherOrderingPractitionerIsAConflict() {
    service.register(registration("SP-RR-ORD").build());
    Http.Response r = post(registration("SP-RR-ORD").orderedBy("Practitioner/dr-other").build());

    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(outcome(r).getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly(ORDERER);
    assertThat(r.body()).doesNotContain("dr-other").doesNotContain("dr-lee");
    assertThat(service.view("SP-RR-ORD")).containsEntry("orderingPractitioner", "Practitioner/dr-lee");
  }

  @Test
  void registeringTheSameSpecimenAgainIsAcceptedAndLeavesItsStatus() {
    service.register(registration("SP-RR-SAME").build());
    assertThat(service.transition("SP-RR-SAME", "in-process", null).status()).isEqualTo(200);
    service.awaitView("SP-RR-SAME", v -> "in-process".equals(v.get("lifecycle")));

    Http.Response again = post(registration("SP-RR-SAME").build());
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(lifecycle(Fhir.json().parseResource(Specimen.class, again.body()))).isEqualTo("in-process");
    awaitEverythingSentSoFar("SP-RR-SAME-AFTER");
    assertThat(service.view("SP-RR-SAME")).containsEntry("lifecycle", "in-process");
  }

  @Test
  void reportedSpecimenRegisteredAgainWithTheSameDataStaysReported() {
    Map<String, Object> before = reported("SP-RR-REP");
    Http.Response again = post(registration("SP-RR-REP").build());
    assertThat(again.status()).as(again.body()).isEqualTo(200);

    awaitEverythingSentSoFar("SP-RR-REP-AFTER");
    assertThat(service.view("SP-RR-REP")).containsEntry("lifecycle", "reported").containsEntry("sla", before.get("sla"))
        .containsEntry("dueAt", before.get("dueAt"));
    assertThat(read("SP-RR-REP").getExtensionByUrl(Extensions.REPORTED_BY)).isNotNull();
  }

  @Test
  void lateRegistrationEventOnTheTopicNeverMovesAReportedSpecimenBackNorChangesItsPatient() {
    reported("SP-RR-LATE");
    Specimen late = registration("SP-RR-LATE").build();
    late.addExtension(Extensions.LIFECYCLE_STATUS, new CodeType("received"));
    sendRegistration("SP-RR-LATE", late);
    sendRegistration("SP-RR-LATE", registration("SP-RR-LATE").patient("Patient/p-other").build());

    awaitEverythingSentSoFar("SP-RR-LATE-AFTER");
    assertThat(service.view("SP-RR-LATE")).containsEntry("lifecycle", "reported");
    assertThat(read("SP-RR-LATE").getSubject().getReference()).isEqualTo("Patient/p-1001");
    await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(service.bootstrap, Topics.SPECIMENS_DLQ.name()).stream()
        .anyMatch(r -> "SP-RR-LATE".equals(r.key())));
  }

  @Test
  void aSpecimenEventThatIsNotASpecimenIsDeadLetteredWithItsReasonAndTheLifecycleGoesOn() {
    KafkaProbe.send(service.bootstrap, Topics.SPECIMENS.name(), "SP-UNREAD-1",
        "not json: Jane Doe".getBytes(StandardCharsets.UTF_8),
        Map.of(EventHeaders.TYPE, EventTypes.SPECIMEN_REGISTERED, EventHeaders.SUBJECT, "SP-UNREAD-1"));
    sendRegistration("SP-UNREAD-2", registration("SP-UNREAD-2").build());

    service.awaitView("SP-UNREAD-2", v -> true);
    ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(30)).until(
        () -> KafkaProbe.readAll(service.bootstrap, Topics.SPECIMENS_DLQ.name()).stream()
            .filter(r -> "SP-UNREAD-1".equals(r.key())).findFirst(), java.util.Optional::isPresent).orElseThrow();
    assertThat(KafkaProbe.header(dead, EventHeaders.REJECTION_REASON))
        .startsWith("the record could not be read at ")
        .endsWith(": the value is not a FHIR R4 Specimen in JSON (DataFormatException)")
        .doesNotContain("Jane");
  }

  @Test
  void createAndReadAnswerTheVersionAsETag() {
    Http.Response created = post(registration("SP-VER-1").build());
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
    service.awaitView("SP-VER-1", v -> true);
    Http.Response read = service.read("SP-VER-1");
    assertThat(read.header("ETag")).isEqualTo("W/\"1\"");
    assertThat(Fhir.json().parseResource(Specimen.class, read.body()).getMeta().getVersionId()).isEqualTo("1");
  }

  @Test
  void correctionWithoutIfMatchIs428() {
    service.register(registration("SP-COR-428").build());
    Http.Response r = service.correct("SP-COR-428", asRead("SP-COR-428").setSubject(new org.hl7.fhir.r4.model.Reference("Patient/p-2")), null);
    assertThat(r.status()).as(r.body()).isEqualTo(428);
    assertThat(outcome(r).getIssueFirstRep().getLocation()).extracting(l -> l.getValue()).containsExactly("http.If-Match");
    assertThat(read("SP-COR-428").getSubject().getReference()).isEqualTo("Patient/p-1001");
  }

  @Test
  void correctionOfAVersionTheSpecimenHasMovedOnFromIs412() {
    service.register(registration("SP-COR-412").build());
    String version = read("SP-COR-412").getMeta().getVersionId();
    assertThat(service.transition("SP-COR-412", "in-process", null).status()).isEqualTo(200);
    service.awaitView("SP-COR-412", v -> "in-process".equals(v.get("lifecycle")));

    Http.Response r = service.correct("SP-COR-412", asRead("SP-COR-412").setSubject(new org.hl7.fhir.r4.model.Reference("Patient/p-2")),
        "W/\"" + version + "\"");
    assertThat(r.status()).as(r.body()).isEqualTo(412);
    assertThat(outcome(r).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);
    assertThat(read("SP-COR-412").getSubject().getReference()).isEqualTo("Patient/p-1001");
  }

  @Test
  void correctionOfAnUnknownAccessionIs404AndOfAnotherAccessionThanThePathIs400() {
    Specimen unknown = registration("SP-COR-NOBODY").build();
    unknown.setId("SP-COR-NOBODY");
    assertThat(service.correct("SP-COR-NOBODY", unknown, "W/\"1\"").status()).isEqualTo(404);

    service.register(registration("SP-COR-400").build());
    Specimen other = asRead("SP-COR-400");
    other.getAccessionIdentifier().setValue("SP-COR-OTHER");
    Http.Response r = service.correct("SP-COR-400", other, "W/\"1\"");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(outcome(r).getIssueFirstRep().getExpression()).extracting(e -> e.getValue())
        .containsExactly("Specimen.accessionIdentifier");
  }

  @Test
  void correctionOfTheVersionReadReplacesPatientAndOrdererKeepsTheLifecycleAndIsAudited() {
    Map<String, Object> before = reported("SP-COR-OK");
    Http.Response read = service.read("SP-COR-OK");
    Specimen corrected = Fhir.json().parseResource(Specimen.class, read.body());
    long version = Long.parseLong(corrected.getMeta().getVersionId());
    corrected.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/p-2002"));
    SpecimenOrders.orders(corrected).get(0).setRequester(new org.hl7.fhir.r4.model.Reference("Practitioner/dr-novak"));

    Http.Response r = service.correct("SP-COR-OK", corrected, read.header("ETag"));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("ETag")).isEqualTo("W/\"" + (version + 1) + "\"");
    Specimen answer = Fhir.json().parseResource(Specimen.class, r.body());
    assertThat(answer.getSubject().getReference()).isEqualTo("Patient/p-2002");
    assertThat(lifecycle(answer)).isEqualTo("reported");
    assertThat(read("SP-COR-OK").getMeta().getVersionId()).isEqualTo(Long.toString(version + 1));
    assertThat(service.view("SP-COR-OK")).containsEntry("lifecycle", "reported").containsEntry("sla", before.get("sla"))
        .containsEntry("dueAt", before.get("dueAt")).containsEntry("orderingPractitioner", "Practitioner/dr-novak");

    ConsumerRecord<String, byte[]> event = service.specimenEvents("SP-COR-OK").stream()
        .filter(e -> EventTypes.SPECIMEN_CORRECTED.equals(KafkaProbe.header(e, EventHeaders.TYPE))).findFirst().orElseThrow();
    assertThat(List.of(KafkaProbe.header(event, EventHeaders.CHANGED).split(","))).contains("Specimen.subject", ORDERER);
    assertThat(KafkaProbe.header(event, EventHeaders.LIFECYCLE_STATUS)).isEqualTo("reported");
    assertThat(service.auditDetails.get("PUT /fhir/Specimen/SP-COR-OK"))
        .startsWith("corrected: ").contains("Specimen.subject", ORDERER).doesNotContain("p-2002").doesNotContain("novak");
  }

  @Test
  void correctionCannotChangeTheStatus() {
    reported("SP-COR-STATUS");
    Http.Response read = service.read("SP-COR-STATUS");
    Specimen backToReceived = Fhir.json().parseResource(Specimen.class, read.body());
    backToReceived.getExtensionByUrl(Extensions.LIFECYCLE_STATUS).setValue(new CodeType("received"));

    Http.Response r = service.correct("SP-COR-STATUS", backToReceived, read.header("ETag"));

    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(outcome(r).getIssueFirstRep().getExpression()).extracting(e -> e.getValue())
        .containsExactly("Specimen.extension:lifecycle-status");
    assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).contains("$transition");
    assertThat(lifecycle(read("SP-COR-STATUS"))).isEqualTo("reported");
    assertThat(read("SP-COR-STATUS").getMeta().getVersionId()).isEqualTo(
        Fhir.json().parseResource(Specimen.class, read.body()).getMeta().getVersionId());
  }

  /** The specimen as read, ready to be corrected (its id, accession and status as held). */
  private static Specimen asRead(String accession) {
    service.awaitView(accession, v -> true);
    return read(accession);
  }

  private static void sendRegistration(String accession, Specimen specimen) {
    specimen.setId(accession);
    KafkaProbe.send(service.bootstrap, Topics.SPECIMENS.name(), accession,
        Fhir.json().encodeResourceToString(specimen).getBytes(StandardCharsets.UTF_8),
        Map.of(EventHeaders.TYPE, EventTypes.SPECIMEN_REGISTERED, EventHeaders.SUBJECT, accession,
            EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_JSON));
  }
}
