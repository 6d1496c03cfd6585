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
}
