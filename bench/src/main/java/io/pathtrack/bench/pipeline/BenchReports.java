package io.pathtrack.bench.pipeline;

import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/**
 * Realistic pathology reports for the pipeline benchmark: FHIR R4 DiagnosticReport JSON of 2–8 KB with its Specimen
 * (the procedure coded) and order (the ordering physician) contained, two Observations and a conclusion, over every
 * procedure type and outcome; a share of them third-party example reports from the corpus, given the run's
 * accession numbers. Deterministic for a seed.
 */
final class BenchReports {
  /**
   * One report to send: its accession (the record key) and its bytes. A third-party example is not timed: it may name
   * an accession of its own (its Specimen's), be preliminary (classified, not notified) or be refused; it is load.
   */
  record Payload(String accession, byte[] json, boolean timed) {}

  private record Finding(Outcome outcome, String conclusion, String microscopy) {}

  private static final List<Finding> FINDINGS = List.of(
      new Finding(Outcome.BENIGN, "Fibroadenoma. No atypia or malignancy identified.",
          "Cores of breast tissue with a well-circumscribed fibroepithelial lesion; stroma of low cellularity"),
      new Finding(Outcome.BENIGN, "Benign follicular nodule (Bethesda category II).",
          "Abundant colloid with macrofollicular fragments of bland follicular cells"),
      new Finding(Outcome.BENIGN, "Reactive lymphoid population. Negative for malignancy.",
          "Polymorphous lymphoid cells including small lymphocytes, centrocytes and tingible body macrophages"),
      new Finding(Outcome.ATYPICAL, "Atypical ductal hyperplasia. Excision recommended.",
          "A duct partially involved by a monotonous population with rigid bridges and punched-out spaces"),
      new Finding(Outcome.ATYPICAL, "Atypia of undetermined significance (Bethesda category III).",
          "Follicular cells with focal nuclear enlargement and pallor, insufficient for a definite diagnosis"),
      new Finding(Outcome.MALIGNANT, "Invasive ductal carcinoma, grade 2.",
          "Infiltrating nests and cords of pleomorphic cells with tubule formation in 30 percent; mitoses 8 per 10 HPF"),
      new Finding(Outcome.MALIGNANT, "Invasive adenocarcinoma, acinar predominant.",
          "Malignant glands infiltrating a desmoplastic stroma; TTF-1 positive, napsin A positive"),
      new Finding(Outcome.MALIGNANT, "Metastatic adenocarcinoma, consistent with a colorectal primary.",
          "Dirty necrosis within glands of columnar cells; CK20 positive, CDX2 positive, CK7 negative"),
      new Finding(Outcome.NONDIAGNOSTIC, "Nondiagnostic: crushed bone and blood only, the lesion was not sampled.",
          "Fragments of trabecular bone and marrow with crush artefact; no lesional tissue"));

  private static final String[] PRACTITIONERS = {"dr-lee", "dr-okafor", "dr-novak", "dr-patel", "dr-chen"};
  private static final String FILLER = "The specimen is received in formalin, labelled with the patient's identifiers and"
      + " the site. Sections show the features described; levels were examined and immunohistochemistry was reviewed"
      + " with appropriate controls. The findings were correlated with the imaging report and the clinical history. ";

  private final Random random;
  private final List<String> corpus;
  private final String run;
  private int next;

  BenchReports(long seed, Path corpusDirectory, String run) throws IOException {
    this.random = new Random(seed);
    this.run = run;
    this.corpus = corpusDirectory != null && Files.isDirectory(corpusDirectory) ? examples(corpusDirectory) : List.of();
  }

  boolean usesCorpus() {
    return !corpus.isEmpty();
  }

  /** The next report: one in twenty from the corpus when there is one. */
  Payload next() {
    String accession = String.format("B%s-%07d", run, next++);
    if (!corpus.isEmpty() && random.nextInt(20) == 0) {
      DiagnosticReport report = Fhir.json().parseResource(DiagnosticReport.class, corpus.get(random.nextInt(corpus.size())));
      addAccession(report, accession);
      if (!report.hasSubject()) {
        report.setSubject(new Reference("Patient/bench-" + accession));
      }
      return new Payload(accession, Fhir.json().encodeResourceToString(report).getBytes(StandardCharsets.UTF_8), false);
    }
    return new Payload(accession, Fhir.json().encodeResourceToString(generated(accession)).getBytes(StandardCharsets.UTF_8),
        true);
  }

  private DiagnosticReport generated(String accession) {
    Finding finding = FINDINGS.get(random.nextInt(FINDINGS.size()));
    ProcedureType procedure = ProcedureType.values()[random.nextInt(ProcedureType.values().length - 1)];
    DiagnosticReport report = new DiagnosticReport();
    report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
    report.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "SP",
        "Surgical Pathology")));
    report.setCode(new CodeableConcept(new Coding("http://loinc.org", "60567-5", "Comprehensive pathology report")));
    report.setSubject(new Reference("Patient/bench-" + accession));
    report.setIssued(new Date());
    addAccession(report, accession);

    ServiceRequest order = new ServiceRequest();
    order.setId("order");
    order.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED);
    order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    order.setSubject(report.getSubject());
    order.setCode(new CodeableConcept(new Coding(ProcedureType.SYSTEM, procedure.code(), procedure.display())));
    order.setRequester(new Reference("Practitioner/" + PRACTITIONERS[random.nextInt(PRACTITIONERS.length)]));
    report.addContained(order);
    report.addBasedOn(new Reference("#order"));

    Specimen specimen = new Specimen();
    specimen.setId("specimen");
    specimen.getAccessionIdentifier().setValue(accession);
    specimen.setSubject(report.getSubject());
    specimen.getType().setText("Core needle biopsy");
    specimen.getCollection().setMethod(new CodeableConcept(new Coding(ProcedureType.SYSTEM, procedure.code(),
        procedure.display())));
    specimen.addRequest(new Reference("#order"));
    report.addContained(specimen);
    report.addSpecimen(new Reference("#specimen"));

    report.addResult(observation(report, "obs-diagnosis", "22637-3", "Pathology report final diagnosis", finding.conclusion()));
    report.addResult(observation(report, "obs-microscopy", "22635-7", "Pathology report microscopic observation",
        finding.microscopy() + "."));

    report.setConclusion(finding.conclusion());
    StringBuilder text = new StringBuilder("GROSS DESCRIPTION\n").append(FILLER).append("\n\nMICROSCOPY\n")
        .append(finding.microscopy()).append(".\n");
    // The text is carried base64-encoded (4 bytes for 3): with the rest of the report, 2 to 8 KB in all.
    int target = 450 + random.nextInt(3_700);
    while (text.length() < target) {
      text.append(FILLER);
    }
    text.append("\n\nDIAGNOSIS\n").append(finding.conclusion()).append('\n');
    report.addPresentedForm().setContentType("text/plain; charset=utf-8")
        .setData(text.toString().getBytes(StandardCharsets.UTF_8));
    return report;
  }

  private static Reference observation(DiagnosticReport report, String id, String loinc, String display, String value) {
    Observation observation = new Observation();
    observation.setId(id);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, display)));
    observation.setValue(new StringType(value));
    report.addContained(observation);
    return new Reference("#" + id);
  }

  private static void addAccession(DiagnosticReport report, String accession) {
    report.addIdentifier().setValue(accession).getType()
        .addCoding(new Coding(Accessions.IDENTIFIER_TYPE_SYSTEM, Accessions.IDENTIFIER_TYPE_CODE, "Accession ID"));
  }

  private static List<String> examples(Path directory) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().contains("DiagnosticReport")).sorted().toList()) {
        out.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
