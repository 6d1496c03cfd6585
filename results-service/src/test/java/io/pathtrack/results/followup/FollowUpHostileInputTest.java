package io.pathtrack.results.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Texts of a megabyte built to make a reader backtrack or go quadratic, and random ones: both readers finish and
 * throw nothing. The timeout only guards against a runaway pattern; how fast they are is measured in the bench,
 * never asserted here.
 */
class FollowUpHostileInputTest {

  private static final int MEGABYTE = 1 << 20;
  private static final Duration RUNAWAY = Duration.ofSeconds(10);
  private static final FollowUpReader FOLLOW_UPS = new FollowUpReader();
  private static final CalcificationReader CALCIFICATIONS = new CalcificationReader();

  static Stream<Arguments> hostileTexts() {
    return Stream.of(
        Arguments.of("null", null),
        Arguments.of("empty", ""),
        Arguments.of("'recommended in ' repeated", repeat("recommended in ")),
        Arguments.of("'excision recommended in 6 months ' repeated", repeat("excision recommended in 6 months ")),
        Arguments.of("'no excision ' repeated", repeat("no excision ")),
        Arguments.of("'no calcifications or ' repeated", repeat("no calcifications or ")),
        Arguments.of("'calcifications: ' repeated", repeat("calcifications: ")),
        Arguments.of("'in 3-' repeated", repeat("in 3-")),
        Arguments.of("'clinical and ' repeated", repeat("clinical and ") + "correlation"),
        Arguments.of("'Recommendation:' lines", repeat("Recommendation:\n")),
        Arguments.of("clinical sections", repeat("Clinical history: x\nDiagnosis: y\n")),
        Arguments.of("'no (' repeated", repeat("no (calcifications ")),
        Arguments.of("one word", "excision" + "x".repeat(MEGABYTE) + " recommended"),
        Arguments.of("spaces after a phrase start", "clinical" + " ".repeat(MEGABYTE)),
        Arguments.of("hyphens", "-".repeat(MEGABYTE)),
        Arguments.of("colons", repeat("a:")),
        Arguments.of("sentence ends", repeat(". A")),
        Arguments.of("line breaks", "\n".repeat(MEGABYTE)),
        Arguments.of("open tags", repeat("<br ")),
        Arguments.of("entities", repeat("&#1234567;&amp;&#x110000;")),
        Arguments.of("HL7 escapes", repeat("\\X0D\\")),
        Arguments.of("digits", "1".repeat(MEGABYTE)),
        Arguments.of("counts without unit", "in" + " 1".repeat(MEGABYTE / 2)),
        Arguments.of("random code points", randomCodePoints(new Random(20240611L))),
        Arguments.of("random report words", randomWords(new Random(7L))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileTexts")
  void bothReadersFinishWithoutThrowing(String name, String text) {
    assertTimeoutPreemptively(RUNAWAY, () -> {
      assertThat(FOLLOW_UPS.read(text, "conclusion")).allSatisfy(f ->
          assertThat(f.phrase()).hasSizeLessThanOrEqualTo(FollowUp.PHRASE_MAX));
      assertThat(CALCIFICATIONS.read(text)).isNotNull();
    });
  }

  private static String repeat(String unit) {
    return unit.repeat(MEGABYTE / unit.length() + 1);
  }

  private static String randomCodePoints(Random random) {
    StringBuilder text = new StringBuilder(MEGABYTE + 2);
    while (text.length() < MEGABYTE) {
      text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
    }
    return text.toString();
  }

  private static String randomWords(Random random) {
    String[] words = {"excision", "recommended", "no", "not", "in", "6", "months", "-", "3", ",", ".", ":", "\n",
        "biopsy", "Recommendation:", "calcifications", "keine", "nach", "Z.n.", "clinical", "and", "correlation",
        "imaging", "follow-up", "s/p", "previous", "Monaten", "empfohlen", "(", ")", "Clinical history:", "but"};
    StringBuilder text = new StringBuilder(MEGABYTE + 32);
    while (text.length() < MEGABYTE) {
      text.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
    }
    return text.toString();
  }
}
