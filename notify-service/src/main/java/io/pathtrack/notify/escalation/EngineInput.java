package io.pathtrack.notify.escalation;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.NotificationRequest;
import io.pathtrack.contract.Topics;
import io.pathtrack.contract.streams.RecordRefusedException;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Specimen;

/**
 * What the notification engine reads from its four input topics, one kind per event type ({@code ce_type}), each body
 * read by its topic's serde ({@link Topics}). An event's facts that are in its headers (the classified report's
 * outcome, an SLA event's due time) are read by the engine's processor with the record's key.
 */
sealed interface EngineInput {
  /** A classified report or its retraction; the body is a copy for the page, empty when absent. */
  record Report(Optional<DiagnosticReport> body) implements EngineInput {}

  /** A specimen event: who ordered, a rejection or cancellation, the concordance of its final report. */
  record SpecimenEvent(Specimen specimen) implements EngineInput {}

  /** An SLA warning or breach: what the engine needs is in the headers (the Task body is not read). */
  record SlaEvent() implements EngineInput {}

  /** A recommended follow-up past its due date: what the engine needs is in the headers. */
  record FollowUpOverdue() implements EngineInput {}

  /** A recommended follow-up completed or cancelled: its overdue notice is settled. */
  record FollowUpClosed() implements EngineInput {}

  /** A request to acknowledge a notification. */
  record Acknowledge(NotificationRequest request) implements EngineInput {}

  /** A request to decline a notification ("not my patient"). */
  record Decline(NotificationRequest request) implements EngineInput {}

  /** An event of a type the engine does not act on (or with no type: the processor refuses it). */
  record Other() implements EngineInput {}

  /** Reads the engine's input; it is never written. */
  static Serde<EngineInput> serde() {
    return Serdes.serdeFrom((topic, value) -> {
      throw new UnsupportedOperationException("the engine's input is read, never written");
    }, new Reader());
  }

  /** Reads a value by its record's event type. */
  final class Reader implements Deserializer<EngineInput> {
    private final Deserializer<DiagnosticReport> reports = Topics.REPORTS_CLASSIFIED.serde().deserializer();
    private final Deserializer<Specimen> specimens = Topics.SPECIMENS.serde().deserializer();
    private final Deserializer<NotificationRequest> requests = Topics.NOTIFICATION_ACKS.serde().deserializer();

    @Override
    public EngineInput deserialize(String topic, byte[] data) {
      throw new UnsupportedOperationException("the engine's input is read by its event type, from the headers");
    }

    @Override
    public EngineInput deserialize(String topic, Headers headers, byte[] data) {
      String type = EventHeaders.last(headers, EventHeaders.TYPE);
      if (type == null) {
        return new Other();
      }
      return switch (type) {
        case EventTypes.REPORT_CLASSIFIED, EventTypes.REPORT_RETRACTED ->
            new Report(Optional.ofNullable(reports.deserialize(topic, headers, data)));
        case EventTypes.SPECIMEN_REGISTERED, EventTypes.SPECIMEN_STATUS_CHANGED, EventTypes.SPECIMEN_REPORTED,
            EventTypes.SPECIMEN_REPORTED_IN_PART, EventTypes.SPECIMEN_CORRECTED ->
            new SpecimenEvent(specimens.deserialize(topic, headers, required(data)));
        case EventTypes.SLA_WARNING, EventTypes.SLA_BREACH -> new SlaEvent();
        case EventTypes.FOLLOW_UP_OVERDUE -> new FollowUpOverdue();
        case EventTypes.FOLLOW_UP_CLOSED -> new FollowUpClosed();
        case EventTypes.NOTIFICATION_ACK_REQUESTED -> new Acknowledge(requests.deserialize(topic, headers, required(data)));
        case EventTypes.NOTIFICATION_DECLINE_REQUESTED -> new Decline(requests.deserialize(topic, headers, required(data)));
        default -> new Other();
      };
    }

    private static byte[] required(byte[] data) {
      if (data == null) {
        throw new RecordRefusedException("the event has no body");
      }
      return data;
    }
  }
}
