package io.pathtrack.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.SpecimenOrders;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;

/** The benchmark's reports are what its README promises, and its latency figures are read the right way round. */
class BenchReportsTest {
  @Test
  void generatedReportsAreFinalFhirReportsOfTwoToEightKilobytesOverEveryProcedureWithTheirAccession() throws Exception {
    BenchReports reports = new BenchReports(7, null, "T");
    List<BenchReports.Payload> payloads = IntStream.range(0, 400).mapToObj(i -> reports.next()).toList();
    assertThat(payloads).extracting(BenchReports.Payload::accession).doesNotHaveDuplicates()
        .allSatisfy(a -> assertThat(Accessions.problem(a)).isEmpty());
    assertThat(payloads).allSatisfy(p -> assertThat(p.json().length).isBetween(2_000, 8_192));
    assertThat(payloads).allMatch(BenchReports.Payload::timed);
    Set<ProcedureType> procedures = new HashSet<>();
    Set<String> conclusions = new HashSet<>();
    for (BenchReports.Payload p : payloads) {
      DiagnosticReport report = Fhir.json().parseResource(DiagnosticReport.class, new String(p.json(),
          java.nio.charset.StandardCharsets.UTF_8));
      assertThat(report.getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.FINAL);
      assertThat(report.getIdentifierFirstRep().getValue()).isEqualTo(p.accession());
      Specimen specimen = (Specimen) report.getSpecimenFirstRep().getResource();
      SpecimenOrders.procedureType(specimen).ifPresent(procedures::add);
      assertThat(report.getBasedOn()).extracting(Reference::getResource).isNotEmpty();
      assertThat(report.getResult()).hasSize(2);
      conclusions.add(report.getConclusion());
    }
    assertThat(procedures).as("every procedure type but the unmapped one")
        .hasSize(ProcedureType.values().length - 1);
    assertThat(conclusions).hasSizeGreaterThanOrEqualTo(9);
  }

  @Test
  void latencyPercentilesAreInMillisecondsOfTheTimeSinceEachWasDue() {
    Latency latency = new Latency();
    for (int ms = 1; ms <= 100; ms++) {
      latency.record(ms * 1_000_000L);
    }
    Latency.Summary summary = latency.summary();
    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50()).isEqualTo(50.0);
    assertThat(summary.p99()).isEqualTo(99.0);
    assertThat(summary.max()).isEqualTo(100.0);
  }
}
