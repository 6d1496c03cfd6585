package io.pathtrack.results.mllp;

import static io.pathtrack.results.hl7.Hl7Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import io.pathtrack.results.hl7.Hl7Location;
import io.pathtrack.results.hl7.OruMessages;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ACK each kind of answer gets, read back as an LIS reads it. */
class Hl7AcknowledgementsTest {

  @Test
  void anAcceptedMessageIsAnsweredAaEchoingItsControlIdFromTheReceiverItWasSentTo() throws HL7Exception {
    Terser ack = read(Acknowledgements.accepted(message("benign.hl7")));
    assertThat(ack.get("/MSH-9-1")).isEqualTo("ACK");
    assertThat(ack.get("/MSH-3-1")).isEqualTo("PATHTRACK");
    assertThat(ack.get("/MSH-5-1")).isEqualTo("LIS");
    assertThat(ack.get("/MSH-12")).isEqualTo("2.5.1");
    assertThat(ack.get("/MSA-1")).isEqualTo("AA");
    assertThat(ack.get("/MSA-2")).isEqualTo("HL7-B1-0001");
    assertThat(ack.get("/ERR-3-1")).isNull();
  }

  @Test
  void aReadableButWrongMessageIsAnsweredAeWithOneErrPerProblemNamingSegmentFieldCodeAndReason() throws HL7Exception {
    ReportRejectedException rejection = new ReportRejectedException(List.of(
        ValidationIssue.required("DiagnosticReport.subject", "subject is required: the patient the report is about"),
        new ValidationIssue("OBR[2]-25", "code-invalid", "result status 'Q' is not in HL7 table 0123")), false);
    Terser ack = read(Acknowledgements.rejected(message("benign.hl7"), rejection));
    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/MSA-2")).isEqualTo("HL7-B1-0001");
    assertThat(ack.get("/ERR(0)-2-1")).isEqualTo("PID");
    assertThat(ack.get("/ERR(0)-2-2")).isEqualTo("1");
    assertThat(ack.get("/ERR(0)-2-3")).isEqualTo("3");
    assertThat(ack.get("/ERR(0)-3-1")).isEqualTo("101");
    assertThat(ack.get("/ERR(0)-4")).isEqualTo("E");
    assertThat(ack.get("/ERR(0)-8")).isEqualTo("subject is required: the patient the report is about");
    assertThat(ack.get("/ERR(1)-2-1")).isEqualTo("OBR");
    assertThat(ack.get("/ERR(1)-2-2")).isEqualTo("2");
    assertThat(ack.get("/ERR(1)-2-3")).isEqualTo("25");
    assertThat(ack.get("/ERR(1)-3-1")).isEqualTo("103");
  }

  @Test
  void aVersion231SenderIsAnsweredInVersion231WithErr1() throws HL7Exception {
    ReportRejectedException rejection = new ReportRejectedException(List.of(
        ValidationIssue.required("DiagnosticReport.issued", "a final report must say when it was issued")), false);
    Message ack = Acknowledgements.rejected(message("atypical.hl7"), rejection);
    assertThat(ack.getVersion()).isEqualTo("2.3.1");
    Terser terser = read(ack);
    assertThat(terser.get("/MSA-1")).isEqualTo("AE");
    assertThat(terser.get("/MSA-2")).isEqualTo("HL7-A1-0001");
    assertThat(terser.get("/MSA-3")).isEqualTo("a final report must say when it was issued");
    assertThat(terser.get("/ERR-1-1")).isEqualTo("OBR");
    assertThat(terser.get("/ERR-1-3")).isEqualTo("22");
    assertThat(terser.get("/ERR-1-4-1")).isEqualTo("101");
  }

  @Test
  void anUnreadableMessageIsAnsweredAr() throws HL7Exception {
    ReportRejectedException rejection = new ReportRejectedException(List.of(new ValidationIssue("MSH-9", "not-supported",
        "message type ADT^A01 is not accepted here")), true);
    Terser ack = read(Acknowledgements.rejected(message("adt-a01.hl7"), rejection));
    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/MSA-2")).isEqualTo("HL7-X4-0001");
    assertThat(ack.get("/ERR-2-1")).isEqualTo("MSH");
    assertThat(ack.get("/ERR-2-3")).isEqualTo("9");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("200");
  }

  @Test
  void aMessageTooLargeToReadIsAnsweredAeSoTheSenderDoesNotSendItAgain() throws HL7Exception {
    // the size check fails before the message is read, yet sending it again can never succeed
    ReportRejectedException rejection = new ReportRejectedException(List.of(new ValidationIssue("DiagnosticReport",
        "too-long", "payload of 2000000 bytes is over the limit of 1048576 bytes")), true);
    Terser ack = read(Acknowledgements.rejected(message("benign.hl7"), rejection));
    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/ERR-8")).contains("2000000", "1048576");
  }

  @Test
  void bytesWithoutAHeaderAreAnsweredArWithNothingToEcho() throws HL7Exception {
    ReportRejectedException rejection = new ReportRejectedException(List.of(ValidationIssue.structure("MSH",
        "not an HL7 v2 message: it must start with an MSH segment")), true);
    Terser ack = read(Acknowledgements.rejected("\u0001\u0002 garbage", rejection));
    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/MSA-2")).isNull();
    assertThat(ack.get("/ERR-3-1")).isEqualTo("100");
  }

  @Test
  void theReportChecksFhirElementsAreReportedAtTheV2FieldTheyCameFrom() {
    assertThat(Hl7Location.parse("DiagnosticReport.subject")).contains(Hl7Location.of("PID", 1, 3));
    assertThat(Hl7Location.parse("DiagnosticReport.issued")).contains(Hl7Location.of("OBR", 1, 22));
    assertThat(Hl7Location.parse("DiagnosticReport.specimen")).contains(Hl7Location.of("OBR", 1, 3));
    assertThat(Hl7Location.parse("OBR[2]-25")).contains(Hl7Location.of("OBR", 2, 25));
    assertThat(Hl7Location.of("OBR", 2, 25)).hasToString("OBR[2]-25");
    assertThat(Hl7Location.parse("DiagnosticReport.text")).isEmpty();
  }

  /** The ACK as it goes on the wire, parsed back with HAPI. */
  private static Terser read(Message ack) throws HL7Exception {
    String wire = Acknowledgements.encode(ack);
    return new Terser(OruMessages.context(new DefaultModelClassFactory()).getPipeParser().parse(wire));
  }
}
