package io.pathtrack.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.testsupport.PathologyFixtures;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class ReportIntakeTest {

  @Test
  void copiesToComeFromTheReportAndItsOrderEachOnce() {
    DiagnosticReport built = PathologyFixtures.report("S26-1").requester("Practitioner/dr-lee").build();
    built.addExtension(Extensions.COPIES_TO, new Reference("Practitioner/dr-okafor"));
    ServiceRequest order = built.getContained().stream().filter(ServiceRequest.class::isInstance)
        .map(ServiceRequest.class::cast).findFirst().orElseThrow();
    order.addExtension(Extensions.COPIES_TO, new Reference("Practitioner/dr-novak"));
    order.addExtension(Extensions.COPIES_TO, new Reference("Practitioner/dr-okafor"));
    // As received: parsed, so the report's basedOn reaches its contained order.
    DiagnosticReport report = Fhir.json().parseResource(DiagnosticReport.class, Fhir.json().encodeResourceToString(built));
    assertThat(ReportIntake.copiesTo(report)).containsExactly("Practitioner/dr-okafor", "Practitioner/dr-novak");
  }

  @Test
  void reportThatWouldBeTooLargeToPublishIsRefusedUpFrontStatingTheLimit() {
    ReportIntake intake = new ReportIntake(new ReportReader(new PayloadGuard(1024 * 1024)),
        new ReportValidator(java.util.List.of()),
        new io.pathtrack.results.classification.OutcomeClassifier(), nanos -> { }, 20_000, RecentAssessments.none());
    byte[] small = PathologyFixtures.report("S26-2").conclusion("Invasive ductal carcinoma.").json()
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(intake.assess(small, "application/fhir+json")).hasSize(1);
    byte[] large = PathologyFixtures.report("S26-3").conclusion("Invasive ductal carcinoma. " + "Tumour cells. ".repeat(2_000))
        .json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.assess(large, "application/fhir+json"))
        .isInstanceOfSatisfying(io.pathtrack.results.validation.ReportRejectedException.class, rejection -> {
          assertThat(rejection.primary().code()).isEqualTo("too-long");
          assertThat(rejection.primary().message()).contains("over the limit of 20000 bytes for a published report");
        });
  }
}
