package io.pathtrack.specimen;

import static io.pathtrack.testsupport.EdgeAnswers.assertNoInternals;
import static io.pathtrack.testsupport.EdgeAnswers.assertSecurityHeaders;
import static io.pathtrack.testsupport.EdgeAnswers.outcome;
import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Topics;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * specimen-service's HTTP edge under hostile input, over real HTTP on a real broker: bodies over the limit,
 * accessions that cannot be keys, broken JSON, and the security headers on every kind of answer. The
 * service starts once and must still register a normal specimen at the end.
 */
class HttpEdgeTest {
  private static final int TWO_MB = 2 * 1024 * 1024;

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

  @Test
  void twoMegabyteSpecimenIsRefusedWith413BeforeItIsRead() {
    Specimen big = specimen("SP-EDGE-BIG").build();
    big.addNote(new Annotation().setText("x".repeat(TWO_MB)));
    Http.Response r = postSpecimen(Fhir.json().encodeResourceToString(big));

    assertThat(r.status()).isEqualTo(413);
    OperationOutcome oo = outcome(r);
    assertThat(oo.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOLONG);
    assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("1 MB");
    assertNoInternals(r.body());
    assertSecurityHeaders(r);
  }

  @Test
  void chunkedBodyOverTheLimitIsRefusedWith413() {
    byte[] body = ("{\"resourceType\":\"Specimen\",\"note\":[{\"text\":\"" + "y".repeat(TWO_MB) + "\"}]}")
        .getBytes(StandardCharsets.UTF_8);
    Http.Response r = Http.send(HttpRequest.newBuilder(URI.create(service.base() + "/fhir/Specimen"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build());

    assertThat(r.status()).as(r.body()).isEqualTo(413);
    assertThat(outcome(r).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOLONG);
    assertNoInternals(r.body());
  }

  @Test
  void hundredThousandCharacterAccessionIsRefusedNamingTheElementWithoutRepeatingIt() {
    String accession = "A".repeat(100_000);
    Http.Response r = postSpecimen(specimen(accession).json());

    assertThat(r.status()).isEqualTo(422);
    OperationOutcome oo = outcome(r);
    assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Specimen.accessionIdentifier.value");
    assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("over the limit of 64");
    assertThat(r.body()).hasSizeLessThan(1_000).doesNotContain("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  }

  @Test
  void accessionWithLineBreakIsRefusedAndNeverBecomesAKey() {
    Http.Response r = postSpecimen(specimen("SP-EDGE-CRLF\r\nce_type: forged").json());

    assertThat(r.status()).isEqualTo(422);
    OperationOutcome oo = outcome(r);
    assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Specimen.accessionIdentifier.value");
    assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("control characters");
    assertThat(r.body()).doesNotContain("forged");
    assertThat(KafkaProbe.readAll(service.bootstrap, Topics.SPECIMENS.name()))
        .noneMatch(rec -> rec.key() != null && rec.key().startsWith("SP-EDGE-CRLF"));
  }

  @Test
  void orderWithUnusableAccessionIsRefusedNamingItsIdentifier() {
    ServiceRequest order = new ServiceRequest();
    order.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    order.addIdentifier().setValue("SP EDGE\tORDER").getType().addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("ACSN");
    Http.Response r = Http.post(service.base() + "/fhir/ServiceRequest", "application/fhir+json",
        Fhir.json().encodeResourceToString(order));

    assertThat(r.status()).isEqualTo(422);
    assertThat(outcome(r).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("ServiceRequest.identifier.value");
  }

  @Test
  void transactionWithOneUnusableAccessionRegistersNothing() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().setResource(specimen("SP-EDGE-TX-GOOD").build())
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Specimen");
    bundle.addEntry().setResource(specimen("SP-EDGE-TX-" + "9".repeat(80)).build())
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Specimen");
    Http.Response r = Http.post(service.base() + "/fhir", "application/fhir+json", Fhir.json().encodeResourceToString(bundle));

    assertThat(r.status()).isEqualTo(422);
    assertThat(outcome(r).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Specimen.accessionIdentifier.value");
    // One partition: once a later registration is visible, an earlier one would be too.
    service.register(specimen("SP-EDGE-TX-AFTER").build());
    assertThat(service.view("SP-EDGE-TX-GOOD")).isNull();
  }

  @Test
  void transitionOfAnUnusableAccessionInThePathIsRefusedNamingTheId() {
    Http.Response longId = service.transition("B".repeat(200), "received", null);
    assertThat(longId.status()).isEqualTo(422);
    assertThat(outcome(longId).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Specimen.id");
    assertThat(longId.body()).doesNotContain("B".repeat(65));

    Http.Response lineBreak = service.transition("SP%0D%0AEDGE", "received", null);
    assertThat(lineBreak.status()).isBetween(400, 422);
    assertThat(lineBreak.body()).doesNotContain("\r").doesNotContain("\n");
    assertNoInternals(lineBreak.body());
  }

  @Test
  void malformedJsonIs400SayingWhatIsWrongWithoutClassNames() {
    Http.Response r = postSpecimen("{\"resourceType\": \"Specimen\", \"accessionIdentifier\": {\"value\": \"SP-EDGE-1\",}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).containsIgnoringCase("json");
    assertNoInternals(r.body());
  }

  @Test
  void unknownCodeIsRefusedWithoutEchoingALongValue() {
    String patientName = "Jane Q Patient born 1970-01-01 of 12 Long Street " + "z".repeat(200);
    Specimen s = specimen("SP-EDGE-CODE").build().setStatus(null);
    Http.Response r = postSpecimen(Fhir.json().encodeResourceToString(s).replaceFirst("\\{", "{\"status\":\"" + patientName + "\","));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("z".repeat(50));
    assertNoInternals(r.body());
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() {
    assertSecurityHeaders(Http.get(service.base() + "/fhir/metadata"));
    assertSecurityHeaders(Http.get(service.base() + "/specimens/open"));
    Http.Response unknownSpecimen = Http.get(service.base() + "/specimens/SP-EDGE-NOBODY");
    assertThat(unknownSpecimen.status()).isEqualTo(404);
    assertSecurityHeaders(unknownSpecimen);
    Http.Response noSuchPath = Http.get(service.base() + "/no/such/path");
    assertThat(noSuchPath.status()).isEqualTo(404);
    assertThat(outcome(noSuchPath).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    assertSecurityHeaders(noSuchPath);
    Http.Response fhirMissing = Http.get(service.base() + "/fhir/Specimen/SP-EDGE-NOBODY");
    assertThat(fhirMissing.status()).isEqualTo(404);
    assertSecurityHeaders(fhirMissing);
    Http.Response health = Http.get(service.management() + "/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertSecurityHeaders(health);
  }

  @Test
  void springEndpointsAnswerWrongMethodAndMediaTypeWithOperationOutcomes() {
    Http.Response method = Http.post(service.base() + "/specimens/open", "application/json", "{}");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.header("Allow")).contains("GET");
    assertThat(outcome(method).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
    assertSecurityHeaders(method);
  }

  @Test
  void serviceStillRegistersANormalSpecimenAfterBadInput() {
    postSpecimen(specimen("C".repeat(100_000)).json());
    postSpecimen("{not json");
    Specimen normal = specimen("SP-EDGE-OK").orderedBy("Practitioner/dr-lee").received(Instant.parse("2026-11-23T09:00:00Z")).build();
    Http.Response r = service.register(normal);
    assertThat(r.status()).isEqualTo(201);
    assertSecurityHeaders(r);
  }

  private static Http.Response postSpecimen(String json) {
    return Http.post(service.base() + "/fhir/Specimen", "application/fhir+json", json);
  }
}
