package io.pathtrack.specimen;

import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.PathologyFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * specimen-service on a real Kafka broker with an injected clock: registrations, lifecycle moves,
 * searches, and turnaround timers that fire when the test moves the clock. The service starts once.
 */
class SpecimenServiceIntegrationTest {
  @TempDir
  static Path state;

  private static SpecimenServiceHarness service;

  @BeforeAll
  static void start() {
    // Monday 23 November 2026, 10:00 in London (UTC in November).
    service = new SpecimenServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), state).start();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static Instant now() {
    return service.clock.instant();
  }

  private static Instant instant(Map<String, Object> view, String field) {
    return Instant.parse((String) view.get(field));
  }

  @Test
  void registeredSpecimenCanBeReadAndSearched() {
    service.register(specimen("SP-REG-1").procedure(ProcedureType.MRI_GUIDED).orderedBy("Practitioner/dr-novak")
        .received(now()).build());
    Http.Response read = Http.get(service.base() + "/fhir/Specimen/SP-REG-1");
    assertThat(read.status()).isEqualTo(200);
    Specimen s = Fhir.json().parseResource(Specimen.class, read.body());
    assertThat(s.getExtensionByUrl(Extensions.LIFECYCLE_STATUS).getValue().primitiveValue()).isEqualTo("received");

    for (String query : List.of("accession=SP-REG-1", "status=received&procedure-type=mri-guided",
        "ordering-practitioner=Practitioner/dr-novak")) {
      Bundle found = Fhir.json().parseResource(Bundle.class, Http.get(service.base() + "/fhir/Specimen?" + query).body());
      assertThat(found.getEntry()).as(query).anyMatch(e -> e.getResource().getIdElement().getIdPart().equals("SP-REG-1"));
    }
    Bundle none = Fhir.json().parseResource(Bundle.class, Http.get(service.base() + "/fhir/Specimen?procedure-type=ct-bone&accession=SP-REG-1").body());
    assertThat(none.getEntry()).isEmpty();
  }

  @Test
  void specimenWithoutAccessionIsRefusedNamingTheElement() {
    Specimen s = specimen("x").build();
    s.setAccessionIdentifier(null);
    Http.Response r = Http.post(service.base() + "/fhir/Specimen", "application/fhir+json", Fhir.json().encodeResourceToString(s));
    assertThat(r.status()).isEqualTo(422);
    assertThat(Fhir.json().parseResource(OperationOutcome.class, r.body()).getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("Specimen.accessionIdentifier");
  }

  @Test
  void orderedSpecimenStartsItsClockWhenReceivedAndMovesOnlyForward() {
    service.register(specimen("SP-LIFE-1").procedure(ProcedureType.FINE_NEEDLE_ASPIRATION).received(null).build());
    assertThat(service.view("SP-LIFE-1")).containsEntry("lifecycle", "ordered").containsEntry("sla", "not-started");

    assertThat(service.transition("SP-LIFE-1", "received", null).status()).isEqualTo(200);
    Map<String, Object> received = service.awaitView("SP-LIFE-1", v -> "on-track".equals(v.get("sla")));
    assertThat(received).containsEntry("lifecycle", "received").containsEntry("target", "2 working days");

    Http.Response backwards = service.transition("SP-LIFE-1", "collected", null);
    assertThat(backwards.status()).isEqualTo(409);
    assertThat(backwards.body()).contains("cannot become collected");
    assertThat(service.transition("SP-LIFE-1", "rejected", null).status()).isEqualTo(422);
    assertThat(service.transition("SP-LIFE-1", "rejected", "unlabelled container").status()).isEqualTo(200);
    Map<String, Object> rejected = service.awaitView("SP-LIFE-1", v -> "rejected".equals(v.get("lifecycle")));
    assertThat(rejected).containsEntry("sla", "stopped");
  }

  @Test
  void warningThenBreachThenLateAsTheClockMoves() {
    service.register(specimen("SP-SLA-1").procedure(ProcedureType.US_CORE_NEEDLE).orderedBy("Practitioner/dr-lee")
        .received(now()).build());
    Map<String, Object> plan = service.awaitView("SP-SLA-1", v -> v.get("dueAt") != null);
    Instant warningAt = instant(plan, "warningAt");
    Instant dueAt = instant(plan, "dueAt");

    service.clock.set(warningAt.plusSeconds(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> service.slaTypes("SP-SLA-1").contains(EventTypes.SLA_WARNING));
    assertThat(service.slaTypes("SP-SLA-1")).doesNotContain(EventTypes.SLA_BREACH);

    service.clock.set(dueAt.plusSeconds(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> service.slaTypes("SP-SLA-1").contains(EventTypes.SLA_BREACH));
    assertThat(service.open()).anySatisfy(o -> assertThat(o).containsEntry("accession", "SP-SLA-1").containsEntry("sla", "breached"));

    service.clock.advance(Duration.ofHours(3));
    service.finalReport("SP-SLA-1", Outcome.BENIGN, now(), null);
    await().atMost(Duration.ofSeconds(30)).until(() -> service.slaTypes("SP-SLA-1").contains(EventTypes.SLA_LATE));
    var late = service.slaEvents("SP-SLA-1").stream()
        .filter(r -> EventTypes.SLA_LATE.equals(KafkaProbe.header(r, EventHeaders.TYPE))).findFirst().orElseThrow();
    assertThat(Long.parseLong(KafkaProbe.header(late, EventHeaders.TURNAROUND_MINUTES)))
        .isEqualTo(Duration.between(instant(plan, "clockStart"), now()).toMinutes());
    assertThat(KafkaProbe.header(late, EventHeaders.ORDERING_PRACTITIONER)).isEqualTo("Practitioner/dr-lee");
    assertThat(service.slaTypes("SP-SLA-1")).containsExactly(EventTypes.SLA_WARNING, EventTypes.SLA_BREACH, EventTypes.SLA_LATE);
    assertThat(service.awaitView("SP-SLA-1", v -> "late".equals(v.get("sla")))).containsEntry("lifecycle", "reported");
  }

  /**
   * The clinical loop (docs/architecture.md §4a) in the running service: a benign report for a BI-RADS 5 calcification
   * target is discordant on the Specimen and its page; its recommended repeat biopsy is a Task due in 14 days that
   * becomes overdue when the clock passes it, and the lab closes it with {@code $follow-up}.
   */
  @Test
  void aDiscordantReportsRecommendedFollowUpIsTrackedToOverdueAndClosed() {
    service.register(specimen("SP-LOOP-1").procedure(ProcedureType.STEREOTACTIC_VACUUM).orderedBy("Practitioner/dr-lee")
        .reason("Grouped microcalcifications, BI-RADS 5").collectedBy("Practitioner/dr-okafor").received(now()).build());
    service.awaitView("SP-LOOP-1", v -> v.get("dueAt") != null);
    Instant issued = now();

    service.finalReportWith("SP-LOOP-1", Outcome.BENIGN, issued, Map.of(EventHeaders.FOLLOW_UPS, "repeat-biopsy,imaging:P6M",
        EventHeaders.CALCIFICATIONS, "not-mentioned"));

    await().atMost(Duration.ofSeconds(30)).until(() -> service.slaTypes("SP-LOOP-1").stream()
        .filter(EventTypes.FOLLOW_UP_CREATED::equals).count() == 2);
    var created = service.slaEvents("SP-LOOP-1").stream()
        .filter(r -> EventTypes.FOLLOW_UP_CREATED.equals(KafkaProbe.header(r, EventHeaders.TYPE))).toList();
    assertThat(created).extracting(r -> KafkaProbe.header(r, EventHeaders.FOLLOW_UP_KIND)).containsExactly("repeat-biopsy", "imaging");
    assertThat(KafkaProbe.header(created.get(0), EventHeaders.DUE_TIME)).isEqualTo(issued.plus(Duration.ofDays(14)).toString());
    org.hl7.fhir.r4.model.Task task = io.pathtrack.contract.Fhir.json().parseResource(org.hl7.fhir.r4.model.Task.class,
        new String(created.get(0).value(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(task.getFocus().getReference()).isEqualTo("Specimen/SP-LOOP-1");
    assertThat(task.getOwner().getReference()).isEqualTo("Practitioner/dr-lee");
    assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("open");

    org.hl7.fhir.r4.model.Specimen specimen = io.pathtrack.contract.Fhir.json()
        .parseResource(org.hl7.fhir.r4.model.Specimen.class, service.read("SP-LOOP-1").body());
    assertThat(io.pathtrack.contract.Concordance.readFrom(specimen)).hasValueSatisfying(c -> {
      assertThat(c.state()).isEqualTo(io.pathtrack.contract.Concordance.State.DISCORDANT);
      assertThat(c.calcifications()).isEqualTo(io.pathtrack.contract.Concordance.Calcifications.NOT_CONFIRMED);
    });
    assertThat(service.metrics()).contains("pathtrack_concordance_total{state=\"discordant\"}");

    assertThat(service.followUp("SP-LOOP-1", "excision", "completed").status()).as("no such follow-up").isEqualTo(409);
    assertThat(service.followUp("SP-LOOP-1", "repeat-biopsy", "reopened").status()).isEqualTo(422);
    assertThat(service.followUp("SP-LOOP-1", "Repeat Biopsy<script>", "completed").status()).isEqualTo(422);

    service.clock.set(issued.plus(Duration.ofDays(14)).plusSeconds(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> service.slaTypes("SP-LOOP-1").contains(EventTypes.FOLLOW_UP_OVERDUE));
    assertThat(service.slaEvents("SP-LOOP-1")).filteredOn(r -> EventTypes.FOLLOW_UP_OVERDUE.equals(KafkaProbe.header(r, EventHeaders.TYPE)))
        .singleElement().satisfies(r -> assertThat(KafkaProbe.header(r, EventHeaders.FOLLOW_UP_KIND)).isEqualTo("repeat-biopsy"));

    assertThat(service.followUp("SP-LOOP-1", "repeat-biopsy", "completed").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> service.slaTypes("SP-LOOP-1").contains(EventTypes.FOLLOW_UP_CLOSED));
    assertThat(service.followUp("SP-LOOP-1", "imaging", "cancelled").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> service.slaTypes("SP-LOOP-1").stream()
        .filter(EventTypes.FOLLOW_UP_CLOSED::equals).count() == 2);
    service.clock.set(issued.plus(Duration.ofDays(200)));
    assertThat(service.followUp("SP-LOOP-1", "imaging", "cancelled").status()).as("already closed").isEqualTo(409);
    assertThat(service.slaTypes("SP-LOOP-1")).filteredOn(EventTypes.FOLLOW_UP_OVERDUE::equals).hasSize(1);
  }

  /**
   * A CT-guided bone biopsy sent to pathology and microbiology. The culture's final report alone does not report the
   * specimen nor stop its clock. The histology, when it comes first, is decided at once — its discordance told on the
   * specimen topic (reported in part), its recommended follow-up tracked — and the specimen is reported when both have.
   */
  @Test
  void aSpecimenOrderedForHistologyAndCultureIsReportedWhenBothHaveReported() {
    service.register(specimen("SP-MB-1").procedure(ProcedureType.CT_BONE).orderedBy("Practitioner/dr-novak")
        .alsoOrdered("Bone culture (aerobic and anaerobic), suspected osteomyelitis").received(now()).build());
    service.awaitView("SP-MB-1", v -> v.get("dueAt") != null);

    service.finalReportWith("SP-MB-1", Outcome.ATYPICAL, now(), Map.of(EventHeaders.DISCIPLINE, "microbiology",
        EventHeaders.CULTURE, "growth", EventHeaders.REPORT_ID, "r-SP-MB-1-culture"));
    Map<String, Object> partial = service.awaitView("SP-MB-1", v -> String.valueOf(v.get("timeline")).contains("reported-in-part"));
    assertThat(partial.get("lifecycle")).isNotEqualTo("reported");
    assertThat(String.valueOf(partial.get("timeline"))).contains("waiting for histology");
    assertThat(service.slaTypes("SP-MB-1")).doesNotContain(EventTypes.SLA_MET, EventTypes.SLA_LATE);

    service.clock.advance(Duration.ofHours(2));
    service.finalReport("SP-MB-1", Outcome.BENIGN, now(), null);
    assertThat(service.awaitView("SP-MB-1", v -> "reported".equals(v.get("lifecycle")))).containsEntry("sla", "met");
    Specimen reported = Fhir.json().parseResource(Specimen.class, service.read("SP-MB-1").body());
    assertThat(io.pathtrack.contract.SpecimenOrders.reportedDisciplines(reported))
        .containsExactlyInAnyOrder(io.pathtrack.contract.Discipline.HISTOLOGY, io.pathtrack.contract.Discipline.MICROBIOLOGY);
  }

  @Test
  void aHistologyReportWhileTheCultureIsAwaitedIsDecidedAtOnce() {
    service.register(specimen("SP-MB-2").procedure(ProcedureType.CT_BONE).orderedBy("Practitioner/dr-novak")
        .reason("CT: aggressive lytic lesion, highly suspicious for malignancy").alsoOrdered("Bone culture")
        .received(now()).build());
    service.awaitView("SP-MB-2", v -> v.get("dueAt") != null);

    service.finalReportWith("SP-MB-2", Outcome.BENIGN, now(), Map.of(EventHeaders.FOLLOW_UPS, "repeat-biopsy",
        EventHeaders.PERFORMER, "Practitioner/dr-okafor"));

    await().atMost(Duration.ofSeconds(30)).until(() -> service.specimenEvents("SP-MB-2").stream()
        .anyMatch(r -> EventTypes.SPECIMEN_REPORTED_IN_PART.equals(KafkaProbe.header(r, EventHeaders.TYPE))));
    var inPart = service.specimenEvents("SP-MB-2").stream()
        .filter(r -> EventTypes.SPECIMEN_REPORTED_IN_PART.equals(KafkaProbe.header(r, EventHeaders.TYPE))).findFirst().orElseThrow();
    Specimen told = Fhir.json().parseResource(Specimen.class, new String(inPart.value(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(io.pathtrack.contract.Concordance.readFrom(told)).hasValueSatisfying(c ->
        assertThat(c.state()).isEqualTo(io.pathtrack.contract.Concordance.State.DISCORDANT));
    assertThat(io.pathtrack.contract.SpecimenOrders.performer(told)).as("the report's Procedure performer")
        .contains("Practitioner/dr-okafor");
    await().atMost(Duration.ofSeconds(30)).until(() -> service.slaTypes("SP-MB-2").contains(EventTypes.FOLLOW_UP_CREATED));
    Map<String, Object> view = service.awaitView("SP-MB-2", v -> String.valueOf(v.get("timeline")).contains("waiting for microbiology"));
    assertThat(view.get("lifecycle")).isNotEqualTo("reported");
    assertThat(String.valueOf(view.get("followUps"))).contains("repeat-biopsy");
  }

  @Test
  void reportOnTimeIsMetAndNoTimerFiresAfterwards() {
    service.register(specimen("SP-MET-1").procedure(ProcedureType.STEREOTACTIC_VACUUM).received(now()).build());
    Map<String, Object> plan = service.awaitView("SP-MET-1", v -> v.get("dueAt") != null);
    service.finalReport("SP-MET-1", Outcome.MALIGNANT, now().plusSeconds(3600), null);
    await().atMost(Duration.ofSeconds(30)).until(() -> service.slaTypes("SP-MET-1").contains(EventTypes.SLA_MET));

    service.clock.set(instant(plan, "dueAt").plusSeconds(60));
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(service.slaTypes("SP-MET-1")).containsExactly(EventTypes.SLA_MET);
    assertThat(service.open()).noneMatch(o -> "SP-MET-1".equals(o.get("accession")));
    assertThat(service.metrics()).contains("pathtrack_turnaround_compliance{procedure=\"stereotactic-vab\"}");
  }

  @Test
  void cancelledSpecimenStopsItsClock() {
    service.register(specimen("SP-CAN-1").procedure(ProcedureType.CT_BONE).received(now()).build());
    Map<String, Object> plan = service.awaitView("SP-CAN-1", v -> v.get("dueAt") != null);
    assertThat(service.transition("SP-CAN-1", "cancelled", "duplicate order").status()).isEqualTo(200);
    service.awaitView("SP-CAN-1", v -> "stopped".equals(v.get("sla")));

    service.clock.set(instant(plan, "dueAt").plusSeconds(60));
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(service.slaTypes("SP-CAN-1")).isEmpty();
  }

  @Test
  void reportForASpecimenNeverRegisteredCreatesItFlagged() {
    DiagnosticReport report = PathologyFixtures.report("SP-NEW-1").conclusion("Benign.").build();
    Specimen contained = (Specimen) report.getContained().get(0);
    contained.setReceivedTime(Date.from(now().minus(Duration.ofHours(5))));
    service.finalReport("SP-NEW-1", Outcome.BENIGN, now(), Fhir.json().encodeResourceToString(report));

    Map<String, Object> view = service.awaitView("SP-NEW-1", v -> "reported".equals(v.get("lifecycle")));
    assertThat(view).containsEntry("unregistered", true).containsEntry("sla", "met").containsEntry("procedure", "unmapped");
    assertThat(service.slaTypes("SP-NEW-1")).containsExactly(EventTypes.SLA_MET);
  }

  @Test
  void openSpecimensAreListedSoonestDueFirstWithTheirTimeline() {
    service.register(specimen("SP-OPEN-BONE").procedure(ProcedureType.CT_BONE).received(now()).build());
    service.register(specimen("SP-OPEN-FNA").procedure(ProcedureType.FINE_NEEDLE_ASPIRATION).received(now()).build());
    service.awaitView("SP-OPEN-FNA", v -> v.get("dueAt") != null);
    List<String> order = service.open().stream().map(o -> (String) o.get("accession"))
        .filter(a -> a.startsWith("SP-OPEN-")).toList();
    assertThat(order).containsExactly("SP-OPEN-FNA", "SP-OPEN-BONE");
    assertThat(service.view("SP-OPEN-BONE").get("timeline")).asList().isNotEmpty();
    assertThat(service.metrics()).contains("pathtrack_specimens_open").contains("pathtrack_specimens_overdue");
  }

  @Test
  void transactionBundleRegistersSpecimenWithItsOrder() {
    Specimen specimen = specimen("SP-TX-1").orderedBy(null).received(now()).build();
    specimen.addRequest().setReference("urn:uuid:order-1");
    org.hl7.fhir.r4.model.ServiceRequest order = new org.hl7.fhir.r4.model.ServiceRequest();
    order.setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.ACTIVE);
    order.setIntent(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent.ORDER);
    order.setPriority(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority.URGENT);
    order.setSubject(specimen.getSubject());
    order.setRequester(new org.hl7.fhir.r4.model.Reference("Practitioner/dr-okafor"));
    order.getCode().setText("Fine needle aspiration, thyroid");
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().setFullUrl("urn:uuid:spec-1").setResource(specimen.setCollection(null))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Specimen");
    bundle.addEntry().setFullUrl("urn:uuid:order-1").setResource(order)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");
    Http.Response r = Http.post(service.base() + "/fhir", "application/fhir+json", Fhir.json().encodeResourceToString(bundle));
    assertThat(r.status()).as(r.body()).isEqualTo(200);

    Map<String, Object> view = service.awaitView("SP-TX-1", v -> v.get("dueAt") != null);
    assertThat(view).containsEntry("orderingPractitioner", "Practitioner/dr-okafor")
        .containsEntry("procedure", "fna").containsEntry("priority", "urgent").containsEntry("target", "24 h");
  }
}
