package io.pathtrack.results.hl7;

import static io.pathtrack.results.hl7.Hl7Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The segment order an ORU^R01 is held to before it is read: one message per frame, OBX under an OBR,
 * OBX set ids counting upward, no OBX cut short. Each breach is a segment sequence error (AE, ERR-3 100).
 */
class Hl7SegmentOrderTest {
  /** benign.hl7 with CR between segments, as an interface engine sends it. */
  private static final String BENIGN = message("benign.hl7").strip().replace("\n", "\r") + "\r";

  @Test
  void aFinalDiagnosisHiddenInAValueBehindACarriageReturnIsRefused() {
    String injected = BENIGN.replace("No atypia.||||||F",
        "No atypia.\rOBX|3|TX|22637-3^Final Diagnosis^LN||Invasive ductal carcinoma.||||||F");
    assertThatThrownBy(() -> OruMessages.read(injected))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.parseFailure()).as("answered AE, not AR").isFalse();
          assertThat(e.issues()).extracting(ValidationIssue::code).containsOnly("structure");
          // the carrier lost its result status to the injected segment, whose set id the real OBX 3 repeats
          assertThat(e.issues()).extracting(ValidationIssue::expression).containsExactly("OBX[2]-11", "OBX[4]-1");
          assertThat(e.issues().get(1).message()).contains("set id 3 repeats the one before it", "\\.br\\");
        });
  }

  @Test
  void aValueCutShortByALineBreakIsRefusedEvenWhenTheNumberingGoesOn() {
    // the injected OBX takes the carrier's remaining fields, so the carrier has no result status (OBX-11)
    String injected = BENIGN.replace("OBX|4|CWE|22637-3^Path report.final diagnosis^LN||90100^Fibroadenoma, NOS^ICDO3",
        "OBX|4|TX|22636-5^Clinical history^LN||Lump.\rOBX|5|TX|22637-3^Final Diagnosis^LN||Invasive ductal carcinoma.");
    assertThatThrownBy(() -> OruMessages.read(injected))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.parseFailure()).isFalse();
          assertThat(e.primary().expression()).isEqualTo("OBX[4]-11");
          assertThat(e.primary().message()).contains("cut short");
        });
  }

  @Test
  void twoMessagesInOneFrameAreRefusedAtTheSecondMsh() {
    String two = BENIGN + message("nondiagnostic.hl7").strip().replace("\n", "\r");
    assertThatThrownBy(() -> OruMessages.read(two))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.parseFailure()).isFalse();
          assertThat(e.primary().expression()).isEqualTo("MSH[2]");
          assertThat(e.primary().message()).contains("one message per frame");
          assertThat(Hl7Location.parse(e.primary().expression())).contains(Hl7Location.of("MSH", 2, 0));
        });
  }

  @Test
  void aBatchEnvelopeIsRefusedAsMoreThanOneMessageInAFrame() {
    String batch = BENIGN + "BTS|1\r";
    assertThatThrownBy(() -> OruMessages.read(batch))
        .isInstanceOfSatisfying(ReportRejectedException.class,
            e -> assertThat(e.primary().message()).contains("one message per frame", "BTS"));
  }

  @Test
  void anObservationBeforeAnyOrderIsRefused() {
    String early = BENIGN.replace("ORC|RE|", "OBX|1|TX|22637-3^Final Diagnosis^LN||Carcinoma.||||||F\rORC|RE|");
    assertThatThrownBy(() -> OruMessages.read(early))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.primary().expression()).isEqualTo("OBX");
          assertThat(e.primary().message()).contains("before any OBR");
        });
  }

  @ParameterizedTest(name = "set ids {0}, segments end with {1}: refused {2}")
  @CsvSource({
      "'1,2,3', CR, false",
      "'1,2,4', CR, false",
      "'1,2,2', CR, true",
      "'1,3,2', CR, true",
      "'1,2,1', CR, true",
      "'1,2,2', LF, true",
      "'1,3,2', LF, false",
      "'1,2,1', LF, false",
      "'1,2,2', CRLF, true",
      "'1,3,2', CRLF, false"})
  void setIdsMustCountUpInStandardMessagesAndNotRepeatAtAllElsewhere(String setIds, String terminator, boolean refused) {
    StringBuilder text = new StringBuilder("MSH|^~\\&|LIS|LAB|||20261126||ORU^R01|1|P|2.5.1\rPID|1||MRN-1\r"
        + "OBR|1||S-1|60567-5^Report^LN|||20261126||||||||||||||20261126|||F\r");
    for (String id : setIds.split(",")) {
      text.append("OBX|").append(id).append("|TX|22637-3^Final Diagnosis^LN||Benign.||||||F\r");
    }
    String sent = text.toString().replace("\r", switch (terminator) {
      case "LF" -> "\n";
      case "CRLF" -> "\r\n";
      default -> "\r";
    });
    if (refused) {
      assertThatThrownBy(() -> OruMessages.read(sent)).isInstanceOfSatisfying(ReportRejectedException.class,
          e -> assertThat(e.primary().expression()).isEqualTo("OBX[3]-1"));
    } else {
      assertThat(OruMessages.read(sent)).isNotNull();
    }
  }

  @Test
  void setIdsStartAgainUnderEachSpecimen() {
    String perSpecimen = BENIGN.replace("SPM|1|", "OBX|5|TX|x^y^L||a||||||F\rSPM|1|")
        + "OBX|1|TX|22633-2^Nature of specimen^LN||Core.||||||F\rOBX|2|TX|22634-0^Gross^LN||Tan.||||||F\r";
    assertThat(OruMessages.read(perSpecimen)).isNotNull();
  }

  @Test
  void theTeamWrittenMessagesAreInOrder() {
    for (String file : List.of("benign.hl7", "atypical.hl7", "nondiagnostic.hl7", "corrected-1-final.hl7",
        "corrected-2-corrected.hl7", "invalid-status.hl7")) {
      assertThat(SegmentOrder.check(Er7Text.normalize(message(file)), false)).as(file).isEmpty();
      assertThat(SegmentOrder.check(Er7Text.normalize(message(file)), true)).as(file).isEmpty();
    }
  }
}
