package io.pathtrack.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.junit.jupiter.api.Test;

class AccessionsTest {

  private static DiagnosticReport parse(String json) {
    return Fhir.json().parseResource(DiagnosticReport.class, json);
  }

  @Test
  void accessionComesFromContainedSpecimenFirst() {
    DiagnosticReport report = parse("""
        {"resourceType":"DiagnosticReport","status":"final",
         "contained":[{"resourceType":"Specimen","id":"s","accessionIdentifier":{"value":" S26-100 "}}],
         "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"ACSN"}]},"value":"OTHER"}],
         "code":{"text":"x"},"specimen":[{"reference":"#s"}]}""");
    assertThat(Accessions.ofReport(report, List.of())).contains("S26-100");
  }

  @Test
  void accessionFallsBackToIdentifierTypedAcsn() {
    DiagnosticReport report = parse("""
        {"resourceType":"DiagnosticReport","status":"final",
         "identifier":[{"system":"urn:lab:report","value":"R1"},
                       {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"ACSN"}]},"value":"S26-200"}],
         "code":{"text":"x"}}""");
    assertThat(Accessions.ofReport(report, List.of())).contains("S26-200");
  }

  @Test
  void accessionFromConfiguredIdentifierSystemOnlyWhenNamed() {
    DiagnosticReport report = parse("""
        {"resourceType":"DiagnosticReport","status":"final",
         "identifier":[{"system":"urn:lab:accession","value":"S26-300"}],"code":{"text":"x"}}""");
    assertThat(Accessions.ofReport(report, List.of())).isEmpty();
    assertThat(Accessions.ofReport(report, List.of("urn:lab:accession"))).contains("S26-300");
  }

  @Test
  void blankAccessionIsNoAccession() {
    DiagnosticReport report = parse("""
        {"resourceType":"DiagnosticReport","status":"final",
         "contained":[{"resourceType":"Specimen","id":"s","accessionIdentifier":{"value":"  "}}],
         "code":{"text":"x"},"specimen":[{"reference":"#s"}]}""");
    assertThat(Accessions.ofReport(report, List.of())).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"S26-90001", "E21.12345", "SP 00 1982", "E_24_002", "24-11-000312-2", "A", "LAB:2026/17#3+b"})
  void labAccessionFormatsAreAccepted(String accession) {
    assertThat(Accessions.problem(accession)).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"S26\r\nMSH|^~", "S26\u0000", "S26\t1", " S26", "S26 ", "-S26", "S26|1", "S26^1", "S26<b>", "\u00c4S26", "S26'; --"})
  void accessionsThatCouldSplitHeadersSegmentsOrLogsAreRefused(String accession) {
    String unescaped = accession.translateEscapes();
    assertThat(Accessions.problem(unescaped)).isPresent();
    assertThat(Accessions.problem(unescaped).orElseThrow()).doesNotContain(unescaped);
  }

  @Test
  void accessionLongerThanTheLimitIsRefusedWithTheLimit() {
    assertThat(Accessions.problem("S".repeat(Accessions.MAX_LENGTH))).isEmpty();
    assertThat(Accessions.problem("S".repeat(100_000))).contains("the accession is 100000 characters long, over the limit of 64");
  }
}
