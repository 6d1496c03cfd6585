package io.pathtrack.results.microbiology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Outcome;
import io.pathtrack.results.classification.ObservationFact;
import io.pathtrack.results.classification.ReportFacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Culture reports read as cultures: growth, no growth, pending, unknown — never by the histology classifier. */
class CultureReaderTest {
  private final CultureReader reader = new CultureReader();

  @ParameterizedTest(name = "[{1}] {0} -> {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      Bone, CT-guided biopsy, culture: Staphylococcus aureus isolated. Susceptibilities to follow.      | true  | GROWTH    | ATYPICAL      | false
      Heavy growth of MRSA                                                                              | true  | GROWTH    | ATYPICAL      | false
      Aerobic and anaerobic culture: no growth after 5 days.                                            | true  | NO_GROWTH | BENIGN        | false
      No growth to date; incubation continues.                                                          | false | NO_GROWTH | BENIGN        | false
      Culture negative. No Staphylococcus aureus isolated.                                              | true  | NO_GROWTH | BENIGN        | false
      Kultur: kein Wachstum nach 7 Tagen.                                                               | true  | NO_GROWTH | BENIGN        | false
      Nachweis von Staphylococcus epidermidis in 2 von 5 Kulturen                                       | true  | GROWTH    | ATYPICAL      | false
      Culture stérile                                                                                   | true  | NO_GROWTH | BENIGN        | false
      Cultivo: crecimiento de Escherichia coli                                                          | true  | GROWTH    | ATYPICAL      | false
      Coltura: nessuna crescita                                                                         | true  | NO_GROWTH | BENIGN        | false
      Kweek: geen groei                                                                                 | true  | NO_GROWTH | BENIGN        | false
      Moderate growth of gram-negative bacilli, identification to follow                                | false | GROWTH    | ATYPICAL      | false
      Growth of an organism, identification to follow                                                  | false | GROWTH    | ATYPICAL      | true
      Specimen received in the laboratory.                                                              | false | PENDING   | NONDIAGNOSTIC | false
      Specimen received in the laboratory.                                                              | true  | UNKNOWN   | ATYPICAL      | true
      Acid-fast bacilli seen on Ziehl-Neelsen stain; Mycobacterium tuberculosis complex isolated         | true  | GROWTH    | ATYPICAL      | false
      """)
  void aCultureConclusionGivesItsResult(String conclusion, boolean finalReport, CultureReader.Result result,
      Outcome outcome, boolean review) {
    CultureReader.Reading reading = reader.read(ReportFacts.ofConclusion(conclusion), finalReport);

    assertThat(reading.result()).isEqualTo(result);
    assertThat(reading.classification().outcome()).isEqualTo(outcome);
    assertThat(reading.classification().needsReview()).isEqualTo(review);
    assertThat(reading.classification().decidingEvidence().matched()).startsWith("culture: ");
  }

  @Test
  void organismsAndSusceptibilitiesComeFromTheResultObservations() {
    ReportFacts facts = new ReportFacts(List.of(), null, List.of(
        ObservationFact.text("Organism identified", "Staphylococcus aureus"),
        ObservationFact.text("Oxacillin [Susceptibility]", "R"),
        ObservationFact.text("Vancomycin [Susceptibility]", "S")), List.of(), null);

    CultureReader.Reading reading = reader.read(facts, true);

    assertThat(reading.result()).isEqualTo(CultureReader.Result.GROWTH);
    assertThat(reading.organisms()).containsExactly("Staphylococcus aureus");
    assertThat(reading.susceptibilities()).isTrue();
    assertThat(reading.classification().decidingEvidence().location()).isEqualTo("result[0]");
  }

  @Test
  void aHugeHostileTextIsReadWithoutFailing() {
    String hostile = "no growth of ".repeat(20_000) + "Staphylococcus ".repeat(10_000);
    assertThat(reader.read(ReportFacts.ofConclusion(hostile), true).result()).isNotNull();
    assertThat(reader.read(ReportFacts.empty(), true).result()).isEqualTo(CultureReader.Result.UNKNOWN);
  }
}
