package io.pathtrack.results.classification;

import java.util.List;

/**
 * What a pathology report says, as plain values: the input of {@link OutcomeClassifier}.
 * An adapter at the edge fills it from a FHIR DiagnosticReport (or an HL7 v2 ORU); the classifier
 * knows nothing about either.
 *
 * @param conclusionCodes DiagnosticReport.conclusionCode codings (SNOMED CT, ICD-O-3, reporting-system categories, ...)
 * @param conclusion      DiagnosticReport.conclusion; may be null
 * @param observations    the report's result Observations, in report order (evidence locations use these indexes)
 * @param attachmentTexts presentedForm texts already decoded to plain text (may still hold VistA markup), in order
 * @param narrative       text.div with the XHTML already reduced to text by the caller; may be null
 */
public record ReportFacts(
    List<CodedConcept> conclusionCodes,
    String conclusion,
    List<ObservationFact> observations,
    List<String> attachmentTexts,
    String narrative) {

  public ReportFacts {
    conclusionCodes = ObservationFact.nonNullCopy(conclusionCodes);
    observations = ObservationFact.nonNullCopy(observations);
    attachmentTexts = ObservationFact.nonNullCopy(attachmentTexts);
  }

  /** A report that states nothing. */
  public static ReportFacts empty() {
    return new ReportFacts(List.of(), null, List.of(), List.of(), null);
  }

  /** A report with only a conclusion text. */
  public static ReportFacts ofConclusion(String conclusion) {
    return new ReportFacts(List.of(), conclusion, List.of(), List.of(), null);
  }
}
