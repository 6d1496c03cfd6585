package io.pathtrack.results.ingest;

import io.pathtrack.results.classification.CodedConcept;
import io.pathtrack.results.classification.ObservationFact;
import io.pathtrack.results.classification.ReportFacts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * The adapter from a HAPI DiagnosticReport to the classifier's plain input: what the report says, in
 * the order of evidence docs/architecture.md §4 weighs it. References must already be resolved (contained resources
 * are; bundle entries are resolved by ingest).
 */
public final class ReportFactsReader {
  private ReportFactsReader() {}

  public static ReportFacts read(DiagnosticReport report) {
    return read(report, List.of());
  }

  /**
   * @param extraObservations Observations that belong to the report though its references do not reach
   *     them (bundle entries an LIS export referenced in a way no resolver can follow)
   */
  public static ReportFacts read(DiagnosticReport report, List<Observation> extraObservations) {
    List<CodedConcept> conclusionCodes = new ArrayList<>();
    for (CodeableConcept concept : report.getConclusionCode()) {
      conclusionCodes.addAll(concepts(concept));
    }
    List<ObservationFact> observations = new ArrayList<>();
    for (Reference ref : report.getResult()) {
      if (ref.getResource() instanceof Observation observation) {
        collect(observation, observations, 0);
      }
    }
    for (Observation observation : extraObservations) {
      collect(observation, observations, 0);
    }
    List<String> attachments = new ArrayList<>();
    for (Attachment form : report.getPresentedForm()) {
      String type = form.getContentType() == null ? "" : form.getContentType().toLowerCase(Locale.ROOT);
      if (form.hasData() && type.startsWith("text/")) {
        attachments.add(new String(form.getData(), StandardCharsets.UTF_8));
      }
    }
    String narrative = null;
    if (report.hasText() && report.getText().hasDiv()) {
      narrative = report.getText().getDiv().getValueAsString()
          .replaceAll("<[^>]+>", " ")
          .replace("&nbsp;", " ")
          .replace("&amp;", "&")
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replaceAll("[ \\t\\x0B\\f]+", " ")
          .strip();
    }
    return new ReportFacts(conclusionCodes, report.hasConclusion() ? report.getConclusion() : null,
        observations, attachments, narrative);
  }

  private static void collect(Observation observation, List<ObservationFact> into, int depth) {
    String label = observation.getCode().hasText()
        ? observation.getCode().getText()
        : observation.getCode().getCodingFirstRep().getDisplay();
    List<CodedConcept> valueCodes = observation.hasValueCodeableConcept()
        ? concepts(observation.getValueCodeableConcept())
        : List.of();
    String valueText = observation.hasValueStringType() ? observation.getValueStringType().getValue()
        : observation.hasValueCodeableConcept() && observation.getValueCodeableConcept().hasText()
            ? observation.getValueCodeableConcept().getText() : null;
    into.add(new ObservationFact(label, concepts(observation.getCode()), valueCodes, valueText));
    if (depth < 4) {
      for (Reference member : observation.getHasMember()) {
        if (member.getResource() instanceof Observation child) {
          collect(child, into, depth + 1);
        }
      }
    }
  }

  private static List<CodedConcept> concepts(CodeableConcept concept) {
    List<CodedConcept> out = new ArrayList<>();
    for (Coding coding : concept.getCoding()) {
      out.add(new CodedConcept(coding.getSystem(), coding.getCode(), coding.getDisplay()));
    }
    if (out.isEmpty() && concept.hasText()) {
      out.add(new CodedConcept(null, null, concept.getText()));
    }
    return out;
  }
}
