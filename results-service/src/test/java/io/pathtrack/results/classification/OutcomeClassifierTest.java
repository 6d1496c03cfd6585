package io.pathtrack.results.classification;

import static io.pathtrack.results.classification.TestReports.CAP_ECC;
import static io.pathtrack.results.classification.TestReports.ICD_O_3;
import static io.pathtrack.results.classification.TestReports.SNOMED;
import static io.pathtrack.results.classification.TestReports.conclusionOnly;
import static io.pathtrack.results.classification.TestReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Outcome;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour of the outcome classifier beyond single phrases: evidence levels, codes, parts, safety. */
class OutcomeClassifierTest {

  private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier();

  private static Classification classify(ReportFacts facts) {
    return CLASSIFIER.classify(facts);
  }

  @Nested
  class EvidenceLevels {

    @Test
    void codedConclusionBeatsConclusionText() {
      Classification result = classify(report()
          .conclusionCode(SNOMED, "254837009", "Malignant neoplasm of breast (disorder)")
          .conclusion("Benign breast tissue")
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.needsReview()).isFalse();
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.CONCLUSION_CODE);
      assertThat(result.decidingEvidence().matched()).contains("254837009");
      assertThat(result.decidingEvidence().location()).isEqualTo("conclusionCode[0]");
    }

    @Test
    void benignCodeDecidesOverMalignantTextButTheContradictionNeedsReview() {
      Classification result = classify(report()
          .conclusionCode(SNOMED, "3898006", "Neoplasm, benign (morphologic abnormality)")
          .conclusion("Invasive ductal carcinoma")
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
      assertThat(result.needsReview()).isTrue();
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.CONCLUSION_CODE);
      assertThat(result.evidence()).anySatisfy(e -> {
        assertThat(e.source()).isEqualTo(EvidenceSource.CONCLUSION_TEXT);
        assertThat(e.outcome()).isEqualTo(Outcome.MALIGNANT);
      });
    }

    @Test
    void conclusionTextBeatsObservationsAndAttachments() {
      Classification result = classify(report()
          .conclusion("Atypical ductal hyperplasia")
          .observation(ObservationFact.coded("Histologic Type", new CodedConcept(CAP_ECC, "1.100004300", "Fibroadenoma")))
          .attachment("DIAGNOSIS: FIBROADENOMA")
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.CONCLUSION_TEXT);
      assertThat(result.needsReview()).isFalse();
    }

    @Test
    void observationsBeatAttachmentsWhichBeatTheNarrative() {
      ReportFacts facts = report()
          .attachment("FINAL DIAGNOSIS: BENIGN LYMPH NODE")
          .narrative("Diagnosis: reactive lymph node")
          .build();
      assertThat(classify(facts).decidingEvidence().source()).isEqualTo(EvidenceSource.ATTACHMENT);

      Classification withObservation = classify(report()
          .observation(ObservationFact.text("Final diagnosis", "Metastatic carcinoma"))
          .attachment("FINAL DIAGNOSIS: BENIGN LYMPH NODE")
          .build());
      assertThat(withObservation.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(withObservation.decidingEvidence().source()).isEqualTo(EvidenceSource.OBSERVATION);
    }

    @Test
    void withinALevelTheWorstOutcomeWins() {
      Classification result = classify(conclusionOnly("Fibroadenoma. Separate focus of ductal carcinoma in situ."));

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.decidingEvidence().matched()).isEqualTo("carcinoma in situ");
      assertThat(result.evidence()).extracting(Evidence::outcome).contains(Outcome.BENIGN);
    }

    @Test
    void weakerEvidenceWorseThanTheDecisionIsNotedAndFlagged() {
      Classification result = classify(report()
          .conclusion("Benign breast tissue")
          .attachment("DIAGNOSIS: INVASIVE DUCTAL CARCINOMA")
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
      assertThat(result.needsReview()).isTrue();
      assertThat(result.evidence()).last().satisfies(e -> {
        assertThat(e.source()).isEqualTo(EvidenceSource.ATTACHMENT);
        assertThat(e.outcome()).isEqualTo(Outcome.MALIGNANT);
      });
    }
  }

