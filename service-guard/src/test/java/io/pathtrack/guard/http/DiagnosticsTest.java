package io.pathtrack.guard.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosticsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      a Jackson location names no source      | Unexpected character ('}' (code 125)) at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 75] | Unexpected character ('}' (code 125)) at [line: 1, column: 75]
      a qualified exception and its colon go | HAPI-1861: com.fasterxml.jackson.core.JsonParseException: Unexpected end-of-input              | HAPI-1861: Unexpected end-of-input
      a simple exception name goes           | DataFormatException: bad                                                                        | bad
      a qualified class keeps its simple name | cannot read io.pathtrack.notify.escalation.AckBody from the body                               | cannot read AckBody from the body
      line breaks become spaces              | first\\r\\nsecond                                                                                 | first second
      a short quoted value stays             | Unknown SpecimenStatus code 'signed'                                                            | Unknown SpecimenStatus code 'signed'
      an apostrophe opens no quote           | can't read 'x' here                                                                             | can't read 'x' here
      """)
  void cleanKeepsWhatIsWrongAndDropsInternals(String what, String message, String expected) {
    assertThat(Diagnostics.clean(message.replace("\\r", "\r").replace("\\n", "\n"))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      a long double-quoted value    | Invalid attribute value "%s": Unknown code
      a long single-quoted value    | Unknown SpecimenStatus code '%s'
      a long unquoted value         | Resource Specimen/%s is not known
      """)
  void longValuesAreCutToTheEchoLength(String what, String template) {
    String cleaned = Diagnostics.clean(template.formatted("V".repeat(500)));
    assertThat(cleaned).contains("…").doesNotContain("V".repeat(Diagnostics.ECHO_LENGTH + 1)).hasSizeLessThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      two quoted values keep their pairing | Content-Type "text/plain" was provided. A FHIR Content-Type is required for "CREATE" operation
      """)
  void textBetweenQuotedValuesIsLeftAlone(String what, String message) {
    assertThat(Diagnostics.clean(message)).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      short                 | S26-90001        | S26-90001
      a line break          | a\\r\\nb           | a b
      """)
  void echoIsShortAndFreeOfControlCharacters(String what, String value, String expected) {
    assertThat(Diagnostics.echo(value.replace("\\r", "\r").replace("\\n", "\n"))).isEqualTo(expected);
    assertThat(Diagnostics.echo("x".repeat(1000))).hasSize(Diagnostics.ECHO_LENGTH + 1).endsWith("…");
  }
}
