package io.pathtrack.results.followup;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.results.followup.CalcificationReader.Presence;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Calcification statements as a table, with the answer {@link CalcificationReader} must give; the table is
 * {@code src/test/resources/followup/calcification-phrases.csv}.
 */
class CalcificationReaderTest {

  private static final String TABLE = "/followup/calcification-phrases.csv";
  private static final CalcificationReader READER = new CalcificationReader();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvFileSource(resources = TABLE, delimiterString = "|", quoteCharacter = '~')
  void textGetsThePresenceOfTheTable(String text, Presence expected) {
    assertThat(READER.read(PhraseTable.text(text))).as(text).isEqualTo(expected);
  }

  @Test
  void tableCoversEveryAnswerInEnglishAndGermanAndTheClinicalSectionTrap() {
    PhraseTable table = PhraseTable.load(TABLE);

    assertThat(table.rows()).hasSizeGreaterThanOrEqualTo(30);
    for (String language : List.of("en", "de")) {
      assertThat(table.in(language)).as("answers in %s", language).extracting(r -> r.column(1))
          .contains("PRESENT", "ABSENT", "NOT_MENTIONED");
    }
    for (String language : List.of("fr", "es", "it", "nl")) {
      assertThat(table.in(language)).as("answers in %s", language).extracting(r -> r.column(1))
          .contains("PRESENT", "ABSENT");
    }
    String texts = String.join("\n", table.rows().stream().map(r -> r.column(0)).toList());
    assertThat(texts).contains("Clinical history:", "Klinische Angaben:", "Fragestellung:", "Indication:",
        "Specimen radiograph", "Präparateradiographie");
  }

  @Test
  void nothingToReadMentionsNothing() {
    assertThat(READER.read(null)).isEqualTo(Presence.NOT_MENTIONED);
    assertThat(READER.read("")).isEqualTo(Presence.NOT_MENTIONED);
    assertThat(READER.read("\n \t")).isEqualTo(Presence.NOT_MENTIONED);
  }

  @Test
  void aClinicalSectionWithNothingAfterItIsRead() {
    // where it ends cannot be told, so it is not set aside
    assertThat(READER.read("Clinical history: calcifications on biopsy; specimen shows calcifications."))
        .isEqualTo(Presence.PRESENT);
  }
}
