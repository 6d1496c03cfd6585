package io.pathtrack.results.api;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Fhir;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.InboundPublisher;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.pipeline.ReportMetrics;
import io.pathtrack.results.validation.ReportRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * A report (or bundle) submitted over REST: checked and classified now, so the answer is immediate and
 * precise, then written as received to the inbound topic, from which the pipeline publishes it (with this
 * classification, when this instance reads it back: {@link ReportIntake#assessWritten}).
 */
@Component
class ReportSubmission {
  static final String CHANNEL = "rest";

  private final ReportIntake intake;
  private final InboundPublisher inbound;
  private final ReportMetrics metrics;

  ReportSubmission(ReportIntake intake, InboundPublisher inbound, ReportMetrics metrics) {
    this.intake = intake;
    this.inbound = inbound;
    this.metrics = metrics;
  }

  /**
   * Assessed from the bytes written to the inbound topic, exactly as the pipeline assesses what it reads there, so that
   * the answer, the published event and any later assessment of the same record (another instance, a redelivery) are
   * one and the same by construction.
   *
   * @param received the resource as HAPI read it, before anything was added to it
   * @throws ReportRejectedException when it cannot be accepted; nothing is published
   */
  List<ClassifiedReport> submit(IBaseResource received) {
    metrics.received(CHANNEL);
    byte[] asReceived = Fhir.json().encodeResourceToString(received).getBytes(StandardCharsets.UTF_8);
    List<ClassifiedReport> classified;
    try {
      intake.reader().guard().check(asReceived, EventHeaders.FHIR_JSON);
      classified = intake.assess(asReceived, EventHeaders.FHIR_JSON);
    } catch (ReportRejectedException rejection) {
      metrics.rejected(CHANNEL, rejection);
      throw rejection;
    }
    // The pipeline publishes what was answered here, without classifying it again.
    intake.remember(asReceived, EventHeaders.FHIR_JSON, classified);
    inbound.publish(classified.get(0).accession(), asReceived, EventHeaders.FHIR_JSON, CHANNEL);
    return classified;
  }
}
