package io.pathtrack.results.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The follow-up policy as a table: recommendations as reports word them in English, German, French, Spanish,
 * Italian and Dutch, with negations, history and intervals, each with what {@link FollowUpReader} must find. The
 * table is {@code src/test/resources/followup/follow-up-phrases.csv}.
 */
class FollowUpReaderTest {

  private static final String TABLE = "/followup/follow-up-phrases.csv";
  private static final FollowUpReader READER = new FollowUpReader();

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvFileSource(resources = TABLE, delimiterString = "|", quoteCharacter = '~')
  void textGetsTheFollowUpsOfTheTable(String text, String expectedKinds, String expectedInterval) {
    List<FollowUp> found = READER.read(PhraseTable.text(text), "conclusion");

    List<String> kinds = found.stream().map(f -> f.kind().code()).toList();
    assertThat(kinds).as("kinds of %s; found %s", text, found)
        .isEqualTo("none".equals(expectedKinds) ? List.of() : List.of(expectedKinds.split(",")));
    assertThat(found.stream().flatMap(f -> f.interval().stream()).toList()).as("interval of %s; found %s", text, found)
        .isEqualTo(expectedInterval == null ? List.of() : List.of(Period.parse(expectedInterval)));
    assertThat(found).allSatisfy(f -> {
      assertThat(f.location()).isEqualTo("conclusion");
      assertThat(f.phrase()).isNotBlank().hasSizeLessThanOrEqualTo(FollowUp.PHRASE_MAX).isEqualTo(f.phrase().strip());
    });
  }

  @Test
  void tableCoversEveryLanguageWithNegationsHistoryAndIntervals() {
    PhraseTable table = PhraseTable.load(TABLE);

    assertThat(table.in("en")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(table.in("de")).hasSizeGreaterThanOrEqualTo(30);
    for (String language : List.of("fr", "es", "it", "nl")) {
      assertThat(table.in(language)).as("rows in %s", language).hasSizeGreaterThanOrEqualTo(5);
      assertThat(table.in(language)).as("negations in %s", language).anyMatch(r -> r.column(1).equals("none"));
    }
    for (String language : List.of("en", "de")) {
      assertThat(table.in(language)).as("intervals in %s", language)
          .filteredOn(r -> !r.column(2).isEmpty()).hasSizeGreaterThanOrEqualTo(8);
      assertThat(table.in(language)).as("recommendation headings in %s", language)
          .anyMatch(r -> r.column(0).matches("(?i)(recommendations?|empfehlung):.*"));
    }
    String texts = String.join("\n", table.rows().stream().map(r -> r.column(0)).toList());
    for (String phrase : List.of("excision is not required", "no further biopsy is necessary",
        "keine weitere Abklärung erforderlich", "eine Exzision ist nicht erforderlich", "no se requiere nueva biopsia",
        "previous excision", "status post excision", "Z.n. Exzision", "s/p lumpectomy", "in 3-6 months", "in 6 Monaten",
        "nach 3 Monaten", "innerhalb von 2 Wochen", "in one year", "in 12 months")) {
      assertThat(texts).as("the table states %s", phrase).containsIgnoringCase(phrase);
    }
    assertThat(table.rows()).extracting(r -> r.column(1)).flatMap(k -> List.of(k.split(",")))
        .containsAll(List.of("repeat-biopsy", "excision", "imaging", "correlation", "mdt", "ancillary", "clinical"));
  }

  @Test
  void theSameKindTwiceIsOneFollowUpKeepingTheFirstPhraseAndTheShortestInterval() {
    List<FollowUp> found = READER.read("Imaging follow-up is recommended. A repeat mammogram in 12 months is advised;"
        + " if the lesion grows, repeat ultrasound in 3 months should be performed.", "conclusion");

    assertThat(found).containsExactly(new FollowUp(FollowUpKind.IMAGING, "Imaging follow-up is recommended", "conclusion",
        Optional.of(Period.ofMonths(3))));
  }

  @Test
  void anIntervalBelongsToTheNearestRecommendationOfItsClause() {
    List<FollowUp> found = READER.read(
        "Repeat biopsy in 2 weeks and imaging follow-up in 6 months are recommended.", "comment");

    assertThat(found).extracting(FollowUp::kind, FollowUp::interval).containsExactly(
        org.assertj.core.groups.Tuple.tuple(FollowUpKind.REPEAT_BIOPSY, Optional.of(Period.ofDays(14))),
        org.assertj.core.groups.Tuple.tuple(FollowUpKind.IMAGING, Optional.of(Period.ofMonths(6))));
  }

  @Test
  void thePhraseQuotesTheNormalisedTextAndTheLocationIsTheCallers() {
    List<FollowUp> found = READER.read("<p>Surgical&nbsp;excision\r\n   is <b>recommended</b>.</p>", "presentedForm[0]");

    assertThat(found).containsExactly(new FollowUp(FollowUpKind.EXCISION, "Surgical excision is recommended",
        "presentedForm[0]", Optional.empty()));
  }

  @Test
  void aPhraseIsNeverLongerThanTheLimit() {
    String padding = " and the lesion remains of uncertain significance".repeat(3);
    List<FollowUp> found = READER.read("Excision" + padding + " is recommended.", "conclusion");

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FollowUpKind.EXCISION);
      assertThat(f.phrase()).hasSizeLessThanOrEqualTo(FollowUp.PHRASE_MAX).isEqualTo("Excision");
    });
  }

  @Test
  void nothingToReadFindsNothing() {
    assertThat(READER.read(null, "conclusion")).isEmpty();
    assertThat(READER.read("", "conclusion")).isEmpty();
    assertThat(READER.read(" \n\t ", null)).isEmpty();
    assertThat(READER.read("Excision is recommended.", null)).singleElement()
        .extracting(FollowUp::location).isEqualTo("");
  }

  @Test
  void readersShareNothingBetweenThreads() {
    String text = "Recommendation: repeat biopsy in 3 months; MDT discussion and clinical correlation are advised.";
    List<FollowUp> expected = READER.read(text, "conclusion");

    List<List<FollowUp>> parallel = IntStream.range(0, 200).parallel().mapToObj(i -> READER.read(text, "conclusion"))
        .toList();

    assertThat(expected).extracting(FollowUp::kind)
        .containsExactly(FollowUpKind.REPEAT_BIOPSY, FollowUpKind.MDT, FollowUpKind.CORRELATION);
    assertThat(parallel).allSatisfy(found -> assertThat(found).isEqualTo(expected));
  }

  @ParameterizedTest
  @EnumSource(FollowUpKind.class)
  void everyKindHasAStableCodeAndAnEnglishDisplay(FollowUpKind kind) {
    assertThat(kind.code()).matches("[a-z]+(?:-[a-z]+)*");
    assertThat(kind.display()).matches("[A-Z][a-z]+(?:[ -][a-z]+)*");
    assertThat(FollowUpKind.fromCode(kind.code())).contains(kind);
  }

  @Test
  void codesAreTheOnesMessagesCarry() {
    assertThat(List.of(FollowUpKind.values())).extracting(FollowUpKind::code).containsExactly(
        "repeat-biopsy", "excision", "imaging", "correlation", "mdt", "ancillary", "clinical");
    assertThat(FollowUpKind.REPEAT_BIOPSY.display()).isEqualTo("Repeat biopsy");
    assertThat(FollowUpKind.fromCode("surgery")).isEmpty();
  }
}
