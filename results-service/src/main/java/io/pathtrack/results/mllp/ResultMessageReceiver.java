package io.pathtrack.results.mllp;

import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import io.pathtrack.contract.TruncatedRecord;
import io.pathtrack.results.hl7.Er7Text;
import io.pathtrack.results.hl7.OruMessages;
import io.pathtrack.results.hl7.OruToFhir;
import io.pathtrack.results.ingest.InboundPublisher;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.ingest.ReportReader;
import io.pathtrack.results.pipeline.ReportMetrics;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import io.pathtrack.results.ingest.ClassifiedReport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MLLP channel does with one received frame: check and classify the message now, as the FHIR
 * REST endpoint does, so the LIS gets a precise answer; then write it, as received and whatever the
 * answer, to {@link io.pathtrack.contract.Topics#REPORTS_INBOUND} ({@code application/hl7-v2}, channel {@code hl7v2}), from
 * which the pipeline publishes it or dead-letters it with its reason; then answer:
 * <ul>
 *   <li>a frame over the size limit is not read: its first bytes are kept, marked truncated with the
 *       whole frame's size and SHA-256, and it is answered AE, since sending it again cannot succeed;</li>
 *   <li>an empty frame, text that is not HL7 v2, or a message other than ORU^R01 is answered AR;</li>
 *   <li>a message this service fails on unexpectedly is kept and answered AE with ERR-3 207 (application
 *       internal error): the same message would fail again;</li>
 *   <li>an acknowledgement (MSH-9 ACK) is not a result: it is logged, neither kept nor answered, as an
 *       original-mode peer expects;</li>
 *   <li>a message the topic refuses for its size is kept truncated too and answered AE;</li>
 *   <li>a message that could not be written to the topic for now (Kafka unreachable) is answered AR
 *       (ERR-3 207), the one answer that asks the sender to send it again.</li>
 * </ul>
 * Logs name a frame by the start of its SHA-256, never by anything it contains.
 */
public final class ResultMessageReceiver {
  public static final String CHANNEL = "hl7v2";
  private static final Logger log = LoggerFactory.getLogger(ResultMessageReceiver.class);

  private final ReportIntake intake;
  private final InboundPublisher inbound;
  private final ReportMetrics metrics;
  private final int truncateTo;

  /** @param truncateTo how much of a message too large to keep whole is kept */
  public ResultMessageReceiver(ReportIntake intake, InboundPublisher inbound, ReportMetrics metrics, int truncateTo) {
    this.intake = intake;
    this.inbound = inbound;
    this.metrics = metrics;
    this.truncateTo = truncateTo;
  }

  /** The largest message read whole; a larger frame is kept truncated and answered AE. */
  public long maxBytes() {
    return intake.reader().guard().maxBytes();
  }

  /** How much of a message too large to keep whole is kept. */
  public int truncateTo() {
    return truncateTo;
  }

  /** @return the acknowledgement to send back, or empty when the frame is not answered (an ACK) */
  public Optional<Message> receive(MllpFrame frame) {
    if (frame.truncated()) {
      return Optional.of(tooLarge(frame));
    }
    String received = text(frame.content());
    if (!received.isBlank() && OruMessages.messageCode(received).filter("ACK"::equals).isPresent()) {
      log.info("HL7 v2 acknowledgement received (frame {}, control id of {} characters): not answered, not kept",
          frame.reference(), OruMessages.controlId(received).map(String::length).orElse(0));
      return Optional.empty();
    }
    metrics.received(CHANNEL);
    byte[] payload = received.getBytes(StandardCharsets.UTF_8);
    ReportRejectedException rejection = null;
    String key = null;
    if (received.isBlank()) {
      rejection = new ReportRejectedException(List.of(ValidationIssue.structure("MSH",
          "empty frame: nothing between the MLLP start and end bytes; send one HL7 v2 message per frame")), true);
      payload = frame.content();
    } else {
      try {
        List<ClassifiedReport> assessed = intake.assess(payload, Er7Text.CONTENT_TYPE);
        intake.remember(payload, Er7Text.CONTENT_TYPE, assessed);
        key = assessed.get(0).accession();
      } catch (ReportRejectedException e) {
        rejection = e;
        key = accession(payload).orElse(null);
      } catch (RuntimeException e) {
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        // the exception's text is not logged: parsers quote the values they choke on
        log.error("HL7 v2 message {} could not be processed ({} at {}); answered AE and kept",
            frame.reference(), e.getClass().getName(), at);
        // AE with ERR-3 207: an error inside this service, which the same message would meet again
        rejection = new ReportRejectedException(List.of(new ValidationIssue("MSH", "exception",
            "could not be processed (" + e.getClass().getSimpleName() + " in this service); it is kept for "
                + "review: do not send it again unchanged")), false);
      }
    }
    if (rejection != null) {
      metrics.rejected(CHANNEL, rejection);
    }
    if (key == null) {
      key = OruMessages.controlId(received).orElseGet(() -> fallbackKey(frame));
    }
    Optional<Message> notStored = keep(frame, key, payload, Map.of(), received);
    if (notStored.isPresent()) {
      return notStored;
    }
    return Optional.of(rejection == null ? Acknowledgements.accepted(received) : Acknowledgements.rejected(received, rejection));
  }

  /** Kept truncated with the whole frame's size and hash, and answered AE: it can never be accepted. */
  private Message tooLarge(MllpFrame frame) {
    metrics.received(CHANNEL);
    String head = Er7Text.decode(frame.content());
    String key = OruMessages.controlId(head).orElseGet(() -> fallbackKey(frame));
    log.warn("HL7 v2 frame {} of {} bytes is over the limit of {} bytes; kept truncated to {} bytes, answered AE",
        frame.reference(), frame.size(), maxBytes(), frame.content().length);
    return keepTruncated(frame, key, frame.content(), head, "message of " + frame.size()
        + " bytes is over the limit of " + maxBytes() + " bytes: it was not processed and is kept only in part; "
        + "do not send it again as it is");
  }

  private Message keepTruncated(MllpFrame frame, String key, byte[] start, String received, String reason) {
    ReportRejectedException rejection = new ReportRejectedException(List.of(new ValidationIssue("message", "too-long",
        reason)), true);
    metrics.rejected(CHANNEL, rejection);
    byte[] kept = start.length <= truncateTo ? start : Arrays.copyOf(start, truncateTo);
    Map<String, String> truncation = new TruncatedRecord(kept, frame.size(), frame.sha256()).headers();
    return keep(frame, key, kept, truncation, received).orElseGet(() -> Acknowledgements.rejected(received, rejection));
  }

  /**
   * Writes the frame to the inbound topic; the AR to answer when that failed for now, the AE when the
   * record is too large for the topic (kept truncated instead), else empty.
   */
  private Optional<Message> keep(MllpFrame frame, String key, byte[] payload, Map<String, String> headers,
      String received) {
    try {
      inbound.publish(key, payload, Er7Text.CONTENT_TYPE, CHANNEL, headers);
      return Optional.empty();
    } catch (RuntimeException e) {
      if (tooLargeForTheTopic(e) && headers.isEmpty()) {
        log.warn("HL7 v2 message {} of {} bytes is too large for the inbound topic; kept truncated, answered AE",
            frame.reference(), payload.length);
        return Optional.of(keepTruncated(frame, key, payload, received, "message of " + frame.size()
            + " bytes is too large to store (the record limit of the inbound topic): it was not processed and is "
            + "kept only in part; do not send it again as it is"));
      }
      log.error("HL7 v2 message {} could not be written to the inbound topic; answered AR (send it again)",
          frame.reference(), e);
      return Optional.of(Acknowledgements.notProcessed(received,
          "the message could not be stored (the inbound topic did not take it): send it again"));
    }
  }

  /** Kafka refused the record for its size: sending it again cannot help. */
  private static boolean tooLargeForTheTopic(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RecordTooLargeException) {
        return true;
      }
    }
    return false;
  }

  /** The accession of a message that was read but rejected, so it is keyed as its report would be. */
  private Optional<String> accession(byte[] payload) {
    try {
      return OruToFhir.convertDespiteErrors(payload)
          .map(ReportReader::reports)
          .flatMap(reports -> intake.key(reports.get(0)))
          .map(ReportIntake.ReportKey::accession);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String fallbackKey(MllpFrame frame) {
    return "hl7v2-" + frame.reference();
  }

  /**
   * The frame's text: in the character set MSH-18 names, decoded by HAPI's MLLP reader, which knows HL7's
   * names for them ("8859/1", "UNICODE UTF-8"…); without MSH-18, UTF-8, or ISO-8859-1 when the bytes are
   * not UTF-8 ({@link Er7Text#decode}), as the pipeline reads them.
   */
  static String text(byte[] content) {
    String text = Er7Text.decode(content);
    if (OruMessages.characterSet(text).isEmpty()) {
      return text;
    }
    ByteArrayOutputStream framed = new ByteArrayOutputStream(content.length + 3);
    framed.write(0x0b);
    framed.writeBytes(content);
    framed.write(0x1c);
    framed.write(0x0d);
    try {
      MinLowerLayerProtocol llp = new MinLowerLayerProtocol(true);
      llp.setCharset(StandardCharsets.UTF_8);
      String declared = llp.getReader(new ByteArrayInputStream(framed.toByteArray())).getMessage();
      return declared == null ? text : declared;
    } catch (LLPException | IOException | RuntimeException e) {
      return text;
    }
  }
}
