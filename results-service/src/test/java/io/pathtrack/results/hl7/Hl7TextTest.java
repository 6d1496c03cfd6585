package io.pathtrack.results.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The text repairs made before HAPI parses a message, and the text of formatted values. */
class Hl7TextTest {

  @Test
  void lfAndCrlfSeparatorsBecomeCarriageReturns() {
    assertThat(Er7Text.normalize("MSH|^~\\&|A\nPID|1\r\nOBR|1\n\n")).isEqualTo("MSH|^~\\&|A\rPID|1\rOBR|1\r");
  }

  @Test
  void trailingBlanksAndBlankLinesAreDropped() {
    assertThat(Er7Text.normalize("MSH|^~\\&|A  \r   \rOBX|1|TX|x||y||||||F \t\r")).isEqualTo("MSH|^~\\&|A\rOBX|1|TX|x||y||||||F\r");
  }

  @Test
  void aKnownSegmentGluedToThePreviousOneOnTheSameLineStartsANewSegment() {
    assertThat(Er7Text.normalize("MSH|^~\\&|A|||||||||2.5.1|||||||||VOL^NAACCR_CP PID|1||42\nOBX|1|ST|a||b||||||F OBX|2|ST|c||d"))
        .isEqualTo("MSH|^~\\&|A|||||||||2.5.1|||||||||VOL^NAACCR_CP\rPID|1||42\rOBX|1|ST|a||b||||||F\rOBX|2|ST|c||d\r");
  }

  @Test
  void textThatMerelyContainsCapitalsAndABarIsNotCut() {
    assertThat(Er7Text.normalize("MSH|^~\\&|A\rOBX|1|TX|x||seen in ABC|F")).isEqualTo("MSH|^~\\&|A\rOBX|1|TX|x||seen in ABC|F\r");
  }

  @Test
  void aSegmentIdTypedIntoAValueIsNotSplitOff() {
    String line = "OBX|2|TX|22635-7^Microscopic^LN||Benign. OBX|3|TX|22637-3^Final Diagnosis^LN||carcinoma||||||F";
    assertThat(Er7Text.normalize("MSH|^~\\&|A\r" + line)).isEqualTo("MSH|^~\\&|A\r" + line + "\r");
  }

  @Test
  void aGluedSegmentIsSplitOffOnlyRightAfterACodeNotAfterText() {
    assertThat(Er7Text.normalize("MSH|^~\\&|A\rOBX|1|ST|a||b||||||F OBX|2|ST|c||d||||||final result OBX|3|ST|e"))
        .isEqualTo("MSH|^~\\&|A\rOBX|1|ST|a||b||||||F\rOBX|2|ST|c||d||||||final result OBX|3|ST|e\r");
  }

  @Test
  void aCrInsideAValueOfAnLfSeparatedMessageIsABlankNotASegment() {
    assertThat(Er7Text.normalize("MSH|^~\\&|A\nOBX|1|TX|x||benign\rOBX|2|TX|22637-3||carcinoma||||||F\n"))
        .isEqualTo("MSH|^~\\&|A\rOBX|1|TX|x||benign OBX|2|TX|22637-3||carcinoma||||||F\r");
  }

  @Test
  void anLfInsideAValueOfACrSeparatedMessageIsABlankNotASegment() {
    assertThat(Er7Text.normalize("MSH|^~\\&|A\rOBX|1|TX|x||benign\nOBX|2|TX|22637-3||carcinoma||||||F\r"))
        .isEqualTo("MSH|^~\\&|A\rOBX|1|TX|x||benign OBX|2|TX|22637-3||carcinoma||||||F\r");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "'MSH|^~\\&|A\\rPID|1\\r', true",
      "'MSH|^~\\&|A\\r\\nPID|1\\r\\n', false",
      "'MSH|^~\\&|A\\nPID|1\\rOBR|1\\n', false",
      "'MSH|^~\\&|A\\rPID|1\\nOBR|1\\r', true",
      "'MSH|^~\\&|A', true"})
  void theLineBreakThatEndsMshIsTheSendersSegmentTerminator(String text, boolean crTerminated) {
    String raw = text.replace("\\r", "\r").replace("\\n", "\n");
    assertThat(Er7Text.crTerminated(raw)).isEqualTo(crTerminated);
  }

  @Test
  void aWrappedLineContinuesTheSegmentBeforeIt() {
    assertThat(Er7Text.normalize("MSH|^~\\&|A\nOBX|20|TX|Size:|3|about 2.0 x 1.2 cm in greatest\ndimensions||||||F"))
        .isEqualTo("MSH|^~\\&|A\rOBX|20|TX|Size:|3|about 2.0 x 1.2 cm in greatest dimensions||||||F\r");
  }

  @Test
  void aByteOrderMarkAndLeadingBlanksBeforeMshAreDropped() {
    assertThat(Er7Text.normalize("\uFEFF \r\nMSH|^~\\&|A")).isEqualTo("MSH|^~\\&|A\r");
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "application/hl7-v2, 'x', true",
      "x-application/hl7-v2+er7, 'x', true",
      "null, 'MSH|^~\\&|', true",
      "text/plain, '  MSH|^~\\&|', true",
      "application/fhir+json, 'MSH|^~\\&|', false",
      "null, '{\"resourceType\":\"DiagnosticReport\"}', false"})
  void hl7IsRecognisedByContentTypeOrByItsFirstSegment(String contentType, String payload, boolean hl7) {
    assertThat(Er7Text.isHl7(payload.getBytes(StandardCharsets.UTF_8), contentType)).isEqualTo(hl7);
  }

  @Test
  void latin1BytesAreDecodedWhenTheyAreNotUtf8() {
    assertThat(Er7Text.decode("Gewebe, unauffällig".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("Gewebe, unauffällig");
    assertThat(Er7Text.decode("carcinoma – grade 2".getBytes(StandardCharsets.UTF_8))).isEqualTo("carcinoma – grade 2");
  }

  static Stream<Arguments> formattedValues() {
    return Stream.of(
        Arguments.of("Papillary carcinoma.\\X0D\\\\X0A\\   Tumor 1.2 cm.", "Papillary carcinoma.\n   Tumor 1.2 cm."),
        Arguments.of("Line one\\.br\\Line two", "Line one\nLine two"),
        Arguments.of("\\.in+4\\Indented\\.sp\\next", "Indented\nnext"),
        Arguments.of("\\H\\Important\\N\\ finding", "Important finding"),
        Arguments.of("Caf\\XC3A9\\ au lait", "Café au lait"),
        Arguments.of("plain text  ", "plain text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formattedValues")
  void formattingEscapesBecomePlainText(String value, String text) {
    assertThat(FormattedText.plain(value)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "20261124, 2026-11-24",
      "202611241530, 2026-11-24T15:30:00+00:00",
      "20261124153045-0500, 2026-11-24T15:30:45-05:00",
      "20261124153045.25+0100, 2026-11-24T15:30:45.250+01:00"})
  void v2TimestampsKeepTheirPrecisionAndOffset(String value, String fhir) {
    assertThat(V2Times.dateTime(value)).hasValueSatisfying(t -> assertThat(t.getValueAsString()).isEqualTo(fhir));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2004070211500", "1235x", "20261340", "''"})
  void garbledTimestampsReadAsAbsent(String value) {
    assertThat(V2Times.dateTime(value)).isEmpty();
  }
}