  @Nested
  class Codes {

    @ParameterizedTest(name = "ICD-O-3 {0} ({1}) -> {2}")
    @CsvSource(delimiterString = "|", textBlock = """
        8500/3   | infiltrating duct carcinoma                      | MALIGNANT
        8140/3   | adenocarcinoma, NOS                              | MALIGNANT
        85003    | written without the slash                        | MALIGNANT
        M-8070/3 | with the M- prefix                               | MALIGNANT
        8500/32  | with a grade digit                               | MALIGNANT
        8000/6   | neoplasm, metastatic                             | MALIGNANT
        8000/9   | uncertain whether primary or metastatic          | MALIGNANT
        8500/2   | DCIS: carcinoma in situ is malignant             | MALIGNANT
        8070/2   | squamous cell carcinoma in situ                  | MALIGNANT
        8720/2   | melanoma in situ                                 | MALIGNANT
        8520/2   | lobular carcinoma in situ: precursor             | ATYPICAL
        8077/2   | CIN 3 / HSIL: precursor                          | ATYPICAL
        8148/2   | high-grade PIN / high-grade dysplasia: precursor | ATYPICAL
        8077/0   | LSIL: precursor although coded /0                | ATYPICAL
        8210/2   | adenoma with high-grade dysplasia                | ATYPICAL
        8000/1   | neoplasm of uncertain behaviour                  | ATYPICAL
        8442/1   | serous borderline tumour                         | ATYPICAL
        9010/0   | fibroadenoma                                     | BENIGN
        8211/0   | tubular adenoma (low-grade dysplasia)            | BENIGN
        8850/0   | lipoma                                           | BENIGN
        """)
    void icdO3MorphologyIsPlacedByItsBehaviourDigit(String code, String meaning, Outcome expected) {
      Classification result = classify(report().conclusionCode(ICD_O_3, code, null).build());

      assertThat(result.outcome()).as(meaning).isEqualTo(expected);
      assertThat(result.needsReview()).isFalse();
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.CONCLUSION_CODE);
      assertThat(result.decidingEvidence().matched()).contains(code);
    }

    @ParameterizedTest
    @CsvSource({"urn:oid:2.16.840.1.113883.6.43.1", "ICDO3", "http://hl7.org/fhir/sid/icd-o-3"})
    void icdO3IsRecognisedUnderEverySpellingOfItsSystem(String system) {
      assertThat(classify(report().conclusionCode(system, "85003", null).build()).outcome())
          .isEqualTo(Outcome.MALIGNANT);
    }

