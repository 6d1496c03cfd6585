package io.pathtrack.bench.pipeline;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.RecordSizes;
import io.pathtrack.results.classification.Classification;
import io.pathtrack.results.classification.OutcomeClassifier;
import io.pathtrack.results.classification.ReportFacts;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.PayloadGuard;
import io.pathtrack.results.ingest.ReportFactsReader;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.ingest.ReportReader;
import io.pathtrack.results.ingest.ReportValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What results-service spends on one report, without Kafka: the whole intake (read the bytes with HAPI, check,
 * classify, add the outcome, encode the event and hash it) and the classifier alone, on the pipeline benchmark's
 * reports (2–8 KB) and on long narrative reports (a 40 KB free-text report whose diagnosis is at its end). Run with
 * {@code ./mvnw -q -pl bench exec:exec -Dexec.skip=false -Dbench.args="-f 1 -wi 3 -i 5 IntakeBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IntakeBenchmark {
  private static final int REPORTS = 200;

  private ReportIntake intake;
  private OutcomeClassifier classifier;
  private final List<byte[]> payloads = new ArrayList<>();
  private final List<ReportFacts> facts = new ArrayList<>();
  private final List<ReportFacts> narratives = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void prepare() throws Exception {
    classifier = new OutcomeClassifier();
    intake = new ReportIntake(new ReportReader(new PayloadGuard(RecordSizes.MAX_REPORT_BYTES)),
        new ReportValidator(List.of()), classifier);
    BenchReports reports = new BenchReports(11, null, "J");
    for (int i = 0; i < REPORTS; i++) {
      byte[] json = reports.next().json();
      payloads.add(json);
      DiagnosticReport report = Fhir.json().parseResource(DiagnosticReport.class, new String(json, StandardCharsets.UTF_8));
      facts.add(ReportFactsReader.read(report));
      narratives.add(ReportFactsReader.read(narrative(report)));
    }
  }

  /** The report with its conclusion removed and its text 40 KB of description before the diagnosis. */
  private static DiagnosticReport narrative(DiagnosticReport report) {
    DiagnosticReport copy = report.copy();
    String diagnosis = copy.getConclusion();
    copy.setConclusion(null);
    copy.getResult().clear();
    StringBuilder text = new StringBuilder("CLINICAL HISTORY\nImage-guided biopsy of a lesion seen on imaging.\n\n"
        + "MICROSCOPIC DESCRIPTION\n");
    while (text.length() < 40_000) {
      text.append("Sections show fragments of tissue with stromal fibrosis, scattered inflammatory cells and areas of"
          + " haemorrhage; the epithelial component is examined at several levels with the immunohistochemical panel"
          + " described, with appropriate controls. ");
    }
    text.append("\n\nDIAGNOSIS\n").append(diagnosis).append('\n');
    copy.getPresentedForm().clear();
    copy.addPresentedForm().setContentType("text/plain; charset=utf-8").setData(text.toString().getBytes(StandardCharsets.UTF_8));
    return copy;
  }

  private int next() {
    next = (next + 1) % REPORTS;
    return next;
  }

  /** Read, check, classify, annotate, encode and hash one report: the work the pipeline's stream thread does per record. */
  @Benchmark
  public List<ClassifiedReport> intake() {
    return intake.assess(payloads.get(next()), EventHeaders.FHIR_JSON);
  }

  /** The classifier alone, on the facts of a 2–8 KB report (conclusion, two Observations, the report text). */
  @Benchmark
  public Classification classify() {
    return classifier.classify(facts.get(next()));
  }

  /** The classifier alone, on a 40 KB narrative report with no conclusion and no Observations. */
  @Benchmark
  public Classification classifyLongNarrative() {
    return classifier.classify(narratives.get(next()));
  }
}
