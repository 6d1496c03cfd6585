package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.Message;
import io.pathtrack.results.ingest.InboundPublisher;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.ingest.ReportReader;
import io.pathtrack.results.pipeline.ReportMetrics;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MLLP channel does with one received message: check and classify it now, as the FHIR REST
 * endpoint does, so the LIS gets a precise answer; then write it, as received and whatever the answer,
 * to {@code pathology.reports.inbound} ({@code application/hl7-v2}, channel {@code hl7v2}), from which
 * the pipeline publishes it or dead-letters it with its reason; then answer. A message that could not
 * be written is answered AR, so the LIS sends it again.
 */
public final class ResultMessageReceiver {
  public static final String CHANNEL = "hl7v2";
  private static final Logger log = LoggerFactory.getLogger(ResultMessageReceiver.class);

  private final ReportIntake intake;
  private final InboundPublisher inbound;
  private final ReportMetrics metrics;

  public ResultMessageReceiver(ReportIntake intake, InboundPublisher inbound, ReportMetrics metrics) {
    this.intake = intake;
    this.inbound = inbound;
    this.metrics = metrics;
  }

  /** @param received the message text as it came off the wire */
  public Message receive(String received) {
    byte[] payload = received.getBytes(StandardCharsets.UTF_8);
    metrics.received(CHANNEL);
    ReportRejectedException rejection = null;
    String key;
    try {
      key = intake.assess(payload, Er7Text.CONTENT_TYPE).get(0).accession();
    } catch (ReportRejectedException e) {
      rejection = e;
      key = accession(payload).orElse(null);
    } catch (RuntimeException e) {
      log.error("HL7 v2 message could not be processed; it is answered AR and kept on the inbound topic", e);
      rejection = new ReportRejectedException(List.of(new ValidationIssue("MSH", "exception",
          "could not be processed: " + e)), true);
      key = null;
    }
    if (rejection != null) {
      metrics.rejected(CHANNEL, rejection);
    }
    if (key == null) {
      key = OruMessages.controlId(received).orElseGet(() -> "hl7v2-" + sha256(payload).substring(0, 16));
    }
    try {
      inbound.publish(key, payload, Er7Text.CONTENT_TYPE, CHANNEL);
    } catch (RuntimeException e) {
      log.error("HL7 v2 message {} could not be written to the inbound topic; answered AR", key, e);
      return Acknowledgements.notProcessed(received, "the message could not be stored, send it again: " + e.getMessage());
    }
    return rejection == null ? Acknowledgements.accepted(received) : Acknowledgements.rejected(received, rejection);
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

  private static String sha256(byte[] payload) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