    @Test
    void aSlashedMorphologyCodeWithoutSystemIsIcdO3ButFiveBareDigitsAreNot() {
      assertThat(classify(report().conclusionCode(null, "8140/3", null).build()).outcome())
          .isEqualTo(Outcome.MALIGNANT);

      Classification bare = classify(report().conclusionCode(null, "81403", null).build());
      assertThat(bare.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(bare.needsReview()).isTrue();
      assertThat(bare.decidingEvidence().matched()).contains("81403");
    }

    @ParameterizedTest(name = "ICD-10 {0} -> {1}")
    @CsvSource({"C50.9, MALIGNANT", "C77.3, MALIGNANT", "D05.1, MALIGNANT", "D06.9, ATYPICAL", "D07.5, ATYPICAL",
        "D24, BENIGN", "D48.6, ATYPICAL"})
    void icd10NeoplasmChapterIsPlacedByBlock(String code, Outcome expected) {
      assertThat(classify(report().conclusionCode("http://hl7.org/fhir/sid/icd-10", code, null).build()).outcome())
          .isEqualTo(expected);
    }

    @Test
    void snomedCodeOutsideTheTableIsPlacedByItsDisplay() {
      Classification result = classify(report()
          .conclusionCode(SNOMED, "363418001", "Malignant tumor of pancreas (disorder)")
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.CONCLUSION_CODE);
      assertThat(result.decidingEvidence().matched()).contains("363418001");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "http://example.org/CodeSystem/bethesda-thyroid, V, ATYPICAL",
        "http://example.org/CodeSystem/bethesda-thyroid, II, BENIGN",
        "http://example.org/CodeSystem/rcpath-breast-core, B5b, MALIGNANT",
        "http://example.org/CodeSystem/rcpath-breast-core, B1, NONDIAGNOSTIC",
        "http://example.org/CodeSystem/milan-salivary, IVA, BENIGN",
        "http://example.org/CodeSystem/milan-salivary, IVB, ATYPICAL",
        "http://example.org/CodeSystem/iac-yokohama, 5, MALIGNANT"})
    void reportingSystemCategoryCodesArePlaced(String system, String code, Outcome expected) {
      Classification result = classify(report().conclusionCode(system, code, null).build());

      assertThat(result.outcome()).isEqualTo(expected);
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.CONCLUSION_CODE);
    }

    @Test
    void anUnplaceableCodeFallsThroughToTheConclusionText() {
      // MII Pathologie-Befund example: an extension-namespace SNOMED CT concept with no display
      Classification result = classify(report()
          .conclusionCode(SNOMED, "1525761000004109", null)
          .conclusion(CorpusTexts.MII_CONCLUSION)
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.CONCLUSION_TEXT);
      assertThat(result.decidingEvidence().matched()).isEqualTo("Adenokarzinom");
    }

    @Test
    void anUnplaceableCodeAloneIsAtypicalNeedingReviewAndNamed() {
      Classification result = classify(report().conclusionCode("urn:lab:diagnosis", "X123", null).build());

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.needsReview()).isTrue();
      assertThat(result.evidence()).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo(EvidenceSource.NONE);
        assertThat(e.matched()).startsWith(OutcomeClassifier.NO_EVIDENCE).contains("X123");
        assertThat(e.location()).isEqualTo("conclusionCode[0]");
      });
    }
  }

  @Nested
  class Parts {

    @Test
    void worstPartWinsAndTheEvidenceNamesThePart() {
      Classification result = classify(conclusionOnly(
          "A. Right breast, core biopsy: fibroadenoma. B. Left breast, core biopsy: invasive lobular carcinoma. "
              + "C. Left axillary lymph node: negative for metastatic carcinoma (0/1)."));

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.decidingEvidence().location()).isEqualTo("conclusion, part B");
      assertThat(result.evidence()).extracting(Evidence::location)
          .contains("conclusion, part A", "conclusion, part C");
    }

    @Test
    void partsOnTheirOwnLinesAreRecognised() {
      Classification result = classify(conclusionOnly("""
          PART 1: LYMPH NODE, RIGHT AXILLA, EXCISION
            REACTIVE LYMPH NODE
          PART 2: SKIN, RIGHT ARM, SHAVE
            ATYPICAL MELANOCYTIC PROLIFERATION
          """));

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.decidingEvidence().location()).isEqualTo("conclusion, part 2");
    }
  }

  @Nested
  class ClinicalHistory {

    @Test
    void historyOfCarcinomaDoesNotMakeABenignNodeMalignant() {
      Classification result = classify(conclusionOnly(
          "Lymph node, history of breast carcinoma: benign reactive lymph node"));

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
      assertThat(result.evidence()).extracting(Evidence::outcome).doesNotContain(Outcome.MALIGNANT);
    }

    @Test
    void historyAloneIsNotADiagnosis() {
      Classification result = classify(conclusionOnly("History of breast carcinoma"));

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.needsReview()).isTrue();
      assertThat(result.decidingEvidence().matched()).contains("clinical history");
    }

    @Test
    void clinicalHistorySectionsAreNotRead() {
      Classification result = classify(report().attachment("""
          CLINICAL HISTORY: KNOWN METASTATIC MELANOMA, RULE OUT RECURRENCE
          PREOPERATIVE DIAGNOSIS: METASTATIC MELANOMA
          FINAL DIAGNOSIS:
          SOFT TISSUE, LEFT THIGH, EXCISION: SCAR TISSUE, NO RESIDUAL MELANOMA
          """).build());

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
      assertThat(result.needsReview()).isFalse();
    }
  }

  @Nested
  class Safety {

    @Test
    void emptyFactsAreAtypicalNeedingReview() {
      Classification result = classify(ReportFacts.empty());

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.needsReview()).isTrue();
      assertThat(result.evidence()).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo(EvidenceSource.NONE);
        assertThat(e.outcome()).isEqualTo(Outcome.ATYPICAL);
        assertThat(e.matched()).isEqualTo(OutcomeClassifier.NO_EVIDENCE);
      });
    }

    @Test
    void unknownTextIsAtypicalNeedingReviewWithEvidence() {
      Classification result = classify(conclusionOnly("Specimen processed; slides to follow"));

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.needsReview()).isTrue();
      assertThat(result.evidence()).singleElement()
          .satisfies(e -> assertThat(e.source()).isEqualTo(EvidenceSource.NONE));
    }

    @Test
    void onlyUnplaceableEvidenceNeverBecomesBenign() {
      Classification result = classify(conclusionOnly("Fibroepithelial lesion, favor fibroadenoma"));

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.needsReview()).isTrue();
      assertThat(result.decidingEvidence().matched()).contains("favor fibroadenoma");
    }

    @Test
    void hardwareIsAGrossOnlyBenignDiagnosis() {
      Classification result = classify(report().attachment(CorpusTexts.VA_HARDWARE).build());

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
      assertThat(result.decidingEvidence().matched()).isEqualTo("HARDWARE");
    }

    @Test
    void aReportWithoutDiagnosisIsAtypicalNeedingReview() {
      Classification result = classify(report().attachment(CorpusTexts.VA_NO_DIAGNOSIS).build());

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.needsReview()).isTrue();
    }

    static Stream<ReportFacts> assortedReports() {
      return Stream.of(
          ReportFacts.empty(),
          conclusionOnly("Invasive ductal carcinoma"),
          conclusionOnly("Benign"),
          conclusionOnly("Nondiagnostic"),
          conclusionOnly("asdf qwerty"),
          report().conclusionCode(SNOMED, "3898006", null).build(),
          report().observation(ObservationFact.text("Margins", null)).build(),
          report().attachment(CorpusTexts.VA_COLON_POLYPS).build(),
          report().narrative(CorpusTexts.R4_PAP_NARRATIVE).build());
    }

    @ParameterizedTest
    @MethodSource("assortedReports")
    void everyResultCarriesTheRuleSetVersionAndEvidence(ReportFacts facts) {
      Classification result = classify(facts);

      assertThat(result.ruleSetVersion()).isEqualTo(OutcomeClassifier.RULE_SET_VERSION).isEqualTo("2026.12-1");
      assertThat(result.evidence()).isNotEmpty().allSatisfy(e -> {
        assertThat(e.source()).isNotNull();
        assertThat(e.outcome()).isNotNull();
        assertThat(e.matched()).isNotBlank();
        assertThat(e.location()).isNotBlank();
      });
      assertThat(result.decidingEvidence().outcome()).isEqualTo(result.outcome());
    }
  }

  @Nested
  class Observations {

    @Test
    void capEccCodedAnswerDecidesWhenThereIsNoConclusion() {
      Classification result = classify(report()
          .observation(ObservationFact.coded("Procedure", new CodedConcept(CAP_ECC, "40307.100004300",
              "Excision (less than total mastectomy)")))
          .observation(ObservationFact.coded("Histologic Type", new CodedConcept("https://CAP.org/eCC",
              "2059.100004300", "Mucinous adenocarcinoma")))
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.OBSERVATION);
      assertThat(result.decidingEvidence().location()).isEqualTo("result[1].valueCodeableConcept");
      assertThat(result.decidingEvidence().matched()).contains("Mucinous adenocarcinoma");
    }

    @Test
    void capEccBreastSynopticWithNegativeAnswersIsMalignant() {
      // sdcconnectathon-BreastResBundleEx.json, abridged
      Classification result = classify(report()
          .observation(ObservationFact.coded("Histologic Type (Note D)",
              new CodedConcept(CAP_ECC, "41611.100004300", "Encapsulated papillary carcinoma with invasion")))
          .observation(ObservationFact.coded("?Skeletal Muscle",
              new CodedConcept(CAP_ECC, "16426.100004300", "?Skeletal muscle is free of carcinoma")))
          .observation(ObservationFact.coded("Regional Lymph Nodes",
              new CodedConcept(CAP_ECC, "45626.100004300", "Uninvolved by tumor cells")))
          .observation(ObservationFact.coded("Primary Tumor (pT)",
              new CodedConcept(CAP_ECC, "16728.100004300", "pT0: No evidence of primary tumor#")))
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.decidingEvidence().location()).isEqualTo("result[0].valueCodeableConcept");
    }

    @Test
    void labelOnlyObservationsDoNotCount() {
      Classification result = classify(report()
          .observation(new ObservationFact("Margin Status for Invasive Carcinoma", List.of(), List.of(), null))
          .observation(new ObservationFact("Margins: negative for carcinoma", List.of(), List.of(), null))
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.needsReview()).isTrue();
    }

    @Test
    void aQuestionLabelNamingCarcinomaDoesNotMakeANegativeAnswerMalignant() {
      Classification result = classify(report()
          .observation(ObservationFact.text("Invasive Carcinoma Margins", "Uninvolved by invasive carcinoma"))
          .observation(ObservationFact.coded("Margin Status for Invasive Carcinoma",
              new CodedConcept(CAP_ECC, "366578.100004300", "Not applicable")))
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
    }

    @Test
    void clinicalHistoryObservationsAreIgnored() {
      Classification result = classify(report()
          .observation(ObservationFact.text("Clinical History", "Known metastatic breast carcinoma"))
          .observation(ObservationFact.text("Final Diagnosis", "Reactive lymph node"))
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
    }

    @Test
    void clinicalContextLabelsInOtherLanguagesAreIgnored() {
      Classification result = classify(report()
          .observation(ObservationFact.text("Renseignements cliniques", "Carcinome mammaire connu"))
          .observation(ObservationFact.text("Antecedentes", "Carcinoma de mama"))
          .observation(ObservationFact.text("Notizie cliniche", "Pregresso carcinoma"))
          .observation(ObservationFact.text("Klinische gegevens", "Mammacarcinoom"))
          .observation(ObservationFact.text("Conclusion", "Ganglion lymphatique réactionnel"))
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
      assertThat(result.evidence()).extracting(Evidence::outcome).doesNotContain(Outcome.MALIGNANT);
    }

    @Test
    void gleasonScoreAnswerIsMalignant() {
      // palmrpc-Observation-PathGleason.json: Gleason grading is only given to prostatic carcinoma
      Classification result = classify(report()
          .observation(new ObservationFact("Gleason score", List.of(CodedConcept.snomed("372278000", "Gleason score")),
              List.of(new CodedConcept("http://cap.org/eCC", "16811", "Score 7")), null))
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.decidingEvidence().matched()).isEqualTo("Gleason score: Score 7");
    }

    @Test
    void icdO3ValueCodeIsMalignant() {
      // mii-Observation-mii-exa-patho-diagnostic-conclusion-1.json
      Classification result = classify(report()
          .observation(new ObservationFact(null, List.of(), List.of(CodedConcept.icdO3("8140/3", "Adenokarzinom o.n.A.")),
              null))
          .build());

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.decidingEvidence().matched()).contains("8140/3");
    }
  }

  @Nested
  class ReportTexts {

    @Test
    void attachmentWithVistaMarkupClassifiesPartByPart() {
      Classification result = classify(report().attachment(CorpusTexts.VA_COLON_POLYPS).build());

      // hyperplastic polyp and tubular adenomas: benign (a conventional adenoma is ICD-O /0, docs/architecture.md §4);
      // the note on poor preservation does not make the report nondiagnostic
      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
      assertThat(result.needsReview()).isFalse();
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.ATTACHMENT);
      assertThat(result.evidence()).extracting(Evidence::location)
          .contains("presentedForm[0], part A", "presentedForm[0], part B & C");
      assertThat(result.evidence()).extracting(Evidence::matched)
          .contains("HYPERPLASTIC POLYP", "TUBULAR ADENOMAS")
          .noneMatch(m -> m.contains("|"));
    }

    @Test
    void postOperativeDiagnosisIsNotTheDiagnosis() {
      Classification result = classify(report().attachment(CorpusTexts.VA_TUBULAR_ADENOMA).build());

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
      assertThat(result.evidence()).extracting(Evidence::matched).contains("TUBULAR ADENOMA")
          .noneMatch(m -> m.contains("PROBABLE"));
    }

    @Test
    void vistaAttachmentWrappedMidPhraseIsReadAsOnePhrase() {
      Classification result = classify(report().attachment("""
          DIAGNOSIS:
          |TAB||NOWRAP|
          LYMPH NODE, RIGHT AXILLA, SENTINEL, EXCISION: ONE LYMPH NODE, NEGATIVE FOR
          METASTATIC CARCINOMA (0/1).
          """).build());

      assertThat(result.outcome()).isEqualTo(Outcome.BENIGN);
    }

    @Test
    void papNarrativeWithAscUsIsAtypical() {
      Classification result = classify(report().narrative(CorpusTexts.R4_PAP_NARRATIVE).build());

      assertThat(result.outcome()).isEqualTo(Outcome.ATYPICAL);
      assertThat(result.needsReview()).isFalse();
      assertThat(result.decidingEvidence().source()).isEqualTo(EvidenceSource.NARRATIVE);
      assertThat(result.decidingEvidence().location()).isEqualTo("text.div");
    }

    @Test
    void narrativeMarkupLeftByTheCallerIsIgnored() {
      Classification result = classify(report().narrative(
          "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Diagnosis:</b> Invasive ductal&nbsp;carcinoma</p>"
              + "<p class=\"carcinoma-note\">Comment: none</p></div>").build());

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.decidingEvidence().matched()).isEqualTo("carcinoma");
    }

    @Test
    void germanProstatectomyConclusionIsMalignant() {
      Classification result = classify(conclusionOnly(CorpusTexts.BIHCEI_CONCLUSION));

      assertThat(result.outcome()).isEqualTo(Outcome.MALIGNANT);
      assertThat(result.evidence()).extracting(Evidence::matched).contains("Adenokarzinom");
    }
  }

  @Nested
  class HotPath {

    @Test
    void oneClassifierServesManyThreadsWithTheSameAnswers() throws Exception {
      List<ReportFacts> reports = Safety.assortedReports().toList();
      List<Outcome> sequential = reports.stream().map(r -> classify(r).outcome()).toList();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<List<Outcome>>> tasks = IntStream.range(0, 8)
            .mapToObj(i -> (Callable<List<Outcome>>) () -> IntStream.range(0, 50)
                .mapToObj(round -> reports.stream().map(r -> classify(r).outcome()).toList())
                .reduce((a, b) -> a.equals(b) ? a : List.of())
                .orElseThrow())
            .toList();
        for (Future<List<Outcome>> future : pool.invokeAll(tasks)) {
          assertThat(future.get()).isEqualTo(sequential);
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void classifyingAConclusionTakesMicroseconds() {
      ReportFacts facts = conclusionOnly("A. Left breast, core biopsy: invasive ductal carcinoma, grade 2. "
          + "B. Left axillary lymph node: negative for metastatic carcinoma (0/2).");
      for (int i = 0; i < 2_000; i++) {
        classify(facts);
      }
      int rounds = 2_000;
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        classify(facts);
      }
      double microsPerCall = (System.nanoTime() - start) / 1_000.0 / rounds;

      // typically tens of microseconds; the bound only catches an accidental per-call compile or a scan gone quadratic
      assertThat(microsPerCall).isLessThan(1_000);
    }
  }
}
