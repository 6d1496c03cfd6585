package io.pathtrack.results.classification;

import java.util.ArrayList;
import java.util.List;

/** Builds {@link ReportFacts} for tests: {@code report().conclusion("...").build()}. */
final class TestReports {

  private final List<CodedConcept> conclusionCodes = new ArrayList<>();
  private String conclusion;
  private final List<ObservationFact> observations = new ArrayList<>();
  private final List<String> attachments = new ArrayList<>();
  private String narrative;

  private TestReports() {}

  static TestReports report() {
    return new TestReports();
  }

  /** A report whose only content is a conclusion text. */
  static ReportFacts conclusionOnly(String text) {
    return report().conclusion(text).build();
  }

  TestReports conclusionCode(String system, String code, String display) {
    conclusionCodes.add(new CodedConcept(system, code, display));
    return this;
  }

  TestReports conclusion(String text) {
    conclusion = text;
    return this;
  }

  TestReports observation(ObservationFact observation) {
    observations.add(observation);
    return this;
  }

  TestReports attachment(String text) {
    attachments.add(text);
    return this;
  }

  TestReports narrative(String text) {
    narrative = text;
    return this;
  }

  ReportFacts build() {
    return new ReportFacts(conclusionCodes, conclusion, observations, attachments, narrative);
  }

  static final String SNOMED = "http://snomed.info/sct";
  static final String ICD_O_3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
  static final String CAP_ECC = "https://cap.org/eCC";
}
