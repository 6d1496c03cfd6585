package io.pathtrack.notify.escalation;

import io.pathtrack.notify.domain.AccessionNotifications;
import io.pathtrack.notify.domain.EscalationTimer;
import io.pathtrack.notify.domain.NotificationEngine;
import io.pathtrack.notify.domain.SlaAlert;
import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.contract.streams.DueIndex;
import io.pathtrack.contract.streams.RoutedRecord;
import io.pathtrack.contract.streams.RoutingProcessor;
import io.pathtrack.notify.audit.AuditEvents;
import io.pathtrack.notify.domain.ReportHistory;
import io.pathtrack.notify.report.ReportReading;
import io.pathtrack.notify.report.ReportStore;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * notify-service's state machine in Kafka Streams. Input: classified reports (and retractions),
 * specimen events (who ordered), SLA events and acknowledgement and decline requests, all keyed by accession.
 * State: each accession's notifications, and the due-time index of acknowledgement deadlines. Output 0:
 * notification events (FHIR Communication) for the dispatcher and the inbox; output 1: the audit trail.
 */
final class NotificationProcessor extends RoutingProcessor {
  static final int NOTIFICATIONS = 0;
  static final int AUDIT = 1;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final NotificationEngine engine;
  private final Clock clock;
  private final String source;
  private KeyValueStore<String, String> store;
  private DueIndex timers;
  private KeyValueStore<String, String> reports;

  NotificationProcessor(NotificationEngine engine, Clock clock, Duration sweepInterval, String source) {
    super(sweepInterval);
    this.engine = engine;
    this.clock = clock;
    this.source = source;
  }

  /** An acknowledgement (or decline) request as the API writes it. */
  record AckRequest(String notificationId, String by) {}

  @Override
  protected void open(ProcessorContext<String, RoutedRecord<String>> context) {
    store = context.getStateStore(NotificationTopology.STATE);
    timers = new DueIndex(context.getStateStore(NotificationTopology.TIMERS));
    reports = context.getStateStore(NotificationTopology.REPORTS);
  }

  /**
   * A record that cannot be applied throws: the stream's exception handler sets it aside on
   * {@link io.pathtrack.contract.Topics#NOTIFICATIONS_DLQ} with the reason and the stream goes on with the next one.
   */
  @Override
  protected void apply(Record<String, String> record, String type) {
    Instant now = clock.instant();
    AccessionNotifications state = load(record.key());
    NotificationEngine.Step step = switch (type) {
      case EventTypes.REPORT_CLASSIFIED, EventTypes.REPORT_RETRACTED -> ClassifiedReportEvent
          .fromHeaders(record.key(), record.headers()).map(e -> {
            keep(e, record.value());
            return engine.onReport(state, e, copiesTo(record.headers()), now);
          }).orElse(null);
      case EventTypes.SPECIMEN_REGISTERED, EventTypes.SPECIMEN_STATUS_CHANGED, EventTypes.SPECIMEN_REPORTED,
          EventTypes.SPECIMEN_CORRECTED ->
          engine.onOrderer(state, SpecimenOrders.orderingPractitioner(SpecimenOrders.parse(record.value())));
      case EventTypes.SLA_WARNING, EventTypes.SLA_BREACH -> engine.onSla(state, new SlaAlert(
          type.equals(EventTypes.SLA_BREACH), record.key(),
          Instant.parse(EventHeaders.last(record.headers(), EventHeaders.DUE_TIME)),
          Optional.ofNullable(EventHeaders.last(record.headers(), EventHeaders.ORDERING_PRACTITIONER)),
          Optional.ofNullable(EventHeaders.last(record.headers(), EventHeaders.ID)).orElse(type + record.key())), now);
      case EventTypes.NOTIFICATION_ACK_REQUESTED -> {
        AckRequest ack = JSON.readValue(record.value(), AckRequest.class);
        yield engine.onAcknowledged(state, ack.notificationId(), ack.by(), now);
      }
      case EventTypes.NOTIFICATION_DECLINE_REQUESTED -> {
        AckRequest decline = JSON.readValue(record.value(), AckRequest.class);
        yield engine.onDeclined(state, decline.notificationId(), decline.by(), now);
      }
      default -> null;
    };
    if (step != null) {
      apply(step, now);
    }
  }

  /** Keeps the report version for the notification page (a retraction's body is kept too: the page says so). */
  private void keep(ClassifiedReportEvent event, String json) {
    if (json == null || json.isBlank()) {
      return;
    }
    String kept = reports.get(event.accession());
    ReportHistory history = kept == null ? ReportHistory.empty(event.accession()) : ReportStore.parse(kept);
    reports.put(event.accession(), ReportStore.json(history.with(ReportReading.read(event, json))));
  }

  @Override
  protected void sweep() {
    Instant now = clock.instant();
    for (DueIndex.Entry entry : timers.due(now, 10_000)) {
      timers.remove(entry);
      EscalationTimer timer = EscalationTimer.of(entry);
      apply(engine.onDeadline(load(timer.accession()), timer, now), now);
    }
  }

  private void apply(NotificationEngine.Step step, Instant now) {
    store.put(step.state().accession(), JSON.writeValueAsString(StoredNotifications.of(step.state())));
    step.remove().forEach(t -> timers.remove(t.entry()));
    step.add().forEach(t -> timers.add(t.entry()));
    for (Notification n : step.publish()) {
      forward(n.accession(), NOTIFICATIONS, NotificationCommunications.json(n), NotificationCommunications.headers(n, source, now));
      String stepName = n.state().code();
      Optional<String> by = Optional.ofNullable(step.actedBy().get(n.id()));
      forward(n.accession(), AUDIT, AuditEvents.json(n, stepName, now, by.map(b -> "by " + b).orElse(null), by),
          AuditEvents.headers(n, stepName, source, now));
    }
  }

  private void forward(String key, int output, String value, Map<String, byte[]> headers) {
    context().forward(new Record<>(key, new RoutedRecord<>(output, value, headers), causeTime()));
  }

  private AccessionNotifications load(String accession) {
    String json = store.get(accession);
    return json == null ? AccessionNotifications.empty(accession) : JSON.readValue(json, StoredNotifications.class).state();
  }

  private static java.util.List<String> copiesTo(Headers headers) {
    String copies = EventHeaders.last(headers, EventHeaders.COPIES_TO);
    return copies == null || copies.isBlank() ? java.util.List.of() : java.util.List.of(copies.split(","));
  }


}
